package io.lormas.deploy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import io.lormas.deploy.DeployApplication;
import io.lormas.testkit.RealInfrastructure;

/**
 * deploy-service on a random port against real PostgreSQL, Redis and Pulsar; one context shared by every IT class
 * that uses this annotation. Crash restarts and jobs run fast; periodic inventory requests are off (tests ask).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = DeployApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "lormas.deploy.crash.first-delay=300ms",
                "lormas.deploy.crash.max-delay=2s",
                "lormas.deploy.reconcile.jobs-interval=200ms",
                "lormas.deploy.reconcile.interval=1h",
                "lormas.deploy.scheduler.snapshot-max-age=500ms",
                "lormas.outbox.poll-interval=100ms",
                "logging.level.io.lormas=INFO"
        })
@RealInfrastructure
public @interface DeployIT {
}

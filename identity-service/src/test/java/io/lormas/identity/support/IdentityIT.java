package io.lormas.identity.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import io.lormas.identity.IdentityApplication;
import io.lormas.testkit.RealInfrastructure;

/**
 * identity-service on a free port whose URL is its issuer, with real PostgreSQL, Redis and Pulsar; one context
 * shared by every test class that uses it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "lormas.identity.admin.email=" + TestIdentity.ADMIN_EMAIL,
                "lormas.identity.admin.password=" + TestIdentity.ADMIN_PASSWORD,
                "lormas.identity.service-clients.node-service.secret=" + TestIdentity.NODE_SERVICE_SECRET,
                "lormas.identity.login.max-failures-per-account=5",
                "lormas.identity.login.max-failures-per-ip=50",
                "lormas.identity.signing-keys.publication-delay=0s" })
@ContextConfiguration(initializers = IssuerOnFreePort.class)
@RealInfrastructure
public @interface IdentityIT {
}

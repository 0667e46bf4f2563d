package io.lormas.catalog.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.lormas.catalog.CatalogApplication;
import io.lormas.testkit.RealInfrastructure;

/**
 * catalog-service on a random port with real PostgreSQL and Pulsar (it uses no Redis), and a consumer of its event
 * topics on the broker; one context shared by every test class that uses it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PublishedEvents.class)
@RealInfrastructure(redis = false)
public @interface CatalogIT {
}

package io.lormas.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring Boot test real infrastructure through properties: a fresh PostgreSQL database
 * ({@code spring.datasource.*}), Redis ({@code spring.data.redis.*}), a fresh pair of Pulsar namespaces on the
 * build's broker ({@code lormas.pulsar.*}), the test token issuer ({@code lormas.security.*}) and a random
 * encryption key ({@code lormas.crypto.*}).
 * <p>
 * Each Spring test context gets its own database and namespaces; test classes with the same configuration share
 * one context (and so its database), which keeps the suite fast.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RealInfrastructure {

    boolean postgres() default true;

    boolean redis() default true;

    boolean pulsar() default true;
}

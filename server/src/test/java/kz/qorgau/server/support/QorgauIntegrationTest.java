package kz.qorgau.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full server on a random port, on its own database ({@link TestDatabase}: H2 or PostgreSQL,
 * Flyway applied), with the simulation clock enabled.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDatabase.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qorgau.simulation.enabled=true", "spring.thymeleaf.cache=false"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface QorgauIntegrationTest {}

package kz.qorgau.server.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kz.qorgau.server.support.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application behind MockMvc (every filter, the security chains, the real database on H2),
 * without a port: fuzz inputs go through exactly what a request would, thousands a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDatabase.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"qorgau.simulation.enabled=true", "logging.level.org.apache.pdfbox=off"})
@ContextConfiguration(initializers = TestDatabase.class)
@AutoConfigureMockMvc
@interface FuzzedServer {}

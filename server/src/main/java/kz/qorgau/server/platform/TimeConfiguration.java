package kz.qorgau.server.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition root of time: the only place where the system clock is read. Everything else
 * takes this {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(QorgauProperties properties) {
        Clock system = Clock.systemUTC();
        return properties.simulation().enabled() ? new SimulationClock(system) : system;
    }
}

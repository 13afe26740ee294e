package kz.qorgau.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Qorgau server. Each direct sub-package is one feature module, verified by Spring Modulith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QorgauApplication {

    public static void main(String[] args) {
        SpringApplication.run(QorgauApplication.class, args);
    }
}

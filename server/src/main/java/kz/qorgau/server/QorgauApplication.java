package kz.qorgau.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Qorgau server. Each direct sub-package is one feature module, verified by Spring Modulith. */
@SpringBootApplication
public class QorgauApplication {

    public static void main(String[] args) {
        SpringApplication.run(QorgauApplication.class, args);
    }
}

package kz.qorgau.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.QorgauApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application with extra properties that outrank the environment. */
final class ServerLauncher {

    private ServerLauncher() {}

    /** Starts the web server; returns once it is listening (the JVM keeps running with it). */
    static ConfigurableApplicationContext serve(Map<String, String> properties) {
        return start(properties, WebApplicationType.SERVLET);
    }

    /** Starts the application without a web server, for administrative commands. */
    static ConfigurableApplicationContext offline(Map<String, String> properties) {
        Map<String, String> quiet = new java.util.LinkedHashMap<>(properties);
        quiet.putIfAbsent("logging.level.root", "warn");
        quiet.putIfAbsent("spring.main.log-startup-info", "false");
        return start(quiet, WebApplicationType.NONE);
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties, WebApplicationType type) {
        SpringApplication application = new SpringApplication(QorgauApplication.class);
        application.setWebApplicationType(type);
        List<String> args = new ArrayList<>();
        // Command-line arguments outrank environment variables, so the launcher's choices win.
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return application.run(args.toArray(String[]::new));
    }
}

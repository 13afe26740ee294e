package kz.qorgau.server.demo;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed the demo region on start (only {@code qorgau demo} sets it)
 * @param credentialsOut where to write the logins, passwords and tokens as JSON
 */
@ConfigurationProperties("qorgau.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled, @Nullable Path credentialsOut) {}

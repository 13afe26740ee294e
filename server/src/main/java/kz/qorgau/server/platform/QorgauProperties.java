package kz.qorgau.server.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qorgau.*}.
 *
 * @param dataDir where the embedded database and generated keys live ({@code QORGAU_DATA_DIR})
 * @param receiptKey base64 HMAC key for receipts; generated into the data directory when absent
 *     and the database is the embedded one
 * @param simulation the simulation clock, off unless enabled (the demo enables it)
 * @param publicBaseUrl the address reporters and notifications use to reach this server
 */
@ConfigurationProperties("qorgau")
public record QorgauProperties(
        @DefaultValue("./data") Path dataDir,
        @Nullable String receiptKey,
        @DefaultValue Simulation simulation,
        @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    /** @param enabled whether {@code POST /api/v1/simulation/clock} may move the server's clock */
    public record Simulation(@DefaultValue("false") boolean enabled) {}
}

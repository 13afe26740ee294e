package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API describes itself at {@code /v3/api-docs}: every public and staff endpoint, with its problems. */
@QorgauIntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        Http.Response docs = new Http(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode document = docs.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        JsonNode paths = document.get("paths");
        assertThat(paths.has("/api/v1/reports")).isTrue();
        assertThat(paths.has("/api/v1/reporter/messages")).isTrue();
        assertThat(paths.has("/api/v1/cases/{id}")).isTrue();
        assertThat(paths.has("/api/v1/ledger/checkpoint")).isTrue();
        assertThat(paths.has("/api/v1/signals/ads")).isTrue();
        assertThat(document.get("components")
                        .get("securitySchemes")
                        .get("bearer")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(paths.get("/api/v1/reporter/messages")
                        .get("post")
                        .get("requestBody")
                        .get("content")
                        .has("multipart/form-data"))
                .as("the message with files is documented")
                .isTrue();
    }
}

package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.qorgau.server.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only absolute http(s) URLs with a host, without credentials or fragment, are webhook endpoints. */
class WebhookUrlTest {

    @ParameterizedTest
    @CsvSource({
        "ftp://receiver.example.kz/qorgau, scheme",
        "javascript:alert(1), scheme",
        "file:///etc/passwd, scheme",
        "/relative/path, scheme",
        "https:///no-host, host",
        "https://user:password@receiver.example.kz/, credentials",
        "https://receiver.example.kz/hook#part, fragment",
        "'https://receiver.example.kz/a b', format",
        "'  ', required"
    })
    void isRefused(String url, String code) {
        assertThatThrownBy(() -> Webhooks.checkUrl(url)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations().getFirst().field()).isEqualTo("url");
            assertThat(e.violations().getFirst().code()).isEqualTo(code);
        });
    }

    @Test
    void aUrlLongerThanTheLimitIsRefused() {
        String url = "https://receiver.example.kz/" + "a".repeat(Webhooks.MAX_URL);
        assertThatThrownBy(() -> Webhooks.checkUrl(url))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("length"));
    }

    @Test
    void httpsAndHttpWithPortsAndQueriesAreAccepted() {
        assertThat(Webhooks.checkUrl("https://receiver.example.kz:8443/qorgau?source=qorgau")
                        .getHost())
                .isEqualTo("receiver.example.kz");
        assertThat(Webhooks.checkUrl("HTTP://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
    }
}

package kz.qorgau.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for {@code *BrowserIT} tests, from Debian's {@code chromium} and
 * {@code chromium-driver} (or {@code CHROME_BIN} / {@code CHROMEDRIVER}). Without them the tests
 * are skipped with a message, unless {@code QORGAU_TEST_REQUIRE_BROWSER=true} (as on CI).
 */
public final class Browser implements ExecutionCondition {

    static Path chrome() {
        return Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    }

    static Path driver() {
        return Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(chrome()) && Files.isExecutable(driver())) {
            return ConditionEvaluationResult.enabled("chromium at " + chrome());
        }
        if ("true".equalsIgnoreCase(System.getenv("QORGAU_TEST_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(
                    "QORGAU_TEST_REQUIRE_BROWSER=true but chromium or chromedriver is missing at " + chrome() + " / "
                            + driver());
        }
        String reason = "BROWSER TEST NOT RUN: install chromium and chromium-driver (as .ci/run does)";
        System.out.println("[qorgau] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** A new headless browser with an empty profile; the caller quits it. */
    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=412,915",
                "--lang=ru-RU");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ru-RU,ru"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}

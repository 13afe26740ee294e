package kz.qorgau.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Browser;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: the school's safeguarding lead works a case from the inbox — acknowledges,
 * records a visit — and the chronology shows it; the reporter follows the case with the receipt and
 * flags pressure by the school, after which the school no longer sees the case.
 */
@ExtendWith(Browser.class)
@QorgauIntegrationTest
class CaseworkBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    /** Clicks and waits until the browser has left the page (forms post and redirect back). */
    private void clickAndWaitForNextPage(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        // Chromedriver reports a node of the old document in more than one way; any failure to reach it
        // means the old page is gone.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    private List<String> chronologyKinds() {
        return browser.findElements(By.cssSelector("#chronology li")).stream()
                .map(li -> li.getAttribute("data-kind"))
                .toList();
    }

    @Test
    void theSchoolLeadWorksTheCaseAndTheReporterFollowsIt() {
        Fixtures.Region region = fixtures.region();
        StaffMember lead = fixtures.staff(region.school(), Role.CASE_WORKER);
        String base = "http://localhost:" + port;
        Http.Response filed = new Http(port)
                .postJson(
                        "/api/v1/reports",
                        Http.json(Map.of(
                                "childAge",
                                13,
                                "school",
                                "Школа № " + region.school().schoolNumber(),
                                "city",
                                region.city(),
                                "categories",
                                List.of("bullying"),
                                "narrative",
                                "Мальчика травят одноклассники.")));
        String receipt = filed.json().get("receipt").asString();

        browser.get(base + "/staff/login");
        browser.findElement(By.id("username")).sendKeys(lead.login());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("#inbox tr.case-row a")).isEmpty();
        });
        browser.findElement(By.cssSelector("#inbox tr.case-row a")).click();
        String casePage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("case-title")).getText()).startsWith("Дело Q-");
        assertThat(chronologyKinds()).containsSubsequence("report.received", "case.opened", "referral.opened");

        clickAndWaitForNextPage(browser.findElement(By.cssSelector("button.acknowledge")));
        assertThat(browser.findElement(By.id("done")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".referral .state")).getText())
                .isEqualTo("подтверждено");

        WebElement actionForm = browser.findElement(By.cssSelector("form[action$='/actions']"));
        new Select(actionForm.findElement(By.name("kind"))).selectByValue("visit");
        actionForm.findElement(By.name("note")).sendKeys("Поговорили с классным руководителем.");
        clickAndWaitForNextPage(actionForm.findElement(By.cssSelector("button")));
        assertThat(chronologyKinds()).containsSubsequence("referral.acknowledged", "referral.action-recorded");
        assertThat(browser.findElement(By.id("chronology")).getText()).contains("Поговорили с классным руководителем.");

        // The reporter follows the case with the receipt (typed in lower case with spaces).
        browser.get(base + "/follow");
        browser.findElement(By.id("receipt")).sendKeys(receipt.toLowerCase().replace('-', ' '));
        clickAndWaitForNextPage(browser.findElement(By.id("open-receipt")));
        assertThat(browser.findElement(By.id("reporter-status")).getText()).contains("Рассматривает");
        browser.findElement(By.id("body")).sendKeys("В школе на меня накричали и сказали забрать заявление.");
        browser.findElement(By.cssSelector("input[name=flag][value=threatened]"))
                .click();
        browser.findElement(By.id("organisation"))
                .sendKeys("Школа № " + region.school().schoolNumber());
        clickAndWaitForNextPage(browser.findElement(By.id("send-message")));
        assertThat(browser.findElement(By.id("reporter-status")).getText()).contains("Передано выше");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("В школе на меня накричали");

        // The school no longer sees the case.
        browser.get(casePage);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Не найдено");
    }
}

package kz.qorgau.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Browser;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: a parent files a report in Russian and gets a receipt; the school's
 * safeguarding lead signs in and finds the case in the inbox.
 */
@ExtendWith(Browser.class)
@QorgauIntegrationTest
class ReportToInboxBrowserIT {

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

    @Test
    void aParentReportsInRussianAndTheSchoolLeadSeesTheCase() {
        Organisation school = fixtures.school();
        StaffMember lead = fixtures.staff(school, Role.CASE_WORKER);
        String base = "http://localhost:" + port;

        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        assertThat(browser.findElement(By.id("quick-exit")).isDisplayed()).isTrue();
        browser.findElement(By.id("childAge")).sendKeys("16");
        browser.findElement(By.id("school")).sendKeys("Школа № " + school.schoolNumber());
        browser.findElement(By.id("city")).sendKeys(school.city());
        browser.findElement(By.cssSelector("input[name=categories][value=sexual-exploitation]"))
                .click();
        browser.findElement(By.id("narrative"))
                .sendKeys("С марта дочь не ночует дома, оценки упали, в школе не принимают заявление.");
        browser.findElement(By.id("since")).sendKeys("с марта");
        browser.findElement(By.id("submit-report")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ваше сообщение получено");
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertThat(receipt).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}");
        String reference = browser.findElement(By.id("reference")).getText();

        browser.get(base + "/staff/login");
        browser.findElement(By.id("username")).sendKeys(lead.login());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("#inbox tr.case-row a")).isEmpty();
        });
        browser.findElement(By.cssSelector("#inbox tr.case-row a")).click();
        assertThat(browser.findElement(By.id("case-title")).getText()).startsWith("Дело Q-");
        assertThat(browser.getPageSource())
                .contains(reference)
                .contains("С марта дочь не ночует дома")
                .contains("Сексуальная эксплуатация");
    }
}

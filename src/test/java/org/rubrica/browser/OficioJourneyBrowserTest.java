package org.rubrica.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rubrica.Acting;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The slice in a real browser (Debian's headless Chromium): a drafter logs in, writes and sends an oficio;
 * the recipient logs in and opens it from the inbox. Screenshots land in target/screenshots/.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("demo")
class OficioJourneyBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");

    @LocalServerPort int port;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Debian's chromium and chromium-driver are not installed; CI installs them");
        }
        assertThat(installed).as("chromium and chromedriver installed").isTrue();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1000", "--lang=es");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_drafter_sends_an_oficio_and_the_recipient_opens_it_from_the_inbox() throws IOException {
        String subject = "Jornada de reforestación escolar";
        login(Acting.DRAFTER);
        open("/oficios/nuevo");
        WebElement recipient = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#recipient input")));
        recipient.sendKeys("SEC/DGE");
        waitForServer();
        recipient.sendKeys(Keys.ARROW_DOWN);
        recipient.sendKeys(Keys.ENTER);
        browser.findElement(By.cssSelector("#subject input")).sendKeys(subject);
        WebElement body = browser.findElement(By.cssSelector("#body textarea"));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Le invitamos a la jornada de reforestación del próximo sábado.");
        click(By.id("preview"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.pdf-page")));
        screenshot("1-draft-with-preview");

        click(By.id("save-draft"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
        screenshot("2-draft-saved");
        click(By.id("send"));
        WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[slot='confirm-button']")));
        confirm.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".oficio-status"), "Enviado"));
        screenshot("3-sent");

        browser.manage().deleteAllCookies();
        login(Acting.RECIPIENT);
        open("/bandeja");
        WebElement row = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + subject + "']")));
        screenshot("4-inbox");
        row.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[normalize-space(.)='" + subject + "']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.pdf-page")));
        screenshot("5-opened-by-recipient");
        assertThat(browser.findElement(By.cssSelector(".trail")).getText()).contains("Leído en");

        // phone width: the menu folds into the drawer toggle and the page image fits the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-drawer-toggle")));
        WebElement page = browser.findElement(By.cssSelector("img.pdf-page"));
        assertThat(page.getSize().getWidth()).isLessThanOrEqualTo(390);
        screenshot("6-phone-width");
    }

    private void login(String username) {
        open("/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(Acting.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bienvenid"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void waitForServer() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients || "
                        + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())"));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

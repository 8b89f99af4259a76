package org.rubrica.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rubrica.Acting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The slice in a real browser (Debian's headless Chromium): a drafter logs in and writes an oficio, which cannot
 * be sent before it is signed; once signed she sends it; the recipient logs in and opens it from the inbox. Screenshots land in target/screenshots/.
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
    @Autowired JdbcTemplate jdbc;
    @Autowired Acting acting;
    @Autowired org.rubrica.drafting.OficioService oficios;
    @Autowired org.rubrica.drafting.ReviewService review;
    @Autowired org.rubrica.drafting.InvitationService invitations;
    @Autowired org.rubrica.routing.RoutingService routing;
    @Autowired org.rubrica.notifications.Notifications notifications;
    @Autowired org.rubrica.SignedOficios signedOficios;
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

    /** The page as the test left it, to see where a failing test stopped. */
    @AfterEach
    void stopBrowser(org.junit.jupiter.api.TestInfo test) throws IOException {
        if (browser != null) {
            screenshot("last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
            browser.quit();
        }
    }

    @Test
    void a_drafter_sends_an_oficio_and_the_recipient_opens_it_from_the_inbox() throws IOException {
        String subject = "Jornada de reforestación escolar";
        login(Acting.DRAFTER);
        open("/oficios/nuevo");
        chooseRecipient("SEC/DGE");
        browser.findElement(By.cssSelector("#subject input")).sendKeys(subject);
        WebElement body = bodyEditor();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Le invitamos a la jornada de reforestación del próximo sábado.");
        click(By.id("preview"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.pdf-page")));
        screenshot("1-draft-with-preview");

        click(By.id("save-draft"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-review")));
        screenshot("2-draft-saved");
        assertThat(browser.findElements(By.id("send"))).as("an unsigned draft is not sent").isEmpty();

        // her director approves and signs it (the signing pages have tests of their own), then she sends it
        signedOficios.signDraft(oficioId(browser.getCurrentUrl()));
        acting.nobody();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
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

    /**
     * Issue 7's end in a browser: the receiving office registers a received oficio (entry number and sealed
     * acknowledgement) and answers it; the reply draft cites the original; a person of another unit cannot open it.
     */
    @Test
    void the_receiving_office_registers_an_oficio_and_answers_it() throws IOException {
        UUID id = signedOficios.sent("Censo de bibliotecas escolares");
        String number = oficios.get(id).number();
        acting.nobody();
        long unit = acting.unitId("SEC/DGE");

        login(Acting.RECIPIENT);
        open("/oficios/" + id);
        click(By.id("receipt-register-" + unit));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt-panel"), "Folio de entrada SEC/DGE/E-"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledgement-" + unit)));
        screenshot("11-receipt-registered");
        click(By.id("reply"));
        wait.until(ExpectedConditions.urlContains("/editar"));
        wait.until(d -> Boolean.TRUE.equals(js("return [...document.querySelectorAll('vaadin-text-field')].some("
                + "f => f.label === 'Número del oficio que se responde' && f.value === arguments[0])", number)));
        screenshot("12-reply-draft");

        browser.manage().deleteAllCookies();
        login(Acting.OTHER_UNIT_DRAFTER);
        open("/oficios/" + id);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Documento no disponible"));
        assertThat(browser.getPageSource()).doesNotContain("Censo de bibliotecas escolares");
    }

    /**
     * The auditor opens the indicators: the charts are drawn (Chart.js in the page), and a click on this month's
     * "sent" bar lists the oficios behind it, among them one sent today.
     */
    @Test
    void the_auditor_sees_the_indicators_as_charts_and_opens_a_bar() throws IOException {
        UUID id = signedOficios.sent("Indicadores: oficio del mes");
        String number = oficios.get(id).number();
        acting.nobody();

        login(Acting.AUDITOR);
        open("/indicadores");
        click(By.id("indicators-show"));
        String painted = "const c = document.getElementById(arguments[0])?.shadowRoot?.querySelector('canvas');"
                + "if (!c || c.width === 0) return false;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; } return false;";
        wait.until(d -> Boolean.TRUE.equals(js(painted, "indicators-monthly")));
        wait.until(d -> Boolean.TRUE.equals(js(painted, "indicators-times")));
        screenshot("13-indicators");

        // the last month's "sent" bar (series 2), clicked with the mouse where Chart.js drew it
        WebElement canvas = (WebElement) js("return document.getElementById('indicators-monthly').shadowRoot"
                + ".querySelector('canvas')");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Number> bar = (java.util.Map<String, Number>) js("const el = "
                + "document.getElementById('indicators-monthly'); const bars = el.chart.getDatasetMeta(2).data;"
                + "const b = bars[bars.length - 1]; const r = el.shadowRoot.querySelector('canvas')"
                + ".getBoundingClientRect(); return {dx: b.x - r.width / 2, dy: (b.y + b.base) / 2 - r.height / 2};");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(canvas, bar.get("dx").intValue(), bar.get("dy").intValue()).click().perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("indicators-behind"), number));
        screenshot("14-indicators-behind-a-bar");
    }

    /**
     * The body editor keeps what the drafter formats and drops what a paste smuggles in: the HTML pasted
     * (as Word or a web page would put it on the clipboard) holds a script, an image with onerror, a
     * javascript: link and style attributes; none of it reaches the server and none of it runs.
     */
    @Test
    void the_body_editor_keeps_formatting_and_drops_what_a_paste_smuggles_in() throws IOException {
        login(Acting.DRAFTER);
        open("/oficios/nuevo");
        chooseRecipient("SEC/DGE");
        browser.findElement(By.cssSelector("#subject input")).sendKeys("Oficio con formato");

        WebElement body = bodyEditor();
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Texto normal y ");
        toolbarButton("bold").click();
        body.sendKeys("texto en negrita");
        toolbarButton("bold").click();
        body.sendKeys(".", Keys.ENTER);
        paste(body, """
                <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p { color: red }</style></head><body>
                <p class="MsoNormal" style="color:red;mso-line-height-rule:exactly">Pegado de Word
                   <span style="font-weight:700;font-family:Calibri">con negrita por estilo</span><o:p></o:p></p>
                <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
                   style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Primer punto</p>
                <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
                   style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Segundo punto</p>
                <script>window.rubricaPwned = 'script';</script>
                <p>Imagen: <img src="data:," onerror="window.rubricaPwned = 'img'"></p>
                <p><a href="javascript:window.rubricaPwned = 'link'">enlace malo</a>
                   y <a href="https://example.org/ok" style="color:red" target="_blank">enlace bueno</a></p>
                </body></html>""");
        assertThat(body.getText()).contains("Pegado de Word", "enlace bueno");
        screenshot("7-editor-after-paste");

        String sent = (String) js("return document.getElementById('body').html");
        assertThat(sent).contains("<strong>texto en negrita</strong>", "Pegado de Word",
                        "<strong>con negrita por estilo</strong>",
                        "<ul><li>Primer punto</li><li>Segundo punto</li></ul>",
                        "<a href=\"https://example.org/ok\">enlace bueno</a>")
                .doesNotContain("<script", "<img", "onerror", "javascript:", "style=", "class=", "target=",
                        "rubricaPwned", "·", "mso", "<span");

        click(By.id("save-draft"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-review")));
        String stored = storedBody(browser.getCurrentUrl());
        assertThat(stored).contains("<strong>texto en negrita</strong>", "Pegado de Word", "https://example.org/ok")
                .doesNotContain("<script", "<img", "onerror", "javascript:", "style=", "class=", "rubricaPwned");
        assertThat(js("return window.rubricaPwned === undefined")).as("no pasted script ran").isEqualTo(true);

        // opened again, the editor shows the stored formatting
        open(URI.create(browser.getCurrentUrl()).getPath() + "/editar");
        wait.until(d -> !bodyEditor().findElements(By.cssSelector("strong")).isEmpty());
        assertThat(bodyEditor().findElement(By.cssSelector("strong")).getText()).isEqualTo("texto en negrita");
        assertThat(js("return window.rubricaPwned === undefined")).as("no stored script ran").isEqualTo(true);
    }

    /** Tables from the toolbar come out plain; the link form takes web and mail addresses only. */
    @Test
    void the_toolbar_inserts_plain_tables_and_only_safe_links() throws IOException {
        login(Acting.DRAFTER);
        open("/oficios/nuevo");
        WebElement body = bodyEditor();
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Consulte el portal");
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME));
        toolbarButton("link").click();
        WebElement href = browser.findElement(By.id("body")).getShadowRoot().findElement(By.cssSelector("[part='link-form'] input"));
        href.sendKeys(Keys.chord(Keys.CONTROL, "a"), "javascript:alert(1)", Keys.ENTER);
        assertThat(browser.findElement(By.id("body")).getShadowRoot().findElement(By.cssSelector(".link-error")).getText())
                .contains("https://");
        href.sendKeys(Keys.chord(Keys.CONTROL, "a"), "https://www.gob.mx/tramites", Keys.ENTER);
        body.sendKeys(Keys.END, Keys.ENTER);
        toolbarButton("table").click();
        // typed where the caret is (WebElement.sendKeys would first move it to the end of the editor)
        new Actions(browser).sendKeys("Concepto", Keys.TAB, "Monto").perform();
        toolbarButton("addRow").click();
        screenshot("9-table-and-link");

        String html = (String) js("return document.getElementById('body').html");
        assertThat(html).contains("<a href=\"https://www.gob.mx/tramites\">Consulte el portal</a>",
                        "<table><tbody><tr><th>Concepto</th><th>Monto</th>")
                .doesNotContain("javascript:", "style=", "colgroup", "colspan", "target=");
        assertThat(html.split("<tr>", -1)).hasSize(5); // the header row, two rows of the new table, the added one
    }

    /** Text typed and never saved survives a reload in this browser and is offered back. */
    @Test
    void unsaved_body_text_is_kept_by_the_browser_and_offered_back() throws IOException {
        login(Acting.DRAFTER);
        open("/oficios/nuevo");
        WebElement body = bodyEditor();
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Texto que se escribió y nunca se guardó.");
        wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('body').dirty")));
        wait.until(d -> Boolean.TRUE.equals(js("return Object.keys(localStorage).some(k => "
                + "k.startsWith('rubrica-rich-text:') && localStorage.getItem(k).includes('nunca se guard'))")));

        assertThat(js("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); "
                + "return e.defaultPrevented")).as("leaving the page warns").isEqualTo(true);

        browser.navigate().refresh(); // ChromeDriver accepts the warning itself
        acceptAnyAlert();

        WebElement restore = wait.until(ExpectedConditions.elementToBeClickable(By.id("restore-backup")));
        screenshot("8-backup-offered");
        restore.click();
        wait.until(d -> bodyEditor().getText().contains("nunca se guardó"));

        chooseRecipient("SEC/DGE");
        browser.findElement(By.cssSelector("#subject input")).sendKeys("Texto recuperado");
        click(By.id("save-draft"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-review")));
        assertThat(storedBody(browser.getCurrentUrl())).contains("nunca se guardó");
        wait.until(d -> Boolean.TRUE.equals(js("return !Object.keys(localStorage).some(k => "
                + "k.startsWith('rubrica-rich-text:'))")));
    }

    /**
     * Issue 4's journey in a browser: a reviewer writes over the draft and saves suggestions; another one's
     * suggestion carries a script and an image with onerror; the owner sees both authors' redline, accepts one
     * change and rejects another, and the trail tells each step. Nothing in the suggestions runs.
     */
    @Test
    void a_reviewer_suggests_and_the_owner_accepts_and_rejects_in_the_review_page() throws IOException {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new org.rubrica.drafting.DraftContent(acting.unitId("SEC/DGE"),
                "Programa de bacheo", "<p>Se solicita el informe mensual de obras.</p><p>Sin otro particular.</p>",
                java.util.Map.of()));
        invitations.invite(id, acting.personId(Acting.OTHER_UNIT_DRAFTER), org.rubrica.drafting.DraftAccess.EDITOR);
        invitations.invite(id, acting.personId(Acting.ADMIN), org.rubrica.drafting.DraftAccess.EDITOR);
        acting.as(Acting.ADMIN);
        var working = review.working(id);
        review.suggest(id, new org.rubrica.drafting.DraftContent(working.content().recipientUnitId(), working.content().subject(),
                working.content().bodyHtml().replace("Sin otro particular.",
                        "Sin otro particular. &lt;script&gt;window.__xss=1&lt;/script&gt;<img src=x onerror=\"window.__xss=2\">"
                                + "<script>window.__xss=3</script>"), working.content().fields()), working.baseVersion(), null);
        acting.nobody();

        login(Acting.OTHER_UNIT_DRAFTER);
        open("/oficios/" + id + "/sugerir");
        WebElement body = bodyEditor();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("Se solicita el informe trimestral de obras.", Keys.ENTER, "Sin otro particular.");
        waitForServer();
        click(By.id("save-draft"));
        wait.until(ExpectedConditions.urlContains("/revision"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".redline")));

        browser.manage().deleteAllCookies();
        login(Acting.DRAFTER);
        open("/oficios/" + id + "/revision");
        WebElement redline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".redline")));
        assertThat(redline.findElements(By.cssSelector("ins.rl-a0, ins.rl-a1"))).isNotEmpty();
        assertThat(redline.findElements(By.cssSelector("ins.rl-a1"))).isNotEmpty(); // two authors, two colours
        assertThat(redline.getText()).contains("trimestral", "<script>window.__xss=1</script>");
        assertThat(redline.findElements(By.tagName("img"))).isEmpty();
        screenshot("7-review-redline");

        long quarterly = jdbc.queryForObject("SELECT id FROM drafting_change WHERE oficio_id = ? AND status = 'PENDING'"
                + " AND inserted::text LIKE '%trimestral%'", Long.class, id);
        long scripted = jdbc.queryForObject("SELECT id FROM drafting_change WHERE oficio_id = ? AND status = 'PENDING'"
                + " AND inserted::text LIKE '%script%'", Long.class, id);
        click(By.id("accept-" + quarterly));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("accept-" + quarterly)));
        click(By.id("reject-" + scripted));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reject-" + scripted)));
        screenshot("8-review-decided");
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT body_html FROM drafting_oficio WHERE id = ?", String.class, id))
                .contains("trimestral").doesNotContain("script", "onerror");

        open("/oficios/" + id);
        WebElement trail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".trail")));
        assertThat(trail.getText()).contains("invitado a sugerir cambios", "Cambios sugeridos", "Cambio aceptado",
                "Cambio rechazado");
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
    }

    /** Server push: the bell of a page left open counts a decision taken meanwhile by someone else. */
    @Test
    void the_bell_of_an_open_page_lights_up_when_a_reviewer_decides() throws IOException {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new org.rubrica.drafting.DraftContent(acting.unitId("SEC/DGE"),
                "Aviso en vivo", "<p>Texto.</p>", java.util.Map.of()));
        routing.setRoute(id, java.util.List.of(
                new org.rubrica.routing.RouteModels.StepPlan(org.rubrica.routing.RouteModels.StepKind.REVIEW,
                        org.rubrica.routing.RouteModels.StepMode.ALL, java.util.List.of(acting.personId("sramirez")), null),
                new org.rubrica.routing.RouteModels.StepPlan(org.rubrica.routing.RouteModels.StepKind.SIGN,
                        org.rubrica.routing.RouteModels.StepMode.ALL, java.util.List.of(acting.personId("bcampos")), null)));
        routing.submit(id);
        notifications.markAllRead();
        login(Acting.DRAFTER);
        open("/pendientes");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending")));
        waitForServer();
        assertThat(browser.findElement(By.id("notifications-bell")).getText()).isEmpty();

        acting.as("sramirez"); // the reviewer, elsewhere
        routing.decide(id, org.rubrica.routing.RouteModels.Decision.CHANGES_REQUESTED, "Precise las fechas.");
        acting.nobody();
        wait.until(ExpectedConditions.textToBe(By.id("notifications-bell"), "1"));
        assertThat(browser.getCurrentUrl()).endsWith("/pendientes"); // no navigation: pushed
        screenshot("10-live-bell");
    }

    private void acceptAnyAlert() {
        try {
            browser.switchTo().alert().accept();
        } catch (NoAlertPresentException e) {
            // none shown
        }
    }

    /**
     * Types the unit's code and picks it once the list shows it: with many units the combo box filters on the
     * server, so the match arrives a moment after the typing.
     */
    private void chooseRecipient(String code) {
        WebElement recipient = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#recipient input")));
        recipient.sendKeys(code);
        WebElement match = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-combo-box-item[starts-with(normalize-space(.), '" + code + " ')]")));
        match.click();
        wait.until(d -> recipient.getAttribute("value").startsWith(code));
    }

    /** The editable area inside the body editor's shadow root. */
    private WebElement bodyEditor() {
        WebElement host = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        return wait.until(d -> host.getShadowRoot().findElement(By.cssSelector(".ProseMirror[contenteditable='true']")));
    }

    private WebElement toolbarButton(String action) {
        return browser.findElement(By.id("body")).getShadowRoot()
                .findElement(By.cssSelector("button[data-action='" + action + "']"));
    }

    /** A paste as the browser delivers it: a paste event whose clipboard holds HTML and its plain text. */
    private void paste(WebElement target, String html) {
        js("""
                const data = new DataTransfer();
                data.setData('text/html', arguments[1]);
                data.setData('text/plain', new DOMParser().parseFromString(arguments[1], 'text/html').body.textContent);
                arguments[0].focus();
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                """, target, html);
    }

    /** The body the server stored for the oficio whose page is at url. */
    private String storedBody(String url) {
        return jdbc.queryForObject("SELECT body_html FROM drafting_oficio WHERE id = ?", String.class, oficioId(url));
    }

    /** The id in an oficio page's address. */
    private static UUID oficioId(String url) {
        String path = URI.create(url).getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
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

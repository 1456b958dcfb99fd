package org.medhub.hub.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.customs.CustomsHoldings;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * The dashboard in a real headless Chromium: sign in, find a failed message by its lot, replay it and see it
 * delivered; resolve a conflict with a signature; what each role sees. A screenshot of every page goes to
 * {@code target/screenshots/}.
 */
class DashboardIT extends HubIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String ERP = "erp";
    private static final String ERP_SECRET = "erp-it-secret";

    private static WebDriver browser;

    /** What the page showed when a test failed, beside the screenshots of the pages it passed. */
    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private CanonicalPublisher publisher;

    @BeforeAll
    static void chromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the dashboard's tests need Debian's chromium and chromium-driver (apt-get install -y chromium"
                        + " chromium-driver; .ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void people() {
        person("dash-viewer", "VIEWER");
        person("dash-resolver", "RESOLVER");
        person("dash-beta-operator", "OPERATOR");
        putBytes("/api/users/dash-beta-operator/partners", "admin", ADMIN_PASSWORD,
                "{\"partners\": [\"beta-factory\"], \"reason\": \"works for Beta only\"}".getBytes(StandardCharsets.UTF_8));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anOperatorFindsAFailedMessageByItsLotReplaysItAndSeesItDelivered() {
        erp.stubFor(post("/erp/batches").atPriority(5).willReturn(aResponse().withStatus(201)));
        StubMapping refusing = erp.stubFor(post("/erp/batches").atPriority(1).withRequestBody(containing("LOT-DASH-1"))
                .willReturn(aResponse().withStatus(422).withBody("unknown material")));
        var posted = postBatch(ACME, ACME_SECRET, acmeBatch("REC-DASH-1", "LOT-DASH-1"));
        String messageId = json(posted).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("FAILED"));

        signIn("admin", ADMIN_PASSWORD);
        search("LOT-DASH-1");
        WebElement row = waitFor(By.cssSelector("#messages tbody tr"));
        assertThat(row.getText()).contains("FAILED").contains("LOT-DASH-1").contains("422");
        screenshot("messages-failed-by-lot");

        row.findElement(By.cssSelector("a.mono")).click();
        WebElement deliverAgain = waitFor(By.cssSelector("button.replay-to"));
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains(messageId).contains("FAILED");
        assertThat(browser.findElement(By.id("lineage")).getText()).as("the mapping trace").contains("lot");
        assertThat(browser.findElement(By.id("raw")).getText()).as("what the factory sent").contains("\"lotNo\"");
        assertThat(browser.findElement(By.id("canonical")).getText()).contains("\"lot\": \"LOT-DASH-1\"");
        assertThat(browser.findElement(By.id("changes")).getText()).as("a new record: every field").contains("lot")
                .contains("LOT-DASH-1");
        screenshot("message");
        erp.removeStub(refusing); // the ERP now knows the material

        deliverAgain.click();
        WebElement start = waitFor(By.id("replay-start"));
        assertThat(browser.findElement(By.id("replay-plan")).getText()).contains("WOULD_DELIVER");
        screenshot("replay-plan");
        start.click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("replay-percent"), "100 % (1 of 1)"));
        screenshot("replay");

        browser.get(baseUrl() + "/#/messages/" + messageId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(waitFor(By.cssSelector(".facts")).getText()).contains("DELIVERED");
        });
        screenshot("message-delivered");
    }

    @Test
    void aBulkReplayRunsToOneHundredPercentAndASlowOneCanBeStopped() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        factory("dash-bulk", "生产中: IN_PRODUCTION");
        for (int i = 0; i < 4; i++) {
            assertThat(postBytes("/api/inbound/dash-bulk/batch-record", "dash-bulk", "gamma-it-secret",
                    factoryRecord("LOT-DASH-BULK-" + i)).statusCode()).as("refused by the mapping").isEqualTo(422);
        }
        factory("dash-bulk", "生产中: IN_PRODUCTION, 待检: QUARANTINE"); // the mapping fixed

        var overview = json(get("/api/overview", "admin", ADMIN_PASSWORD));
        var activity = overview.get("partners").valueStream().filter(p -> p.get("partner").asText().equals("dash-bulk"))
                .findFirst().orElseThrow();
        assertThat(activity.get("received").asLong()).isEqualTo(4);
        assertThat(activity.get("failedNow").asLong()).isEqualTo(4);
        assertThat(activity.get("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(overview.get("consumers").findValuesAsText("group")).contains("medhub.mapping.acme-factory");

        signIn("admin", ADMIN_PASSWORD);
        browser.get(baseUrl() + "/#/overview");
        WebElement row = wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='activity']//tr[td[1][.='dash-bulk']]")));
        assertThat(row.findElements(By.tagName("rect"))).as("a chart of the hour").isNotEmpty();
        screenshot("overview");
        row.findElement(By.cssSelector("a.failed-link")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("count"), "4 message(s)"));
        screenshot("messages-failed-of-a-partner");
        waitFor(By.id("replay-matching")).click();
        waitFor(By.id("replay-start"));
        assertThat(browser.findElement(By.cssSelector("#replay-plan h2")).getText()).isEqualTo("Replay: 4 message(s)");
        screenshot("bulk-replay-plan");
        browser.findElement(By.id("replay-start")).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("replay-percent"), "100 % (4 of 4)"));
        assertThat(browser.findElement(By.id("replay-items")).getText()).contains("REPLAYED");
        screenshot("bulk-replay-done");

        factory("dash-bulk", "生产中: IN_PRODUCTION"); // six more, refused by the mapping as it was
        for (int i = 4; i < 10; i++) {
            postBytes("/api/inbound/dash-bulk/batch-record", "dash-bulk", "gamma-it-secret", factoryRecord("LOT-DASH-BULK-" + i));
        }
        factory("dash-bulk", "生产中: IN_PRODUCTION, 待检: QUARANTINE");
        browser.get(baseUrl() + "/#/messages?status=FAILED&partner=dash-bulk");
        waitFor(By.id("replay-matching")).click();
        WebElement rate = waitFor(By.id("replay-rate"));
        rate.clear();
        rate.sendKeys("1");
        browser.findElement(By.id("replay-start")).click();
        // the page shows a running or paused replay afresh every second: its elements are found anew each time
        click(By.id("replay-pause"));
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "PAUSED"));
        String held = text(By.id("replay-percent"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(text(By.id("replay-percent"))).as("paused: no progress").isEqualTo(held));
        screenshot("bulk-replay-paused");
        click(By.id("replay-resume"));
        click(By.id("replay-stop"));
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "STOPPED"));
        String percent = text(By.id("replay-percent"));
        assertThat(percent).as("stopped before the end, the four replayed before no longer failed").doesNotStartWith("100 %")
                .endsWith("of 6)");
        screenshot("bulk-replay-stopped");
        removePartnerFile("dash-bulk");
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedDocumentCorrectedByHandGoesInAsANewMessageLinkedToTheOriginal() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        factory("dash-fix", "生产中: IN_PRODUCTION");
        var refused = postBytes("/api/inbound/dash-fix/batch-record", "dash-fix", "gamma-it-secret",
                factoryRecord("LOT-DASH-FIX"));
        assertThat(refused.statusCode()).isEqualTo(422);
        String original = json(refused).get("messageId").asText();

        signIn("dash-beta-operator", "dash-beta-operator-password");
        browser.get(baseUrl() + "/#/messages/" + original);
        assertThat(waitFor(By.cssSelector(".problem")).getText()).as("another partner's operator").contains("no message has id");

        signIn("admin", ADMIN_PASSWORD);
        browser.get(baseUrl() + "/#/messages/" + original);
        assertThat(waitFor(By.id("raw")).getText()).contains("待检");
        waitFor(By.id("correct")).click();
        WebElement document = waitFor(By.name("document"));
        String corrected = document.getAttribute("value").replace("待检", "生产中");
        document.clear();
        document.sendKeys(corrected);
        browser.findElement(By.name("reason")).sendKeys("the factory confirmed the lot is in production");
        screenshot("correct-and-send-again");
        browser.findElement(By.id("correct-send")).click();

        wait(Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains(original)));
        String resubmitted = browser.getCurrentUrl().replaceFirst(".*#/messages/", "");
        assertThat(waitFor(By.cssSelector(".facts")).getText()).contains("Made from").contains(original);
        screenshot("corrected-message");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(resubmitted).get("status").asText()).isEqualTo("DELIVERED"));
        assertThat(message(original).get("status").asText()).isEqualTo("REPLAYED");
        browser.get(baseUrl() + "/#/messages/" + original);
        assertThat(waitFor(By.cssSelector("a.made-into")).getText()).as("linked both ways").isEqualTo(resubmitted);
        assertThat(json(get("/api/audit?action=message.resubmit&subject=message/" + original, "admin", ADMIN_PASSWORD))
                .at("/events/0/detail/newMessageId").asText()).isEqualTo(resubmitted);
        removePartnerFile("dash-fix");
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedMessageIsDiscardedOnlyWithTheOperatorsSignature() {
        factory("dash-discard", "生产中: IN_PRODUCTION");
        var refused = postBytes("/api/inbound/dash-discard/batch-record", "dash-discard", "gamma-it-secret",
                factoryRecord("LOT-DASH-TEST-ONLY"));
        String messageId = json(refused).get("messageId").asText();

        signIn("admin", ADMIN_PASSWORD);
        browser.get(baseUrl() + "/#/messages/" + messageId);
        waitFor(By.id("discard")).click();
        browser.findElement(By.name("reason")).sendKeys("a test record the factory sent by mistake");
        browser.findElement(By.name("password")).sendKeys("not-the-password");
        browser.findElement(By.id("ask-send")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textMatches(By.id("ask-error"), java.util.regex.Pattern.compile(".+")));
        screenshot("discard-refused");
        assertThat(message(messageId).get("status").asText()).as("nothing done").isEqualTo("FAILED");

        browser.findElement(By.name("password")).clear();
        browser.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("ask-send")).click();

        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".facts"), "DISCARDED"));
        screenshot("discarded");
        assertThat(json(get("/api/audit?action=message.discard&subject=message/" + messageId, "admin", ADMIN_PASSWORD))
                .at("/events/0/detail/reason").asText()).isEqualTo("a test record the factory sent by mistake");
        removePartnerFile("dash-discard");
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorSeesAPartnersHealthAndVersionsAndSuspendsAndResumesItsRoute() {
        signIn("admin", ADMIN_PASSWORD);
        browser.get(baseUrl() + "/#/partners");
        WebElement beta = wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='partners']//tr[td[1][.='beta-factory']]")));
        screenshot("partners");
        beta.findElement(By.tagName("a")).click();
        WebElement mapping = wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='routes']//tr[td[1][.='map-beta-factory']]")));
        assertThat(mapping.getText()).contains("Started");
        assertThat(browser.findElement(By.id("partner-file")).getText()).contains("id: beta-factory")
                .contains("credential: env:IT_BETA_SECRET");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("medhub");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("times shown as times").doesNotContain("[object");

        mapping.findElement(By.cssSelector("button.suspend-route")).click();
        waitFor(By.name("reason")).sendKeys("the factory resends yesterday's records");
        browser.findElement(By.id("ask-send")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//table[@id='routes']//tr[td[1][.='map-beta-factory']]"), "Stopped"));
        screenshot("partner-route-suspended");
        browser.findElement(By.cssSelector("button.resume-route")).click();
        waitFor(By.name("reason")).sendKeys("resend over");
        browser.findElement(By.id("ask-send")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//table[@id='routes']//tr[td[1][.='map-beta-factory']]"), "Started"));
        screenshot("partner");

        browser.get(baseUrl() + "/#/replays");
        waitFor(By.tagName("h1"));
        screenshot("replays");
    }

    @Test
    void anOperatorFollowsADeclarationCorrectsItsRejectionAndAcknowledgesTheAlert() {
        erp.stubFor(post(urlPathEqualTo("/customs/declarations")).willReturn(aResponse().withStatus(200)));
        erp.stubFor(post(urlPathMatching("/erp/.*")).atPriority(10).willReturn(aResponse().withStatus(201))); // the lots
        String shipment = new CustomsHoldings(publisher).hold(true);
        var declared = postBytes("/api/customs/declarations", "admin", ADMIN_PASSWORD, ("{\"profile\": \"cn-export\","
                + " \"shipment\": \"" + shipment + "\"}").getBytes(StandardCharsets.UTF_8));
        String rejected = json(declared).get("clientSeqNo").asText();
        var refusal = postBytes("/api/inbound/customs-cn/customs-receipt", "customs-cn", "customs-it-secret", ("<DecImportResponse"
                + " xmlns=\"urn:medhub:customs:cn:dec:1\"><ResponseCode>1</ResponseCode><ErrorMessage Field=\"DecHead.BillNo\">"
                + "提运单号有误</ErrorMessage><ClientSeqNo>" + rejected + "</ClientSeqNo></DecImportResponse>")
                .getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(refusal.statusCode()).as(refusal.body()).isEqualTo(200);

        signIn("admin", ADMIN_PASSWORD);
        browser.get(baseUrl() + "/#/customs");
        WebElement row = wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='declarations']//tr[td[1][.='" + rejected + "']]")));
        assertThat(row.getText()).contains(shipment).contains("REJECTED");
        screenshot("customs-declarations");
        row.findElement(By.tagName("a")).click();
        assertThat(waitFor(By.id("versions")).getText()).contains("DRAFT").contains("CHECKED").contains("SUBMITTED")
                .contains("REJECTED");
        assertThat(browser.findElement(By.id("receipts")).getText()).contains("DecHead.BillNo: 提运单号有误");
        assertThat(browser.findElement(By.id("declaration-lines")).getText()).contains("一次性使用无菌注射器");
        screenshot("customs-declaration-rejected");

        waitFor(By.id("correct")).click();
        waitFor(By.name("fields")).sendKeys("{\"billOfLading\": \"COSU6182737450\"}");
        browser.findElement(By.name("reason")).sendKeys("bill of lading as the carrier issued it");
        browser.findElement(By.id("correct-send")).click();
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "SUBMITTED"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Corrects").contains(rejected);
        screenshot("customs-declaration-corrected");

        browser.get(baseUrl() + "/#/alerts");
        WebElement alert = wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='alerts']//tr[td[3][.='" + rejected + "']]")));
        assertThat(alert.getText()).contains("customs-rejected").contains("DecHead.BillNo");
        screenshot("alerts");
        alert.findElement(By.cssSelector("button.acknowledge")).click();
        waitFor(By.name("reason")).sendKeys("corrected and submitted again");
        browser.findElement(By.id("ask-send")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//table[@id='alerts']//tr[td[3][.='" + rejected + "']]")));
        browser.get(baseUrl() + "/#/alerts?all=true");
        assertThat(wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='alerts']//tr[td[3][.='" + rejected + "']]"))).getText())
                .contains("acknowledged by admin: corrected and submitted again");
        screenshot("alerts-acknowledged");
    }

    @Test
    void aPersonTracesALotForwardToItsCustomerAndAShipmentBackToTheLot() {
        erp.stubFor(post(urlPathMatching("/erp/.*")).atPriority(10).willReturn(aResponse().withStatus(201))); // the lots
        CustomsHoldings holdings = new CustomsHoldings(publisher);
        String shipment = holdings.hold(true);
        String run = shipment.substring("SHP-".length());
        String lot = "RES-PP/DASH-" + run;
        holdings.keep("MaterialConsumption", "CON-DASH-" + run, """
                {"eventId": "CON-DASH-%s", "eventType": "CONSUMPTION", "outputBatch": "01/%s/10/SYR-%s", "inputMaterial": "RES-PP",
                 "inputMaterialLot": "%s", "quantity": {"value": 2.5, "unit": "kg"}, "consumedAt": "2026-12-05T09:00:00+08:00"}"""
                .formatted(run, CustomsHoldings.SYRINGE, run, lot));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/trace?from=" + java.net.URLEncoder.encode(lot,
                StandardCharsets.UTF_8), "admin", ADMIN_PASSWORD).body().contains(shipment));

        signIn("admin", ADMIN_PASSWORD);
        browser.get(baseUrl() + "/#/trace");
        waitFor(By.name("from")).sendKeys(lot);
        browser.findElement(By.id("trace-go")).click();
        String links = waitFor(By.id("trace-links")).getText();
        assertThat(links).contains("consumed into").contains("shipped in").contains(shipment).contains("DE-DIST-01");
        assertThat(waitFor(By.id("impact-csv")).getAttribute("href")).contains("format=csv");
        screenshot("trace");

        browser.get(baseUrl() + "/#/trace?from=" + shipment + "&direction=backward");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-reached"), lot));
        screenshot("trace-backward");
    }

    @Test
    void aResolverResolvesAConflictFieldByFieldWithTheirSignature() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        String key = "01/09506000134352/10/LOT-DASH-C";
        String first = json(postBatch(ACME, ACME_SECRET, acme("DC-1", "LOT-DASH-C", 100, null))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(message(first).get("status").asText()).isEqualTo("DELIVERED"));
        String second = json(postBatch(ACME, ACME_SECRET, acme("DC-2", "LOT-DASH-C", 110, 1L))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(message(second).get("status").asText()).isEqualTo("DELIVERED"));
        String fromErp = json(postBytes("/api/inbound/erp/batch-update", ERP, ERP_SECRET, """
                {"changeId": "E-DASH-C", "gtin": "09506000134352", "lot": "LOT-DASH-C", "qty": 120, "hubVersion": 1}"""
                .getBytes(StandardCharsets.UTF_8))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(message(fromErp).get("status").asText()).isEqualTo("CONFLICT"));

        signIn("dash-resolver", "dash-resolver-password");
        browser.get(baseUrl() + "/#/conflicts");
        WebElement row = wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='conflicts']//tr[td[contains(., '" + key + "')]]")));
        screenshot("conflicts");
        row.findElement(By.tagName("a")).click();
        waitFor(By.id("conflict-fields"));
        assertThat(browser.findElement(By.id("conflict-fields")).getText()).contains("quantity").contains("100")
                .contains("110").contains("120");
        browser.findElement(By.cssSelector("input[name='quantity'][value='incoming']")).click();
        browser.findElement(By.name("reason")).sendKeys("ERP count after the stock take");
        browser.findElement(By.name("password")).sendKeys("not-my-password");
        browser.findElement(By.id("sign-resolution")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textMatches(By.id("resolve-error"), java.util.regex.Pattern.compile(".+")));
        screenshot("conflict-wrong-signature");
        assertThat(message(fromErp).get("status").asText()).as("nothing decided").isEqualTo("CONFLICT");

        browser.findElement(By.name("password")).clear();
        browser.findElement(By.name("password")).sendKeys("dash-resolver-password");
        browser.findElement(By.id("sign-resolution")).click();

        WebElement resolved = wait(Duration.ofSeconds(10)).withMessage(() -> "the page says: "
                + browser.findElement(By.tagName("main")).getText()).until(ExpectedConditions.visibilityOfElementLocated(By.id("resolved")));
        assertThat(resolved.getText()).contains("dash-resolver").contains("ERP count after the stock take");
        screenshot("conflict-resolved");
        assertThat(json(get("/api/records/Batch?key=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8), "admin",
                ADMIN_PASSWORD)).at("/record/quantity/value").asInt()).isEqualTo(120);
    }

    @Test
    void eachRoleSeesOnlyWhatItMayAndAScopedOperatorOnlyItsPartner() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        String acme = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-DASH-SCOPE-A", "LOT-DASH-SCOPE"))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(message(acme).get("status").asText()).isEqualTo("DELIVERED"));

        signIn("dash-viewer", "dash-viewer-password");
        browser.get(baseUrl() + "/#/messages/" + acme);
        waitFor(By.cssSelector(".facts"));
        assertThat(browser.findElements(By.cssSelector("#replay-raw, button.replay-to"))).as("a viewer replays nothing").isEmpty();
        screenshot("message-as-viewer");
        for (String page : List.of("overview", "cdc", "customs", "alerts", "trace", "audit")) {
            browser.get(baseUrl() + "/#/" + page);
            waitFor(By.tagName("h1"));
            wait(Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".loading")));
            screenshot(page + "-as-viewer");
        }
        assertThat(browser.findElement(By.id("audit")).getText()).as("the viewer's own sign-in").contains("dash-viewer");

        signIn("dash-beta-operator", "dash-beta-operator-password");
        assertThat(browser.findElement(By.id("nav-audit")).isDisplayed()).as("the audit trail tells of every partner").isFalse();
        assertThat(browser.findElement(By.id("nav-customs")).isDisplayed()).as("customs is the device maker's own").isFalse();
        assertThat(browser.findElement(By.id("nav-alerts")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("nav-trace")).isDisplayed()).as("the genealogy crosses every partner").isFalse();
        search("LOT-DASH-SCOPE");
        waitFor(By.id("count"));
        assertThat(browser.findElement(By.id("count")).getText()).as("another partner's message").startsWith("0 message");
        browser.get(baseUrl() + "/#/messages/" + acme);
        assertThat(waitFor(By.cssSelector(".problem")).getText()).contains("no message has id");
        screenshot("message-outside-scope");
    }

    /** A factory whose mapping knows the state codes given. */
    private void factory(String id, String codes) {
        writePartnerFile(id, """
                id: %s
                kind: CONTRACT_MANUFACTURER
                credential: env:IT_GAMMA_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: %s-batch-record
                      version: 1
                      entity: Batch
                      fields:
                        gtin: $.gtin
                        lot: $.lot
                        materialNumber: $.item
                        status: { path: $.state, codes: { %s } }
                """.formatted(id, id, codes));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    private static byte[] factoryRecord(String lot) {
        return """
                {"gtin": "09506000134352", "lot": "%s", "item": "CATH-7F-110", "state": "待检"}""".formatted(lot)
                .getBytes(StandardCharsets.UTF_8);
    }

    private void person(String username, String role) {
        if (!users.userExists(username)) {
            users.createUser(User.withUsername(username).password(passwords.encode(username + "-password")).roles(role).build());
        }
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/#/messages");
        waitFor(By.id("login"));
        screenshot("login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("username"), username));
    }

    private void search(String key) {
        browser.get(baseUrl() + "/#/messages");
        WebElement box = waitFor(By.name("key"));
        box.sendKeys(key);
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("key=" + key));
        waitFor(By.id("count"));
    }

    /** Clicks what the page shows now, looking again if it was just drawn afresh. */
    private static void click(By what) {
        // the click inside the wait: a view that refreshes itself can replace the element between finding and clicking
        wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(what).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static String text(By what) {
        return wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(what).getText());
    }

    private WebElement waitFor(By what) {
        return wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static WebDriverWait wait(Duration patience) {
        return new WebDriverWait(browser, patience);
    }

    private static void screenshot(String name) {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String acme(String recordId, String lot, int qty, Long hubVersion) {
        return """
                {"recordId": "%s", "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "%s",
                 "state": "生产中", "qty": %d, "uom": "EA"%s}""".formatted(recordId, lot, qty,
                hubVersion == null ? "" : ", \"hubVersion\": " + hubVersion);
    }
}

package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) signs in as alice, approves an OAuth 2.0 consent and lands on the client's callback
 * with a code, then denies one and lands there with {@code error=access_denied}. The consent page's screenshot
 * goes to {@code docs/images/} for the README. Then OpenID Connect: a {@code prompt=none} after a remembered
 * consent, and an RP-initiated logout. And a device authorization approved and one denied at {@code /device}.
 */
final class ChromiumConsent {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final URI base;
    private final OAuth2Contract oauth2;

    ChromiumConsent(URI base) {
        this.base = base;
        this.oauth2 = new OAuth2Contract(base);
    }

    void approveThenDeny() throws Exception {
        requireChromium();
        WebDriver browser = start();
        try {
            browser.get(oauth2.codeRequest("demo-client", new CodeVerifier(), new State("approve")).toString());
            signIn(browser);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            waitForConsent(wait, browser);
            assertEquals("demo-client", browser.findElement(By.id("client-id")).getText());
            screenshot(browser);
            browser.findElement(By.cssSelector("button[name=confirm][value=true]")).click();
            Map<String, String> approved = callback(wait, browser);
            assertNotNull(approved.get("code"), approved.toString());
            assertEquals("approve", approved.get("state"));
            assertEquals(oauth2.issuer(), approved.get("iss"));

            browser.get(oauth2.codeRequest("demo-client", new CodeVerifier(), new State("deny")).toString());
            waitForConsent(wait, browser);
            browser.findElement(By.cssSelector("button[name=confirm][value=false]")).click();
            Map<String, String> denied = callback(wait, browser);
            assertEquals("access_denied", denied.get("error"));
            assertEquals("deny", denied.get("state"));
        } finally {
            browser.quit();
        }
    }

    /**
     * OpenID Connect in the browser: alice signs in and consents once for demo-oidc; a {@code prompt=none}
     * request then comes back at once with a code; an RP-initiated logout with the ID token as hint ends her
     * session and lands on the registered address with {@code state}; {@code prompt=none} is then
     * {@code login_required}.
     */
    void openIdPromptNoneThenLogout() throws Exception {
        requireChromium();
        WebDriver browser = start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(openIdRequest("first", null).toString());
            signIn(browser);
            wait.until(driver -> driver.getCurrentUrl().startsWith(OAuth2Contract.CALLBACK)
                    || !driver.findElements(By.id("client-id")).isEmpty());
            if (!browser.getCurrentUrl().startsWith(OAuth2Contract.CALLBACK)) {
                browser.findElement(By.cssSelector("button[name=confirm][value=true]")).click(); // first consent
            }
            assertNotNull(callback(wait, browser).get("code"));

            navigate(browser, openIdRequest("silent", Prompt.Type.NONE));
            Map<String, String> silent = callback(wait, browser);
            assertEquals("silent", silent.get("state"));
            JWT idToken = idToken(silent.get("code"));

            navigate(browser, new LogoutRequest(base.resolve("/oauth2/logout"), idToken,
                    URI.create(OpenIdContract.LOGGED_OUT), new State("bye")).toURI());
            wait.until(driver -> driver.getCurrentUrl().startsWith(OpenIdContract.LOGGED_OUT));
            assertEquals("bye", Browser.query(URI.create(browser.getCurrentUrl())).get("state"));

            navigate(browser, openIdRequest("after", Prompt.Type.NONE));
            Map<String, String> after = callback(wait, browser);
            assertEquals("login_required", after.get("error"), after.toString());
            assertEquals("after", after.get("state"));
        } finally {
            browser.quit();
        }
    }

    /**
     * The device authorization grant in the browser: alice follows the device's {@code verification_uri_complete},
     * signs in, sees the code and allows; the device's next poll gets tokens. Then she types another device's code
     * at {@code verification_uri} in lower case and denies; that device hears {@code access_denied}.
     */
    void deviceVerification() throws Exception {
        requireChromium();
        DeviceContract device = new DeviceContract(base);
        WebDriver browser = start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            DeviceAuthorizationSuccessResponse first = device.authorize("openid profile");
            browser.get(first.getVerificationURIComplete().toString());
            signIn(browser);
            waitForConsent(wait, browser);
            assertEquals("demo-device", browser.findElement(By.id("client-id")).getText());
            assertTrue(browser.findElement(By.tagName("body")).getText().contains(first.getUserCode().getValue()));
            browser.findElement(By.cssSelector("button[name=confirm][value=true]")).click();
            assertEquals("Device connected", result(wait, browser));
            assertEquals(200, device.poll(first.getDeviceCode()).getStatusCode());

            DeviceAuthorizationSuccessResponse second = device.authorize("profile");
            browser.get(second.getVerificationURI().toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("user_code")))
                    .sendKeys(second.getUserCode().getValue().toLowerCase(Locale.ROOT));
            browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
            waitForConsent(wait, browser);
            browser.findElement(By.cssSelector("button[name=confirm][value=false]")).click();
            assertEquals("Request denied", result(wait, browser));
            assertEquals("access_denied", TokenResponse.parse(device.poll(second.getDeviceCode()))
                    .toErrorResponse().getErrorObject().getCode());
        } finally {
            browser.quit();
        }
    }

    private static String result(WebDriverWait wait, WebDriver browser) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("device-result"))).getText();
    }

    // A page that redirects at once to the client, where nothing listens: WebDriver.get would fail on it. From a
    // page of the server first, so that the wait for the callback never sees the previous one.
    private void navigate(WebDriver browser, URI uri) {
        browser.get(base.resolve("/api/health").toString());
        ((JavascriptExecutor) browser).executeScript("window.location.href = arguments[0];", uri.toString());
    }

    private URI openIdRequest(String state, Prompt.Type prompt) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                OpenIdContract.OPENID_PROFILE_EMAIL, OpenIdContract.DEMO_OIDC, URI.create(OAuth2Contract.CALLBACK))
                .state(new State(state)).nonce(new Nonce()).endpointURI(base.resolve("/oauth2/authorize"));
        if (prompt != null) {
            request.prompt(prompt);
        }
        return request.build().toURI();
    }

    private JWT idToken(String code) throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(base.resolve("/oauth2/token"),
                OpenIdContract.DEMO_OIDC_SECRET, new AuthorizationCodeGrant(new AuthorizationCode(code),
                URI.create(OAuth2Contract.CALLBACK))).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
    }

    private static void requireChromium() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            String message = "BROWSER TEST SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver; .ci/run does)";
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
    }

    private WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1000,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1000, 900));
        return driver;
    }

    private static void waitForConsent(WebDriverWait wait, WebDriver browser) {
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("client-id")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No consent page at " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** The authorization page sent us to the login form; sign in there as alice. */
    private static void signIn(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys("alice");
        browser.findElement(By.name("password")).sendKeys("wonderland");
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
    }

    /** Waits until the browser is at the client's callback (nothing listens there) and reads its query. */
    private static Map<String, String> callback(WebDriverWait wait, WebDriver browser) {
        wait.until(driver -> driver.getCurrentUrl().startsWith(OAuth2Contract.CALLBACK));
        URI landed = URI.create(browser.getCurrentUrl());
        assertTrue(landed.toString().startsWith(OAuth2Contract.CALLBACK + "?"), landed.toString());
        return Browser.query(landed);
    }

    private static void screenshot(WebDriver browser) throws Exception {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path images = Path.of(System.getProperty("docs.dir", "../docs"), "images");
        Files.createDirectories(images);
        Files.copy(shot.toPath(), images.resolve("oauth2-consent.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

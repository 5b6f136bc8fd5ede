package org.gongyu.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gongyu.testing.KeycloakAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}), driven by its chromedriver through
 * Selenium, as one person's browser: a fresh profile, 1440×900, logged in once through Keycloak's
 * real login form. Shared by the browser system test and the web benchmark.
 */
public final class Chromium implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final JsonMapper JSON = new JsonMapper();

  private final ChromeDriver driver;
  private final Path profile;
  private final String gateway;

  public Chromium(String gateway) {
    this.gateway = gateway;
    try {
      profile = Files.createTempDirectory("gongyu-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1440,900", "--lang=zh-CN", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens the gateway, which sends the browser to Keycloak's login form; fills it in and waits until
   * the browser is back at the gateway (on the page the user's role lands on). Returns that URL.
   */
  public URI logIn(String username) {
    driver.get(gateway + "/");
    waitUntil("Keycloak's login form", Duration.ofSeconds(30), () -> !driver.findElements(By.id("username")).isEmpty());
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(KeycloakAccounts.DEMO_PASSWORD);
    driver.findElement(By.id("kc-login")).click();
    waitUntil("back at the gateway after logging in as " + username, Duration.ofSeconds(30),
        () -> driver.getCurrentUrl().startsWith(gateway) && !driver.getCurrentUrl().contains("/login"));
    return URI.create(driver.getCurrentUrl());
  }

  /** Opens a path of the gateway (a page of the web app). */
  public void open(String path) {
    driver.get(gateway + path);
  }

  /** The path and query the browser is on now. */
  public String path() {
    URI uri = URI.create(driver.getCurrentUrl());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  public By testId(String id) {
    return By.cssSelector("[data-testid=\"" + id + "\"]");
  }

  public By testIdPrefix(String prefix) {
    return By.cssSelector("[data-testid^=\"" + prefix + "\"]");
  }

  /** Waits (up to 30 s) until the element with this {@code data-testid} is present, and returns it. */
  public WebElement await(String testId) {
    waitUntil("[data-testid=" + testId + "] on " + driver.getCurrentUrl(), Duration.ofSeconds(30),
        () -> !driver.findElements(testId(testId)).isEmpty());
    return driver.findElement(testId(testId));
  }

  /** Waits (up to 30 s) until the browser is on {@code path} (with any query). */
  public void awaitPath(String path) {
    waitUntil(() -> "the browser on " + path + " (still on " + driver.getCurrentUrl() + ")", Duration.ofSeconds(30),
        () -> path().equals(path) || path().startsWith(path + "?"));
  }

  /**
   * Waits (up to 30 s) until the element with this {@code data-testid} is present and enabled, then
   * clicks it centred: a click on a button still disabled while the page finishes its last action
   * does nothing, as it does for a person.
   */
  public void clickWhenEnabled(String testId) {
    waitUntil("[data-testid=" + testId + "] enabled on " + driver.getCurrentUrl(), Duration.ofSeconds(30),
        () -> driver.findElements(testId(testId)).stream().anyMatch(WebElement::isEnabled));
    centreAndClick(driver.findElement(testId(testId)));
  }

  /** A click on an element scrolled to the middle of the window, clear of sticky bars. */
  public void centreAndClick(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /** Waits until the element's attribute has the value (a status the page shows once the API answered). */
  public WebElement awaitAttribute(String testId, String attribute, String value, Duration within) {
    waitUntil("[data-testid=" + testId + "] with " + attribute + "=" + value + " on " + driver.getCurrentUrl(), within, () -> {
      List<WebElement> found = driver.findElements(testId(testId));
      try {
        return !found.isEmpty() && value.equals(found.getFirst().getAttribute(attribute));
      } catch (StaleElementReferenceException gone) {
        return false;
      }
    });
    return driver.findElement(testId(testId));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** The data-testids of the elements whose testid starts with {@code prefix}. */
  public List<String> testIds(String prefix) {
    List<String> ids = new ArrayList<>();
    for (WebElement e : driver.findElements(testIdPrefix(prefix))) {
      try {
        ids.add(e.getAttribute("data-testid"));
      } catch (StaleElementReferenceException gone) {
        // re-rendered meanwhile; the caller waits for a stable page first
      }
    }
    return ids;
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * A GET through the page's own session (the browser's cookies, as the web app's fetch would),
   * answered as {@code {"status", "body"}} with the body parsed when it is JSON.
   */
  /**
   * A GET of a file through the browser's own session (a download link as the person would follow
   * it): {@code {status, contentType, contentDisposition, size}}.
   */
  public JsonNode fetchBytes(String path) {
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(r => r.arrayBuffer().then(b => done(JSON.stringify({status: r.status, contentType: r.headers.get('Content-Type'),
            contentDisposition: r.headers.get('Content-Disposition'), size: b.byteLength}))))
          .catch(e => done(JSON.stringify({status: -1, contentType: String(e), size: -1})));
        """, path);
    return JSON.readTree(String.valueOf(answer));
  }

  /** Fetches {@code path} as the logged-in page does and answers its body, for a file the person downloads. */
  public byte[] fetchFile(String path) {
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(r => r.ok ? r.blob() : Promise.reject('HTTP ' + r.status))
          .then(b => { const f = new FileReader(); f.onload = () => done(String(f.result).split(',')[1] ?? ''); f.readAsDataURL(b); })
          .catch(e => done('!' + e));
        """, path);
    String text = String.valueOf(answer);
    if (text.startsWith("!")) {
      throw new AssertionError("cannot download " + path + ": " + text.substring(1));
    }
    return java.util.Base64.getDecoder().decode(text);
  }

  public JsonNode fetchJson(String path) {
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
          .then(r => r.text().then(t => done(JSON.stringify({status: r.status, text: t}))))
          .catch(e => done(JSON.stringify({status: -1, text: String(e)})));
        """, path);
    JsonNode reply = JSON.readTree(String.valueOf(answer));
    String text = reply.path("text").asString();
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (RuntimeException notJson) {
      body = JSON.createObjectNode().put("text", text).get("text");
    }
    return JSON.createObjectNode().put("status", reply.path("status").asInt()).set("body", body);
  }

  /** The value of a cookie of the gateway's origin (e.g. {@code SESSION}), or null. */
  public String cookie(String name) {
    Cookie c = driver.manage().getCookieNamed(name);
    return c == null ? null : c.getValue();
  }

  /** A PNG of the viewport, to {@code file}. */
  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core (injected from {@code axeSource}) on the current page and returns the violations
   * of impact serious or critical, each as "rule (impact): help — nodes".
   */
  public List<String> seriousAccessibilityViolations(String axeSource) {
    script(axeSource);
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(JSON.stringify(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 8).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})))))
          .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
        """);
    List<String> serious = new ArrayList<>();
    for (JsonNode v : JSON.readTree(String.valueOf(answer))) {
      String impact = v.path("impact").asString();
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> nodes = new ArrayList<>();
        v.path("nodes").forEach(n -> nodes.add(n.asString()));
        serious.add(v.path("id").asString() + " (" + impact + "): " + v.path("help").asString() + " — " + nodes);
      }
    }
    return serious;
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code condition} every 100 ms until it holds or {@code within} passes (then fails naming {@code what}). */
  public static void waitUntil(String what, Duration within, Supplier<Boolean> condition) {
    waitUntil(() -> what, within, condition);
  }

  /** As above, with the description built when the wait times out (to say where the browser ended up). */
  public static void waitUntil(Supplier<String> what, Duration within, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + within.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
        last = null;
      } catch (StaleElementReferenceException e) {
        last = e;
      }
      GongyuClient.sleep(100);
    }
    throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + what.get()
        + (last == null ? "" : " (" + last.getMessage() + ")"));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir; the OS cleans up what is left
      }
    }
  }
}

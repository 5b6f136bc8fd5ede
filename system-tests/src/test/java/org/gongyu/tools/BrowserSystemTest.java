package org.gongyu.tools;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every page-by-page browser test shares: Chromium is required under CI (skipped elsewhere when
 * missing), axe-core's source is read once, a failed test leaves a screenshot named after its class
 * and method in {@link WebAppSystemIT#SCREENSHOTS}, and the browser a test opened is closed after it.
 * A test opens its own {@link #browser} as the user it acts for.
 */
abstract class BrowserSystemTest {

  static String axeSource;

  protected Chromium browser;

  @RegisterExtension
  final AfterTestExecutionCallback failureScreenshot = (ExtensionContext context) -> {
    if (context.getExecutionException().isPresent() && browser != null) {
      try {
        browser.screenshot(WebAppSystemIT.SCREENSHOTS.resolve("FAILED-" + getClass().getSimpleName() + "-"
            + context.getRequiredTestMethod().getName() + ".png"));
        System.out.println("failed on " + browser.driver().getCurrentUrl());
      } catch (RuntimeException e) {
        System.out.println("no failure screenshot: " + e);
      }
    }
  };

  @BeforeAll
  static void chromiumAndAxe() {
    boolean installed = Chromium.installed();
    if (!installed && System.getenv("CI") != null) {
      throw new AssertionError("Chromium is not installed (apt-get install chromium chromium-driver; .ci/run and deploy/local/test.sh do)");
    }
    Assumptions.assumeTrue(installed, "Chromium is not installed here; CI installs it");
    axeSource = Chromium.read(WebAppSystemIT.AXE);
  }

  /**
   * Switches the page to English, waits until its heading has no Chinese (the page speaks English,
   * not a mix), and checks it as {@link WebAppSystemIT#checkPage} does, as {@code name + "-en"}; then
   * back to zh-CN for the rest of the test.
   */
  protected void checkInEnglish(String name) {
    // a click through JavaScript: a success toast (el-message) may still lie over the header's switch
    browser.script("arguments[0].click()", browser.await("lang-switch"));
    Chromium.waitUntil("English on " + name, Duration.ofSeconds(10),
        () -> "en".equals(browser.script("return document.documentElement.lang"))
            && !HAN.matcher(browser.await("page-title").getText()).find());
    WebAppSystemIT.checkPage(browser, axeSource, name + "-en");
    browser.script("arguments[0].click()", browser.await("lang-switch"));
    Chromium.waitUntil("zh-CN again on " + name, Duration.ofSeconds(10),
        () -> "zh-CN".equals(browser.script("return document.documentElement.lang")));
  }

  private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}

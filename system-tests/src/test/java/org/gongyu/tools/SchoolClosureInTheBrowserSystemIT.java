package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Closing and merging a school in the browser (issue 17 item 6, ADR 0027), in Chromium, zh-CN, on a
 * county of its own (990675, so that no demo-city figure changes): the county admin logs in through
 * Keycloak's form, opens 学校名册 from the menu, merges one school into another from tomorrow with the
 * 关闭/合并 dialog (the successor picked from the county's open schools), and the list then shows
 * 已关闭 · 合并至 X on the closed school and 合并自 on its successor, as district-service stores it.
 * The page is checked with axe-core, with and without the dialog.
 */
@ExtendWith(SharedPlatform.class)
class SchoolClosureInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990675";
  static final String CLOSING = COUNTY + "0001";
  static final String SUCCESSOR = COUNTY + "0002";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);

  @BeforeAll
  static void county() {
    SharedPlatform.demoCity();
    client.putCounty(COUNTY, "撤并县");
    client.accounts().tokenAs("cl", "county-admin", COUNTY, CITY);
    GongyuClient.require(client.putSchool(COUNTY, CLOSING, "撤并县山村小学", "PRIMARY", null), "the school to close");
    GongyuClient.require(client.putSchool(COUNTY, SUCCESSOR, "撤并县中心小学", "PRIMARY", null), "its successor");
  }

  @Test
  void theCountyAdminMergesASchoolIntoAnotherFromTomorrow() {
    String tomorrow = LocalDate.now(DemoCity.ZONE).plusDays(1).toString();
    browser = new Chromium(GATEWAY);
    browser.logIn("cl-county-admin-" + COUNTY);
    browser.centreAndClick(browser.await("nav-county-schools"));
    browser.awaitPath("/counties/" + COUNTY + "/schools");
    assertThat(browser.await("page-title").getText()).isEqualTo("学校名册");
    Chromium.waitUntil("both schools open", Duration.ofSeconds(30), () -> states().equals(List.of("open", "open")));
    WebAppSystemIT.checkPage(browser, axeSource, "county-schools");

    browser.centreAndClick(browser.await("registry-close-" + CLOSING));
    WebElement dialog = browser.await("close-dialog");
    assertThat(dialog.getText()).contains("关闭或合并 撤并县山村小学");
    WebElement day = browser.await("close-from");
    // a date input's typing order follows the browser's locale: set the value as the form would get it
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", day, tomorrow);
    WebElement successor = browser.await("close-successor");
    List<String> offered = successor.findElements(By.tagName("option")).stream().map(o -> o.getAttribute("value")).toList();
    assertThat(offered).as("the county's open schools but the closing one").containsExactly("", SUCCESSOR);
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        successor, SUCCESSOR);
    assertThat(browser.await("close-confirm").getText()).isEqualTo("合并学校");
    WebAppSystemIT.checkPage(browser, axeSource, "county-schools-close-dialog");
    browser.centreAndClick(browser.await("close-confirm"));

    Chromium.waitUntil("the closed school in the list", Duration.ofSeconds(30), () -> states().equals(List.of("merged", "open")));
    assertThat(browser.all(browser.testId("close-dialog"))).isEmpty();
    assertThat(browser.await("registry-state-" + CLOSING).getText()).isEqualTo("已关闭 · 合并至 撤并县中心小学（自 " + tomorrow + " 起）");
    assertThat(browser.await("registry-merged-from-" + SUCCESSOR).getText()).contains("合并自 撤并县山村小学");
    assertThat(browser.all(browser.testId("registry-close-" + CLOSING))).as("a closed school is not closed again").isEmpty();

    JsonNode stored = GongyuClient.require(client.get("/api/district/counties/" + COUNTY + "/schools/" + CLOSING), "the closed school").body();
    assertThat(stored.path("closedFrom").asString()).isEqualTo(tomorrow);
    assertThat(stored.path("successorId").asString()).isEqualTo(SUCCESSOR);
    assertThat(stored.path("version").asLong()).isEqualTo(2);
  }

  private List<String> states() {
    return browser.all(browser.testId("registry-row")).stream().map(r -> r.getAttribute("data-state")).toList();
  }
}

package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A school's parent committee through the browser (issue 17 item 1), in Chromium, logged in through
 * Keycloak's form as the school's admin, on a school of its own: the committee page warns that this
 * year's no-fee declaration is missing; the admin records a general election of two candidates for one
 * seat (差额), the elected one as 主任, and the year's declaration; the page then lists the member with
 * the role and a three-year term, the election with one elected, and the declaration; the API says the
 * same; neither page nor answer holds a parent's reference. The page is checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
class CommitteeInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990306";
  static final String SCHOOL = COUNTY + "0001";
  static final String COMMITTEE = "web-" + UUID.randomUUID().toString().substring(0, 8);
  static final String COMMITTEES = "/api/school/schools/" + SCHOOL + "/committees/";
  /** the parents' references typed into the form: written, never answered back or shown */
  static final String REF_ELECTED = "家长甲" + UUID.randomUUID().toString().substring(0, 6);
  static final String REF_OTHER = "家长乙" + UUID.randomUUID().toString().substring(0, 6);
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);

  @BeforeAll
  static void tools() {
    client.putCounty(COUNTY, "家委会县");
    client.putXuequ(COUNTY, COUNTY + "-XQ1", "城关学区");
    client.putSchool(COUNTY, SCHOOL, "家委会县第一小学", "PRIMARY", COUNTY + "-XQ1");
    client.accounts().tokenAs("lc", "school-admin", SCHOOL, CITY);
  }

  @Test
  void aSchoolAdminRecordsAnElectionAndTheYearsDeclarationOnTheCommitteePage() {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    LocalDate founded = today.minusYears(1);
    GongyuClient.eventually("the school tier knows " + SCHOOL,
        () -> client.put(COMMITTEES + COMMITTEE, Map.of("level", "SCHOOL", "foundedOn", founded.toString(), "venue", "家长之家",
            "plaque", true, "rulesAdopted", true)),
        GongyuClient.Reply::ok, Duration.ofSeconds(90));

    browser = new Chromium(GATEWAY);
    browser.logIn("lc-school-admin-" + SCHOOL);
    browser.open("/schools/" + SCHOOL + "/records/committees/" + COMMITTEE);
    browser.await("page-title");
    assertThat(browser.await("fee-ban-missing").getText()).contains("未");
    WebAppSystemIT.checkPage(browser, axeSource, "school-committee");

    // a general election: two candidates for one seat (差额), the first elected as 主任
    browser.centreAndClick(browser.await("election-record"));
    browser.await("election-form");
    browser.await("candidate-ref-0").sendKeys(REF_ELECTED);
    browser.await("candidate-ref-1").sendKeys(REF_OTHER);
    browser.centreAndClick(browser.await("candidate-elected-0"));
    choose("candidate-role-0", "主任");
    browser.centreAndClick(browser.await("election-save"));
    Chromium.waitUntil("the elected member on the page", Duration.ofSeconds(30),
        () -> !browser.all(browser.testIdPrefix("member-role-")).isEmpty());
    List<WebElement> roles = browser.all(browser.testIdPrefix("member-role-"));
    assertThat(roles).hasSize(1);
    assertThat(roles.getFirst().getText()).isEqualTo("主任");
    assertThat(browser.await("members").getText()).contains(today + " – " + today.plusYears(3));
    WebElement elected = browser.all(browser.testIdPrefix("election-elected-")).getFirst();
    assertThat(elected.getText()).contains("1");

    // the year's no-fee declaration through its form
    browser.centreAndClick(browser.await("fee-ban-record"));
    browser.await("declaration-form");
    browser.await("declaration-text-version").sendKeys("2026版");
    browser.centreAndClick(browser.await("declaration-save"));
    Chromium.waitUntil("the declaration on the page", Duration.ofSeconds(30),
        () -> !browser.all(browser.testId("fee-ban-declared")).isEmpty());
    assertThat(browser.await("fee-ban-declared").getText()).contains("2026版");
    assertThat(browser.all(browser.testId("fee-ban-missing"))).isEmpty();

    String page = browser.driver().getPageSource();
    assertThat(page).doesNotContain(REF_ELECTED).doesNotContain(REF_OTHER);

    // the API says the same, and holds no reference either
    GongyuClient.Reply view = GongyuClient.require(client.get(COMMITTEES + COMMITTEE), "the committee view");
    JsonNode body = view.body();
    assertThat(body.toString()).doesNotContain(REF_ELECTED).doesNotContain(REF_OTHER);
    List<JsonNode> members = body.path("members").valueStream().toList();
    assertThat(members).hasSize(1);
    assertThat(members.getFirst().path("role").asString()).isEqualTo("DIRECTOR");
    assertThat(members.getFirst().path("termEndsOn").asString()).isEqualTo(today.plusYears(3).toString());
    assertThat(body.path("elections").valueStream().toList()).hasSize(1);
    assertThat(body.path("feeBanDeclaration").path("textVersion").asString()).isEqualTo("2026版");
  }

  /** Picks an option of an Element Plus select by its visible label. */
  private void choose(String selectTestId, String label) {
    browser.centreAndClick(browser.await(selectTestId));
    By option = By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + label + "']");
    Chromium.waitUntil("the option " + label, Duration.ofSeconds(10),
        () -> browser.all(option).stream().anyMatch(WebElement::isDisplayed));
    browser.centreAndClick(browser.all(option).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow());
  }
}

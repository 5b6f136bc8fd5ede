package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Parent–child reading and school-guard duty through the browser (issue 17 item 4, W12 and W13), in
 * Chromium, logged in through Keycloak's form as the school's admin, on a school of its own:
 * <ul>
 *   <li>on a class's 21-day campaign the admin enters a day's check-ins from the class sheet (student
 *       number and minutes a line, one line without minutes), sees what was stored and the counts; enters
 *       one student again with other minutes (replaced, not counted twice); a line that cannot be read is
 *       named and nothing is sent; no student number is ever on the page or in the API's answers;</li>
 *   <li>on 护学岗值守 the admin schedules a duty by picking members: the form offers the parent volunteer
 *       on the team and not the teacher who already left; the duty is listed with the member's id and the
 *       API holds it.</li>
 * </ul>
 * Both pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
class ReadingAndGuardDutyInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990651";
  static final String SCHOOL = COUNTY + "0001";
  static final String BASE = "/api/school/schools/" + SCHOOL;
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  /** the student numbers typed into the check-in box: matched, never answered back or shown */
  static final String STUDENT_A = "S" + RUN + "01";
  static final String STUDENT_B = "S" + RUN + "02";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);

  @BeforeAll
  static void tools() {
    client.putCounty(COUNTY, "共读县");
    client.putXuequ(COUNTY, COUNTY + "-XQ1", "城关学区");
    client.putSchool(COUNTY, SCHOOL, "共读县第一小学", "PRIMARY", COUNTY + "-XQ1");
    client.accounts().tokenAs("rg", "school-admin", SCHOOL, CITY);
  }

  @Test
  void aSchoolAdminEntersADaysCheckInsOnTheCampaignPage() {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    Semester semester = Semester.containing(today, SchoolCalendar.DEFAULT);
    GongyuClient.eventually("the school tier knows " + SCHOOL,
        () -> client.putClass(SCHOOL, "C1", semester.schoolYear(), 2, "二年级一班", 40),
        GongyuClient.Reply::ok, Duration.ofSeconds(90));
    // started a few days ago where that is still this school year, else today
    LocalDate start = today.minusDays(3);
    if (!Semester.containing(start, SchoolCalendar.DEFAULT).schoolYear().equals(semester.schoolYear())) {
      start = today;
    }
    String campaign = "read-" + RUN;
    GongyuClient.require(client.put(BASE + "/reading-campaigns/" + campaign,
        Map.of("classId", "C1", "name", "亲子共读21天打卡", "startDate", start.toString())), "the campaign");

    browser = new Chromium(GATEWAY);
    browser.logIn("rg-school-admin-" + SCHOOL);
    browser.open("/schools/" + SCHOOL + "/records/reading-campaigns/" + campaign);
    Chromium.waitUntil("the campaign's name in the title", Duration.ofSeconds(30),
        () -> browser.await("page-title").getText().equals("亲子共读 · 亲子共读21天打卡"));
    assertThat(browser.await("campaign-span").getText()).contains("二年级一班").contains("共 21 天，每天 20 分钟");
    assertThat(browser.await("summary-participants").getText()).isEqualTo("0");
    WebAppSystemIT.checkPage(browser, axeSource, "school-reading-campaign");

    // today's sheet: A read 25 minutes, B the daily 20 (no minutes typed)
    lines().sendKeys(STUDENT_A + " 25\n" + STUDENT_B);
    Chromium.waitUntil("the count of lines", Duration.ofSeconds(10),
        () -> browser.await("check-in-count").getText().equals("将录入 2 条打卡"));
    browser.centreAndClick(browser.await("check-in-send"));
    Chromium.waitUntil("the outcome", Duration.ofSeconds(30), () -> !browser.all(browser.testId("check-in-outcome")).isEmpty());
    assertThat(browser.await("check-in-outcome").getText()).isEqualTo("收到 2 条：新增 2 条，更新分钟数 0 条，未变 0 条。");
    Chromium.waitUntil("two students on the page", Duration.ofSeconds(30),
        () -> browser.await("summary-participants").getText().equals("2"));
    assertThat(browser.await("per-day-" + today).getText()).isEqualTo("2");
    assertThat(browser.await("summary-check-ins").getText()).isEqualTo("2");

    // A again with other minutes: replaced, not a second check-in
    lines().sendKeys(STUDENT_A + " 30");
    browser.centreAndClick(browser.await("check-in-send"));
    Chromium.waitUntil("the second outcome", Duration.ofSeconds(30),
        () -> browser.await("check-in-outcome").getText().contains("更新分钟数 1 条"));
    assertThat(browser.await("summary-check-ins").getText()).isEqualTo("2");

    // a line that cannot be read is named, and nothing is sent
    lines().sendKeys(STUDENT_B + " 十分钟");
    browser.centreAndClick(browser.await("check-in-send"));
    assertThat(browser.await("check-in-line-problems").getText()).contains("第 1 行无法识别");

    // what the admin typed aside, the page holds no student number
    lines().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    Chromium.waitUntil("the box emptied", Duration.ofSeconds(10), () -> browser.await("check-in-count").getText().equals("将录入 0 条打卡"));
    String page = browser.driver().getPageSource();
    assertThat(page).doesNotContain(STUDENT_A.substring(1)).doesNotContain(STUDENT_B.substring(1));
    JsonNode summary = GongyuClient.require(client.get(BASE + "/reading-campaigns/" + campaign + "/summary"), "the summary").body();
    assertThat(summary.path("participants").asInt()).isEqualTo(2);
    assertThat(summary.path("checkIns").asInt()).isEqualTo(2);
    assertThat(summary.toString()).doesNotContain(STUDENT_A.substring(1)).doesNotContain(STUDENT_B.substring(1));
  }

  /** The check-in box (Element Plus puts the test id on the textarea itself or on its wrapper). */
  private WebElement lines() {
    WebElement box = browser.await("check-in-lines");
    return box.getTagName().equals("textarea") ? box : box.findElement(By.tagName("textarea"));
  }

  @Test
  void aSchoolAdminSchedulesADutyByPickingMembersOnTheTeam() {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    String parent = "gp-" + RUN;
    String teacher = "gt-" + RUN;
    GongyuClient.eventually("the school tier knows " + SCHOOL,
        () -> client.put(BASE + "/guard-duty/members/" + parent, Map.of("kind", "PARENT", "personRef", "家长" + RUN,
            "signedUpOn", today.minusDays(20).toString(), "voluntary", true)),
        GongyuClient.Reply::ok, Duration.ofSeconds(90));
    Map<String, Object> left = new HashMap<>(Map.of("kind", "TEACHER", "personRef", "教师" + RUN,
        "signedUpOn", today.minusDays(20).toString(), "leftOn", today.minusDays(1).toString()));
    GongyuClient.require(client.put(BASE + "/guard-duty/members/" + teacher, left), "the teacher who left");

    browser = new Chromium(GATEWAY);
    browser.logIn("rg-school-admin-" + SCHOOL);
    browser.open("/schools/" + SCHOOL + "/records/guard-duties");
    browser.centreAndClick(browser.await("record-add"));
    browser.await("record-form");
    browser.centreAndClick(browser.await("input-memberIds"));
    By options = By.xpath("//li[contains(@class,'el-select-dropdown__item')][contains(normalize-space(.),' · ')]");
    Chromium.waitUntil("the team's members offered", Duration.ofSeconds(10),
        () -> browser.all(options).stream().anyMatch(WebElement::isDisplayed));
    List<String> offered = browser.all(options).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    assertThat(offered).anyMatch(o -> o.startsWith("家长志愿者 · " + parent)).noneMatch(o -> o.contains(teacher));
    browser.centreAndClick(browser.all(options).stream().filter(o -> o.isDisplayed() && o.getText().contains(parent)).findFirst().orElseThrow());
    browser.centreAndClick(browser.driver().findElement(By.cssSelector(".el-dialog__title"))); // closes the dropdown
    WebAppSystemIT.checkPage(browser, axeSource, "school-guard-duty-form");
    browser.centreAndClick(browser.await("record-save"));
    Chromium.waitUntil("the duty in the list", Duration.ofSeconds(30),
        () -> browser.all(browser.testId("cell-memberIds")).stream().anyMatch(c -> c.getText().equals(parent)));

    JsonNode duties = GongyuClient.require(client.get(BASE + "/guard-duty/duties?semester="
        + Semester.containing(today, SchoolCalendar.DEFAULT).id()), "the duties").body();
    assertThat(duties.valueStream().filter(d -> d.path("date").asString().equals(today.toString()))
        .map(d -> d.path("memberIds").toString()).toList()).containsExactly("[\"" + parent + "\"]");
  }
}

package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 问题清单与课题库 and 课题认领 through the browser (ADR 0026), each person in their own Chromium,
 * logged in through Keycloak's form, on a county and school of its own (990691, 9906910001): city
 * staff add a prominent problem and publish a topic answering it with room for one school; the
 * school admin claims it on 课题认领, and completes it with a result; city staff see the claim
 * completed with the result beside the topic. Pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990691";
  static final String SCHOOL = "9906910001";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);
  /** titles of this run, so that a rerun on the same platform finds its own */
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String PROBLEM = "亲子沟通不畅" + RUN;
  static final String TOPIC = "亲子沟通课程开发" + RUN;

  static String topicId;

  @BeforeAll
  static void tools() {
    client.putCounty(COUNTY, "课题县");
    client.putXuequ(COUNTY, COUNTY + "-XQ1", "城关学区");
    client.putSchool(COUNTY, SCHOOL, "课题县第一小学", "PRIMARY", COUNTY + "-XQ1");
    client.accounts().tokenAs("lt", "school-admin", SCHOOL, CITY);
    client.accounts().tokenAs("lt", "city-staff", CITY, CITY);
  }

  @Test
  @Order(1)
  void cityStaffAddAProblemAndPublishATopicAnsweringIt() {
    browser = new Chromium(GATEWAY);
    browser.logIn("lt-city-staff-" + CITY);
    // by its address, as the other pages' tests do: a click on the menu right after the login could
    // land while the app's first navigation (/ → the home page, then ?period=) was still under way,
    // and in 2 of about 30 runs the page never changed; the menu must still offer the page
    browser.open("/city/topics");
    browser.await("nav-city-topics");
    browser.await("problem-form");
    browser.await("pb-title").sendKeys(PROBLEM);
    browser.await("pb-category").sendKeys("亲子关系");
    browser.centreAndClick(browser.await("pb-add"));
    Chromium.waitUntil("the problem listed", Duration.ofSeconds(30),
        () -> browser.all(browser.testId("problem-row")).stream().anyMatch(r -> r.getText().contains(PROBLEM)));
    browser.await("tp-title").sendKeys(TOPIC);
    browser.await("tp-category").sendKeys("亲子关系");
    browser.await("tp-problem").findElement(By.xpath(".//option[normalize-space(.)='" + PROBLEM + "']")).click();
    WebElement capacity = browser.await("tp-capacity");
    capacity.clear();
    capacity.sendKeys("1");
    browser.centreAndClick(browser.await("tp-add"));
    WebElement row = topicRow();
    topicId = row.getAttribute("data-id");
    assertThat(row.getText()).contains(PROBLEM, "认领 0 / 拟 1 所");
    WebAppSystemIT.checkPage(browser, axeSource, "city-topics");
    checkInEnglish("city-topics");
  }

  @Test
  @Order(2)
  void theSchoolAdminClaimsTheTopicAndCompletesItWithAResult() {
    assertThat(topicId).as("published by the first test").isNotNull();
    GongyuClient.eventually("the school tier has the topic",
        () -> client.as("lt-school-admin-" + SCHOOL).get("/api/school/schools/" + SCHOOL + "/research-topics"),
        r -> r.ok() && r.body().toString().contains(topicId), Duration.ofSeconds(90));
    browser = new Chromium(GATEWAY);
    browser.logIn("lt-school-admin-" + SCHOOL);
    browser.open("/schools/" + SCHOOL + "/topics");
    browser.await("school-topics");
    browser.centreAndClick(schoolRow("NONE").findElement(browser.testId("claim-topic")));
    browser.centreAndClick(schoolRow("CLAIMED").findElement(browser.testId("complete-claim")));
    browser.await("complete-dialog");
    WebAppSystemIT.checkPage(browser, axeSource, "school-topics");
    browser.await("result-summary").sendKeys("形成《亲子沟通十讲》校本课程一套");
    browser.centreAndClick(browser.await("complete-confirm"));
    assertThat(schoolRow("COMPLETED").findElement(browser.testId("claim")).getText()).contains("已结题");
    checkInEnglish("school-topics");
  }

  @Test
  @Order(3)
  void cityStaffSeeTheClaimCompletedWithTheResult() {
    assertThat(topicId).isNotNull();
    GongyuClient.eventually("the city has the completed claim",
        () -> client.as("lt-city-staff-" + CITY).get("/api/city/research-topics/" + topicId),
        r -> r.ok() && r.body().path("completed").asLong() == 1, Duration.ofSeconds(90));
    browser = new Chromium(GATEWAY);
    browser.logIn("lt-city-staff-" + CITY);
    browser.open("/city/topics");
    String claims = topicRow().findElement(browser.testId("claims")).getText();
    assertThat(claims).contains("认领 1 / 拟 1 所，已结题 1 所", "课题县第一小学", "已结题", "亲子沟通十讲");
  }

  private WebElement topicRow() {
    Chromium.waitUntil("topic-row of " + TOPIC, Duration.ofSeconds(30),
        () -> browser.all(browser.testId("topic-row")).stream().anyMatch(r -> r.getText().contains(TOPIC)));
    return browser.all(browser.testId("topic-row")).stream().filter(r -> r.getText().contains(TOPIC)).findFirst().orElseThrow();
  }

  /** This run's topic on 课题认领, once its claim is in {@code claim} (NONE, CLAIMED, COMPLETED). */
  private WebElement schoolRow(String claim) {
    By row = By.cssSelector("[data-testid=\"topic-row\"][data-id=\"" + topicId + "\"][data-claim=\"" + claim + "\"]");
    Chromium.waitUntil("the topic " + claim, Duration.ofSeconds(60), () -> browser.all(row).size() == 1);
    return browser.all(row).getFirst();
  }
}

package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.testing.BrowserSession;
import org.gongyu.testing.KeycloakAccounts;
import org.gongyu.tools.GongyuClient.Registration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform as real processes: {@code deploy/local/platform.sh up} starts a Kafka broker,
 * the four services and the gateway from their jars against the local PostgreSQL, on ports offset
 * by 1000 and with their own databases and run directory, so it never touches a developer's
 * running platform ({@link SharedPlatform}: one platform for every system-test class of the JVM).
 * Everything below goes through the gateway, as a user's client would.
 */
@ExtendWith(SharedPlatform.class)
class PlatformSystemIT {

  static final Path RUN_DIR = SharedPlatform.RUN_DIR;
  static final String INDICATOR = IndicatorCodes.PLATFORM_REGISTRATION;
  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String KEYCLOAK = SharedPlatform.KEYCLOAK;
  static final GongyuClient client = new GongyuClient(GATEWAY, KEYCLOAK, false);
  static final Semester SEMESTER = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);

  @Test
  void registrationsPostedAtASchoolChangeTheCountyAndCityFiguresWithinFiveSeconds() {
    client.putCounty("990201", "系统县");
    client.putCounty("990202", "测试区");
    client.putSchool("990201", "9902010001", "系统县第一小学", "PRIMARY", null);
    client.putSchool("990201", "9902010002", "系统县第二小学", "PRIMARY", null);
    client.putSchool("990202", "9902020001", "测试区第一小学", "PRIMARY", null);
    for (String school : List.of("9902010001", "9902010002", "9902020001")) {
      client.putClass(school, "C1", SEMESTER.schoolYear(), 1, "一年级1班", 40);
      client.putClass(school, "C2", SEMESTER.schoolYear(), 2, "二年级1班", 40);
    }
    // every school has published 0/80 and both counties have rolled it up before we start timing
    awaitCounty("990201", 0, 160, Duration.ofSeconds(60));
    awaitCounty("990202", 0, 80, Duration.ofSeconds(60));
    long cityBefore = client.cityNumerator(INDICATOR, SEMESTER.id());

    List<Registration> first = batch("9902010001", "C1", 25);
    GongyuClient.require(client.postRegistrations("9902010001", SEMESTER.id(), first), "first batch");
    long accepted = System.nanoTime();
    awaitCity(cityBefore + 25, Duration.ofSeconds(5));
    awaitCounty("990201", 25, 160, Duration.ofSeconds(5));
    double firstSeconds = (System.nanoTime() - accepted) / 1e9;

    List<Registration> second = batch("9902020001", "C2", 30);
    GongyuClient.require(client.postRegistrations("9902020001", SEMESTER.id(), second), "second batch");
    accepted = System.nanoTime();
    awaitCity(cityBefore + 55, Duration.ofSeconds(5));
    double secondSeconds = (System.nanoTime() - accepted) / 1e9;
    System.out.printf("school -> city visible in reporting after %.3f s and %.3f s%n", firstSeconds, secondSeconds);

    // drill down: the county figure is the sum of its schools, with the snapshot versions used
    JsonNode county = client.countyReport(INDICATOR, SEMESTER.id(), "990201").body();
    assertThat(county.path("county").path("numerator").asLong()).isEqualTo(25);
    assertThat(county.path("county").path("denominator").asLong()).isEqualTo(160);
    assertThat(county.path("county").path("schoolsReporting").asLong()).isEqualTo(2);
    assertThat(county.path("county").path("schoolsMeetingTarget").asLong()).isEqualTo(0);
    JsonNode schoolRow = null;
    for (JsonNode s : county.path("schools")) {
      if (s.path("id").asString().equals("9902010001")) {
        schoolRow = s;
      }
    }
    assertThat(schoolRow).isNotNull();
    assertThat(schoolRow.path("numerator").asLong()).isEqualTo(25);
    assertThat(schoolRow.path("rate").asString()).isEqualTo("0.3125");
    assertThat(schoolRow.path("usedInCountyRollup").asLong()).isEqualTo(schoolRow.path("snapshotVersion").asLong());

    // a re-sent batch changes nothing anywhere
    JsonNode cityBeforeResend = client.cityReport(INDICATOR, SEMESTER.id()).body().path("city");
    var resent = client.postRegistrations("9902010001", SEMESTER.id(), first);
    assertThat(resent.body().path("accepted").asLong()).isZero();
    GongyuClient.sleep(2000);
    JsonNode cityAfterResend = client.cityReport(INDICATOR, SEMESTER.id()).body().path("city");
    assertThat(cityAfterResend.path("version").asLong()).isEqualTo(cityBeforeResend.path("version").asLong());
    assertThat(cityAfterResend.path("numerator").asLong()).isEqualTo(cityBefore + 55);
    assertThat(cityAfterResend.path("name").asString()).isEqualTo("演示市");

    // bad input through the gateway is still a problem document, and changes nothing
    var bad = client.postRegistrations("9902010002", SEMESTER.id(), batch("9902010002", "C1", 41));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("detail").asString()).contains("41 students with a registered guardian but only 40 enrolled");
    assertThat(client.cityNumerator(INDICATOR, SEMESTER.id())).isEqualTo(cityBefore + 55);
  }

  /**
   * The county tier is killed with SIGKILL between consuming and committing, schools keep recording,
   * then {@code platform.sh up} brings it back: it re-reads what it had not committed and catches up,
   * and every figure equals the one computed directly from the school records.
   */
  @Test
  void aCountyServiceKilledMidStreamCatchesUpAndEveryFigureEqualsTheSchoolRecords() throws Exception {
    String county = "990203";
    List<String> schools = List.of("9902030001", "9902030002", "9902030003");
    client.putCounty(county, "崩溃县");
    for (String school : schools) {
      client.putSchool(county, school, school + "号小学", "PRIMARY", null);
      client.putClass(school, "C1", SEMESTER.schoolYear(), 1, "一年级1班", 40);
    }
    awaitCounty(county, 0, 120, Duration.ofSeconds(60));
    GongyuClient.require(client.postRegistrations(schools.get(0), SEMESTER.id(), batch(schools.get(0), "C1", 10)), "before the crash");
    awaitCounty(county, 10, 120, Duration.ofSeconds(5));

    long pid = Long.parseLong(Files.readString(RUN_DIR.resolve("pids/district-service.pid")).trim());
    ProcessHandle district = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("district-service is not running"));
    district.destroyForcibly();
    district.onExit().get(30, TimeUnit.SECONDS);

    // schools keep recording while their county is down; a re-sent batch is still a no-op
    GongyuClient.require(client.postRegistrations(schools.get(1), SEMESTER.id(), batch(schools.get(1), "C1", 15)), "during the outage");
    GongyuClient.require(client.postRegistrations(schools.get(2), SEMESTER.id(), batch(schools.get(2), "C1", 20)), "during the outage");
    GongyuClient.require(client.postRegistrations(schools.get(0), SEMESTER.id(), batch(schools.get(0), "C1", 10)), "re-sent");
    GongyuClient.require(client.postRegistrations(schools.get(1), SEMESTER.id(), batch(schools.get(1), "C1", 18)), "during the outage");

    SharedPlatform.script(Duration.ofMinutes(5), "deploy/local/platform.sh", "up");

    long direct = 0;
    long enrolled = 0;
    for (String school : schools) {
      JsonNode snapshot = latestSnapshot(school);
      direct += snapshot.path("numerator").asLong();
      enrolled += snapshot.path("denominator").asLong();
    }
    assertThat(direct).isEqualTo(10 + 18 + 20);
    assertThat(enrolled).isEqualTo(120);
    awaitCounty(county, direct, enrolled, Duration.ofSeconds(60));
    JsonNode rollup = client.get("/api/district/counties/" + county + "/rollups/" + INDICATOR + "/" + SEMESTER.id()).body();
    assertThat(rollup.path("numerator").asLong()).isEqualTo(direct);
    assertThat(rollup.path("schoolsReporting").asLong()).isEqualTo(3);
    // the rollup was computed from exactly the schools' latest snapshot versions
    for (JsonNode used : rollup.path("lineage")) {
      assertThat(used.path("version").asLong()).as("lineage of %s", used.path("schoolId"))
          .isEqualTo(latestSnapshot(used.path("schoolId").asString()).path("version").asLong());
    }
    JsonNode report = client.countyReport(INDICATOR, SEMESTER.id(), county).body().path("county");
    assertThat(report.path("version").asLong()).isEqualTo(rollup.path("version").asLong());
  }

  @Test
  void aSchoolUserAndACountyUserLoggedInThroughKeycloakSeeExactlyTheirOwnFigures() {
    // two counties of two and one schools, each with its own figure
    client.putCounty("990205", "登录县");
    client.putCounty("990206", "隔壁县");
    Map<String, String> countyOf = Map.of("9902050001", "990205", "9902050002", "990205", "9902060001", "990206");
    Map<String, Integer> registered = Map.of("9902050001", 12, "9902050002", 7, "9902060001", 25);
    countyOf.forEach((school, county) -> client.putSchool(county, school, school + "号小学", "PRIMARY", null));
    for (String school : countyOf.keySet()) {
      client.putClass(school, "C1", SEMESTER.schoolYear(), 1, "一年级1班", 40);
      GongyuClient.require(client.postRegistrations(school, SEMESTER.id(), batch(school, "C1", registered.get(school))), "batch " + school);
    }
    awaitCounty("990205", 19, 80, Duration.ofSeconds(30));
    awaitCounty("990206", 25, 40, Duration.ofSeconds(30));

    // users of the realm acting for these units, logged in with the password grant (client gongyu-cli)
    KeycloakAccounts accounts = client.accounts();
    accounts.tokenAs("sys", "school-staff", "9902050001", "990100");
    accounts.tokenAs("sys", "county-assessor", "990205", "990100");
    GongyuClient school = client.as("sys-school-staff-9902050001");
    GongyuClient assessor = client.as("sys-county-assessor-990205");
    String schoolReport = "/api/reports/indicators/" + INDICATOR + "/periods/" + SEMESTER.id() + "/schools/";
    String countyReport = "/api/reports/indicators/" + INDICATOR + "/periods/" + SEMESTER.id() + "/counties/";

    // the school user: its own school, nothing else
    JsonNode own = school.get(schoolReport + "9902050001").body();
    assertThat(own.toString()).contains("\"numerator\":12");
    assertThat(school.get("/api/school/schools/9902050001/indicators/" + SEMESTER.id()).status()).isEqualTo(200);
    assertThat(school.get("/api/school/schools/9902050002/indicators/" + SEMESTER.id()).status()).isEqualTo(404);
    assertThat(school.get(schoolReport + "9902050002").status()).isEqualTo(404);
    assertThat(school.get(schoolReport + "9902060001").status()).isEqualTo(404);
    assertThat(school.get(countyReport + "990205").status()).isEqualTo(403);
    assertThat(school.get("/api/reports/indicators/" + INDICATOR + "/periods/" + SEMESTER.id()).status()).isEqualTo(403);
    assertThat(school.put("/api/district/counties/990205/schools/9902050001", Map.of("name", "改名", "schoolType", "PRIMARY")).status())
        .isEqualTo(403);

    // the county user: its county and exactly its schools, not the other county
    JsonNode county = assessor.get(countyReport + "990205").body();
    assertThat(county.path("county").path("numerator").asLong()).isEqualTo(19);
    List<String> schools = new ArrayList<>();
    county.path("schools").forEach(s -> schools.add(s.path("id").asString()));
    assertThat(schools).containsExactlyInAnyOrder("9902050001", "9902050002");
    assertThat(assessor.get(countyReport + "990206").status()).isEqualTo(404);
    assertThat(assessor.get(schoolReport + "9902060001").status()).isEqualTo(404);
    assertThat(assessor.get("/api/reports/indicators/" + INDICATOR + "/periods/" + SEMESTER.id()).status()).isEqualTo(403);
    assertThat(client.anonymous().get(countyReport + "990205").status()).isEqualTo(401);

    // the same county user in a browser: login page at Keycloak, session at the gateway, token relayed
    BrowserSession browser = new BrowserSession();
    var landing = browser.logIn(GATEWAY, "sys-county-assessor-990205", KeycloakAccounts.DEMO_PASSWORD);
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(browser.hops()).anySatisfy(u -> assertThat(u.toString())
        .startsWith(KEYCLOAK + "/realms/gongyu/protocol/openid-connect/auth").contains("code_challenge_method=S256"));
    var inBrowser = browser.get(GATEWAY + countyReport + "990205", "application/json");
    assertThat(inBrowser.statusCode()).isEqualTo(200);
    assertThat(inBrowser.body()).contains("\"numerator\":19").contains("9902050002").doesNotContain("9902060001");
    assertThat(browser.get(GATEWAY + countyReport + "990206", "application/json").statusCode()).isEqualTo(404);
  }

  /**
   * A real browser: Debian's headless Chromium, driven by its chromedriver, opens the gateway, is
   * sent to Keycloak's login page, logs in as a county admin, lands on the web app's page of its
   * county (an assessor lands on 我的评审任务 instead; WebAppSystemIT) and reads its county's report
   * through the gateway session; another county's report is the 404 problem. A screenshot of the
   * landing page goes to {@code system-tests/target/chromium-login.png}.
   */
  @Test
  void aCountyUserLogsInWithChromiumAndReadsOnlyTheirCountysReport() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driverBinary = Path.of("/usr/bin/chromedriver");
    boolean installed = Files.isExecutable(chromium) && Files.isExecutable(driverBinary);
    if (!installed && System.getenv("CI") != null) {
      throw new AssertionError("Chromium is not installed (apt-get install chromium chromium-driver; .ci/run and deploy/local/test.sh do)");
    }
    Assumptions.assumeTrue(installed, "Chromium is not installed here; CI installs it");

    client.putCounty("990207", "浏览器县");
    client.putCounty("990208", "邻县");
    client.putSchool("990207", "9902070001", "浏览器县第一小学", "PRIMARY", null);
    client.putSchool("990208", "9902080001", "邻县第一小学", "PRIMARY", null);
    for (String school : List.of("9902070001", "9902080001")) {
      client.putClass(school, "C1", SEMESTER.schoolYear(), 1, "一年级1班", 40);
    }
    GongyuClient.require(client.postRegistrations("9902070001", SEMESTER.id(), batch("9902070001", "C1", 17)), "batch");
    awaitCounty("990207", 17, 40, Duration.ofSeconds(30));
    client.accounts().tokenAs("sys", "county-admin", "990207", "990100");
    String username = "sys-county-admin-990207";

    var options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    Path profile = Files.createTempDirectory("gongyu-chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile()).build();
    var chrome = new ChromeDriver(service, options);
    try {
      chrome.get(GATEWAY + "/");
      assertThat(chrome.getCurrentUrl()).startsWith(KEYCLOAK + "/realms/gongyu/protocol/openid-connect/auth")
          .contains("code_challenge_method=S256");
      chrome.findElement(By.id("username")).sendKeys(username);
      chrome.findElement(By.id("password")).sendKeys(KeycloakAccounts.DEMO_PASSWORD);
      chrome.findElement(By.id("kc-login")).click();
      // back at the gateway, the web app sends a county user to their county's page; its top bar
      // names the county
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!(chrome.getCurrentUrl().startsWith(GATEWAY + "/counties/990207")
          && chrome.findElements(By.cssSelector("[data-testid=user-unit]")).stream().anyMatch(e -> e.getText().contains("浏览器县")))
          && System.nanoTime() < deadline) {
        GongyuClient.sleep(100);
      }
      assertThat(chrome.getCurrentUrl()).startsWith(GATEWAY + "/counties/990207");
      assertThat(chrome.findElement(By.cssSelector("[data-testid=user-unit]")).getText()).contains("浏览器县");
      Files.write(SharedPlatform.ROOT.resolve("system-tests/target/chromium-login.png"),
          chrome.getScreenshotAs(OutputType.BYTES));

      String report = "/api/reports/indicators/" + INDICATOR + "/periods/" + SEMESTER.id() + "/counties/";
      chrome.get(GATEWAY + report + "990207");
      assertThat(chrome.getPageSource()).contains("\"numerator\":17").contains("9902070001").doesNotContain("9902080001");
      chrome.get(GATEWAY + report + "990208");
      assertThat(chrome.getPageSource()).contains("\"status\":404").doesNotContain("邻县");
    } finally {
      chrome.quit();
    }
  }

  /** The school's own latest snapshot of the indicator, as school-service answers it. */
  private static JsonNode latestSnapshot(String school) {
    for (JsonNode s : client.get("/api/school/schools/" + school + "/indicators/" + SEMESTER.id()).body()) {
      if (s.path("indicatorCode").asString().equals(INDICATOR)) {
        return s;
      }
    }
    throw new AssertionError("school " + school + " has no " + INDICATOR + " snapshot for " + SEMESTER.id());
  }

  private static List<Registration> batch(String school, String classId, int students) {
    List<Registration> records = new ArrayList<>();
    String at = SEMESTER.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).plusDays(1).toInstant().toString();
    for (int i = 1; i <= students; i++) {
      records.add(new Registration("st-" + school + "-" + classId + "-" + i, classId, "ST-" + school + "-" + i, "PG-" + school + "-" + i, at));
    }
    return records;
  }

  private static void awaitCity(long numerator, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    long seen;
    while ((seen = client.cityNumerator(INDICATOR, SEMESTER.id())) != numerator) {
      assertThat(System.nanoTime()).as("city numerator %d within %s (last seen %d)", numerator, within, seen).isLessThan(deadline);
      GongyuClient.sleep(25);
    }
  }

  private static void awaitCounty(String countyId, long numerator, long denominator, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      JsonNode c = client.countyReport(INDICATOR, SEMESTER.id(), countyId).body().path("county");
      if (c.path("numerator").asLong(-1) == numerator && c.path("denominator").asLong(-1) == denominator) {
        return;
      }
      assertThat(System.nanoTime()).as("county %s at %d/%d within %s, last %s", countyId, numerator, denominator, within, c)
          .isLessThan(deadline);
      GongyuClient.sleep(25);
    }
  }
}

package org.gongyu.chassis.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.gongyu.chassis.security.Role;
import org.gongyu.testing.MutableClock;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications library against a real PostgreSQL and a real SMTP server (GreenMail): a notice
 * is stored and mailed once per dedup key; an audience reaches the holders of the role at the unit
 * only; e-mail off sends nothing, the digest sends one mail a day once the city's clock passes the
 * digest time; two instances running the sender deliver each e-mail exactly once; unread count and
 * marking read through the inbox endpoints, in both languages.
 */
@SpringBootTest(
    classes = NotificationsIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=chassis-notify-it",
      "spring.flyway.enabled=false",
      "spring.autoconfigure.exclude=org.gongyu.chassis.messaging.MessagingAutoConfiguration,"
          + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "gongyu.notify.enabled=true",
      "gongyu.notify.inbox-path=/api/probe/me/notifications",
      "gongyu.notify.kinds=assigned,deadline",
      "gongyu.notify.roles=SCHOOL_ADMIN,SCHOOL_STAFF",
      "gongyu.notify.jobs=false",
      "gongyu.notify.digest-at=18:00",
      "gongyu.notify.base-url=https://gongyu.example.test"
    })
class NotificationsIT {

  static final JsonMapper JSON = new JsonMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final RSAKey KEY = key();
  static final GreenMail SMTP = smtp();
  /** 2026-03-02 10:00 in the city (Asia/Shanghai). */
  static final Instant MORNING = Instant.parse("2026-03-02T02:00:00Z");

  /** Scans nothing: the library's beans come from its auto-configuration only, as in a service. */
  @SpringBootApplication(scanBasePackages = "org.gongyu.chassis.notify.none")
  static class App {
    @Bean
    JwtDecoder jwtDecoder() throws Exception {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    }

    @Bean
    MutableClock clock() {
      return new MutableClock(MORNING);
    }
  }

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "chassis_notify");
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @LocalServerPort int port;
  @Autowired Notifier notifier;
  @Autowired NotifyMailer mailer;
  @Autowired NotifyUsers users;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  @Autowired LockProvider locks;

  @BeforeEach
  void morning() {
    clock.set(MORNING);
  }

  @AfterEach
  void reset() {
    clock.reset();
  }

  // ---- dedup

  @Test
  void theSameNoticeTwiceIsOneNotificationAndOneMail() throws Exception {
    call("GET", "/unread-count", null, token("dedup-a", Role.SCHOOL_ADMIN, "9960000001", "zh-CN"), null);
    Notice notice = Notice.toUser("dedup-a", "assigned", "assigned:app-1:1:dedup-a", "/county/applications/app-1",
        "probe.notice.assigned", "app-1", 1);
    Optional<UUID> first = tx.execute(s -> notifier.notify(notice));
    Optional<UUID> again = tx.execute(s -> notifier.notify(notice));
    assertThat(first).isPresent();
    assertThat(again).as("a replay adds nothing").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key = 'assigned:app-1:1:dedup-a'", Long.class))
        .isEqualTo(1);
    mailer.sendDue();
    mailer.sendDue();
    List<MimeMessage> mails = mailsTo("dedup-a");
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject()).isEqualTo("【共育】您被分派评审申报 app-1（第 1 轮）");
    assertThat(body(mails.getFirst())).contains("查看：https://gongyu.example.test/county/applications/app-1");
    tx.executeWithoutResult(s -> notifier.notify(notice));
    mailer.sendDue();
    assertThat(mailsTo("dedup-a")).as("a third try later sends nothing either").hasSize(1);
  }

  @Test
  void theNotifierWantsTheCallersTransaction() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifier.notify(
            Notice.toUser("nobody", "assigned", "no-tx", null, "probe.notice.assigned", "x", 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  // ---- audiences

  @Test
  void anAudienceReachesTheRoleAtTheUnitOnly() throws Exception {
    String adminX = token("aud-admin-x", Role.SCHOOL_ADMIN, "9960000011", "en");
    String staffX = token("aud-staff-x", Role.SCHOOL_STAFF, "9960000011", "en");
    String adminY = token("aud-admin-y", Role.SCHOOL_ADMIN, "9960000012", "en");
    for (String t : List.of(adminX, staffX, adminY)) {
      call("GET", "/unread-count", null, t, null);
    }
    tx.executeWithoutResult(s -> notifier.notify(Notice.toAudience(Role.SCHOOL_ADMIN, "9960000011", "deadline",
        "deadline:2025-2026-2:9960000011", "/school/sign-offs", "probe.notice.deadline", "2025-2026-2", 7)));

    JsonNode inbox = call("GET", "", null, adminX, "en").body();
    assertThat(inbox.path("total").asLong()).isEqualTo(1);
    assertThat(inbox.path("unread").asLong()).isEqualTo(1);
    assertThat(inbox.path("items").get(0).path("text").asString()).isEqualTo("The deadline of period 2025-2026-2 is in 7 days");
    assertThat(inbox.path("items").get(0).path("link").asString()).isEqualTo("/school/sign-offs");
    assertThat(call("GET", "", null, staffX, "en").body().path("total").asLong()).as("another role at the unit").isZero();
    assertThat(call("GET", "", null, adminY, "en").body().path("total").asLong()).as("the role at another unit").isZero();

    mailer.sendDue();
    assertThat(mailsTo("aud-admin-x")).hasSize(1);
    assertThat(mailsTo("aud-admin-x").getFirst().getSubject()).as("in the user's language")
        .isEqualTo("[Gongyu] The deadline of period 2025-2026-2 is in 7 days");
    assertThat(mailsTo("aud-staff-x")).isEmpty();
    assertThat(mailsTo("aud-admin-y")).isEmpty();
  }

  // ---- preferences

  @Test
  void eMailOffSendsNothingButTheInboxStillHasIt() throws Exception {
    String quiet = token("pref-quiet", Role.SCHOOL_ADMIN, "9960000021", "zh-CN");
    Reply put = call("PUT", "/preferences", "[{\"kind\":\"deadline\",\"email\":false,\"delivery\":\"IMMEDIATE\"}]", quiet, "en");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body().toString()).contains("\"kind\":\"deadline\",\"email\":false").contains("\"kind\":\"assigned\",\"email\":true");
    tx.executeWithoutResult(s -> notifier.notify(Notice.toUser("pref-quiet", "deadline", "deadline:p:pref-quiet", null,
        "probe.notice.deadline", "2025-2026-2", 3)));
    mailer.sendDue();
    assertThat(mailsTo("pref-quiet")).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from notify_mail where username = 'pref-quiet'", Long.class)).isZero();
    assertThat(call("GET", "/unread-count", null, quiet, null).body().path("unread").asLong()).isEqualTo(1);

    Reply unknown = call("PUT", "/preferences", "[{\"kind\":\"gossip\",\"email\":true,\"delivery\":\"IMMEDIATE\"}]", quiet, "zh-CN");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().path("detail").asString()).isEqualTo("没有名为“gossip”的通知类别（类别：assigned、deadline）");
  }

  @Test
  void theDailyDigestIsOneMailWithBothNoticesOnceTheClockPassesTheDigestTime() throws Exception {
    String digest = token("pref-digest", Role.SCHOOL_ADMIN, "9960000022", "en");
    call("PUT", "/preferences", "[{\"kind\":\"deadline\",\"email\":true,\"delivery\":\"DAILY_DIGEST\"}]", digest, "en");
    tx.executeWithoutResult(s -> notifier.notify(Notice.toUser("pref-digest", "deadline", "deadline:a:pref-digest",
        "/school/a", "probe.notice.deadline", "2025-2026-2", 5)));
    clock.advance(Duration.ofHours(2));
    tx.executeWithoutResult(s -> notifier.notify(Notice.toAudience(Role.SCHOOL_ADMIN, "9960000022", "deadline",
        "deadline:b:9960000022", "/school/b", "probe.notice.deadline", "2025-2026", 30)));
    mailer.sendDue();
    mailer.sendDigests();
    assertThat(mailsTo("pref-digest")).as("nothing before the digest time").isEmpty();

    clock.set(Instant.parse("2026-03-02T09:59:00Z")); // 17:59 in the city
    mailer.sendDigests();
    assertThat(mailsTo("pref-digest")).isEmpty();

    clock.set(Instant.parse("2026-03-02T10:01:00Z")); // 18:01
    mailer.sendDigests();
    mailer.sendDigests();
    clock.set(Instant.parse("2026-03-03T10:01:00Z")); // the next day's digest time
    mailer.sendDigests();
    List<MimeMessage> mails = mailsTo("pref-digest");
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject()).isEqualTo("[Gongyu] Your notifications of the day (2)");
    assertThat(body(mails.getFirst()))
        .contains("The deadline of period 2025-2026-2 is in 5 days", "https://gongyu.example.test/school/a",
            "The deadline of period 2025-2026 is in 30 days", "https://gongyu.example.test/school/b");
  }

  // ---- unread count and marking read

  @Test
  void unreadCountAndMarkingRead() throws Exception {
    String reader = token("read-r", Role.SCHOOL_STAFF, "9960000031", "zh-CN");
    call("GET", "/unread-count", null, reader, null);
    for (int i = 1; i <= 3; i++) {
      int n = i;
      clock.advance(Duration.ofMinutes(1));
      tx.executeWithoutResult(s -> notifier.notify(Notice.toUser("read-r", "deadline", "deadline:r" + n, null,
          "probe.notice.deadline", "P" + n, n)));
    }
    tx.executeWithoutResult(s -> notifier.notify(Notice.toUser("read-other", "deadline", "deadline:other", null,
        "probe.notice.deadline", "P9", 9)));
    assertThat(unread(reader)).isEqualTo(3);
    JsonNode page = call("GET", "?page=0&size=2", null, reader, "zh-CN").body();
    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(page.path("items")).hasSize(2);
    assertThat(page.path("items").get(0).path("text").asString()).as("newest first, in Chinese").isEqualTo("周期 P3 的截止日期还有 3 天");
    String newest = page.path("items").get(0).path("id").asString();

    assertThat(call("POST", "/" + newest + "/read", null, reader, null).status()).isEqualTo(204);
    assertThat(call("POST", "/" + newest + "/read", null, reader, null).status()).as("again: no change").isEqualTo(204);
    assertThat(unread(reader)).isEqualTo(2);
    assertThat(call("GET", "", null, reader, null).body().path("items").get(0).path("read").asBoolean()).isTrue();

    String others = jdbc.queryForObject("select id::text from notification where dedup_key = 'deadline:other'", String.class);
    Reply notMine = call("POST", "/" + others + "/read", null, reader, "en");
    assertThat(notMine.status()).isEqualTo(404);
    assertThat(notMine.body().path("detail").asString()).isEqualTo("there is no notification " + others + " for you");

    assertThat(call("POST", "/read-all", null, reader, null).body().path("marked").asInt()).isEqualTo(2);
    assertThat(unread(reader)).isZero();
    assertThat(call("GET", "?size=101", null, reader, null).status()).isEqualTo(400);
    assertThat(call("GET", "", null, token("read-county", Role.COUNTY_ADMIN, "996001", null), null).status())
        .as("a role the service does not let use its inbox").isEqualTo(403);
  }

  // ---- two instances

  @Test
  void twoInstancesDeliverEachMailExactlyOnce() throws Exception {
    int n = 40;
    for (int i = 0; i < n; i++) {
      users.learn(new NotifyUsers.User("twin-" + i, "twin-" + i + "@notify.test", "en", List.of()));
    }
    List<ConfigurableApplicationContext> instances = new ArrayList<>();
    try {
      for (int k = 0; k < 2; k++) {
        instances.add(instance());
      }
      tx.executeWithoutResult(s -> {
        for (int i = 0; i < n; i++) {
          notifier.notify(Notice.toUser("twin-" + i, "assigned", "assigned:twin:" + i, null, "probe.notice.assigned", "twin", i));
        }
      });
      await().atMost(Duration.ofSeconds(60)).until(() -> twinMails() >= n);
      Thread.sleep(1500); // several more rounds of both senders
      assertThat(twinMails()).isEqualTo(n);
      assertThat(jdbc.queryForList("select status || '/' || attempts from notify_mail where username like 'twin-%'", String.class))
          .hasSize(n).containsOnly("SENT/1");
      assertThat(jdbc.queryForObject("select count(*) from shedlock where name = ?", Long.class, NotifyMailer.SENDER)).isEqualTo(1);

      // while one instance holds the sender's lock, another sends nothing
      // (an instance's sender may hold it for a moment while it runs: wait for a gap between its rounds)
      Optional<SimpleLock> held = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> locks.lock(new LockConfiguration(Instant.now(), NotifyMailer.SENDER, Duration.ofMinutes(1), Duration.ZERO)),
              Optional::isPresent);
      try {
        tx.executeWithoutResult(s -> notifier.notify(Notice.toUser("twin-0", "assigned", "assigned:twin:held", null,
            "probe.notice.assigned", "held", 1)));
        Thread.sleep(1000);
        mailer.sendDue();
        assertThat(twinMails()).as("nobody sends while the lock is held").isEqualTo(n);
      } finally {
        held.get().unlock();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> twinMails() == n + 1);
    } finally {
      instances.forEach(ConfigurableApplicationContext::close);
    }
  }

  /** Another instance of the service on the same database and SMTP server, its jobs running every 100 ms. */
  private ConfigurableApplicationContext instance() {
    RealInfrastructure.Database db = RealInfrastructure.database("chassis_notify");
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties(Map.ofEntries(
            Map.entry("spring.application.name", "chassis-notify-twin"),
            Map.entry("spring.flyway.enabled", "false"),
            Map.entry("spring.autoconfigure.exclude", "org.gongyu.chassis.messaging.MessagingAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"),
            Map.entry("spring.datasource.url", db.url()),
            Map.entry("spring.datasource.username", db.user()),
            Map.entry("spring.datasource.password", db.password()),
            Map.entry("spring.flyway.user", db.owner()),
            Map.entry("spring.flyway.password", db.ownerPassword()),
            Map.entry("spring.mail.host", "127.0.0.1"),
            Map.entry("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort())),
            Map.entry("gongyu.notify.enabled", "true"),
            Map.entry("gongyu.notify.send-interval", "100ms")))
        .run();
  }

  // ---- helpers

  private long twinMails() throws Exception {
    long count = 0;
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().startsWith("twin-"))) {
        count++;
      }
    }
    return count;
  }

  private static List<MimeMessage> mailsTo(String username) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(username + "@notify.test"))) {
        found.add(m);
      }
    }
    return found;
  }

  private static String body(MimeMessage m) throws Exception {
    return String.valueOf(m.getContent());
  }

  private long unread(String token) throws Exception {
    return call("GET", "/unread-count", null, token, null).body().path("unread").asLong();
  }

  record Reply(int status, JsonNode body) {}

  Reply call(String method, String path, String body, String token, String language) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/probe/me/notifications" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token);
    if (language != null) {
      b.header("Accept-Language", language);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
  }

  /** A token of a user with one role at a unit, an e-mail address {@code <username>@notify.test} and a locale claim. */
  static String token(String username, Role role, String unit, String locale) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject("sub-" + username).claim("preferred_username", username).claim("email", username + "@notify.test")
        .claim("realm_access", Map.of("roles", List.of(role.realmName())))
        .claim("city_id", "990100")
        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000));
    switch (role.tier()) {
      case SCHOOL -> claims.claim("school_id", unit).claim("county_id", "996001");
      case COUNTY -> claims.claim("county_id", unit);
      case CITY -> { }
    }
    if (locale != null) {
      claims.claim("locale", locale);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims.build());
    jwt.sign(new RSASSASigner(KEY));
    return jwt.serialize();
  }

  private static RSAKey key() {
    try {
      return new RSAKeyGenerator(2048).keyID("notify-test").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail smtp() {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
    return mail;
  }
}

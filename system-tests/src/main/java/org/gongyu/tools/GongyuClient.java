package org.gongyu.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gongyu.testing.KeycloakAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin HTTP client of the gateway's API that logs in to Keycloak as the users of the realm. By
 * default it acts, for each call, as the unit's own user: the demo user of a school or county
 * where the realm has one and {@code demoUsersFirst} is set ({@code admin-<school>}, {@code
 * county-admin-<county>}), otherwise a user {@code tool-<role>-<unit>} it creates through
 * Keycloak's admin API; {@code city-admin} for
 * the city, {@code city-staff} for reports. {@link #as(String)} acts as one named user for every
 * call, {@link #anonymous()} sends no token.
 */
public final class GongyuClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CITY = "990100";

  private final HttpClient http;
  private final String gateway;
  private final KeycloakAccounts accounts;
  private final Function<String, Optional<String>> tokenForPath;
  private final String language;

  /**
   * @param demoUsersFirst act as the realm's demo user of a unit where it has one (the demo
   *     loader); otherwise always as a {@code tool-*} user (units the demo realm does not have)
   */
  public GongyuClient(String gateway, String keycloak, boolean demoUsersFirst) {
    // HTTP/1.1 as browsers speak it to the gateway over plain http (no h2c upgrade attempts)
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
    this.accounts = new KeycloakAccounts(keycloak);
    this.tokenForPath = path -> accounts.tokenForPath(path, "tool", CITY, demoUsersFirst);
    this.language = null;
  }

  private GongyuClient(GongyuClient base, Function<String, Optional<String>> tokenForPath, String language) {
    this.http = base.http;
    this.gateway = base.gateway;
    this.accounts = base.accounts;
    this.tokenForPath = tokenForPath;
    this.language = language;
  }

  /** The same client acting as {@code username} (a user of the realm) for every call. */
  public GongyuClient as(String username) {
    return new GongyuClient(this, path -> Optional.of(accounts.token(username)), language);
  }

  /** The same client sending no token. */
  public GongyuClient anonymous() {
    return new GongyuClient(this, path -> Optional.empty(), language);
  }

  /**
   * The same client asking for answers in {@code languageTag} ({@code Accept-Language}, e.g.
   * {@code zh-CN}); without it the services answer in English.
   */
  public GongyuClient inLanguage(String languageTag) {
    return new GongyuClient(this, tokenForPath, languageTag);
  }

  /** Logs in now (or reuses the cached token) as the user this client would send to {@code path}. */
  public void warmToken(String path) {
    tokenForPath.apply(path);
  }

  public KeycloakAccounts accounts() {
    return accounts;
  }

  /** Status, parsed body and content type ({@code ""} if none) of a call. */
  public record Reply(int status, JsonNode body, String contentType) {
    public Reply(int status, JsonNode body) {
      this(status, body, "");
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Whether the answer is an RFC 9457 problem document. */
    public boolean problem() {
      return contentType.startsWith("application/problem+json");
    }
  }

  public Reply get(String path) {
    return call(path, HttpRequest.newBuilder(URI.create(gateway + path)).GET());
  }

  public Reply put(String path, Object body) {
    return call(path, HttpRequest.newBuilder(URI.create(gateway + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Reply post(String path, Object body) {
    return call(path, HttpRequest.newBuilder(URI.create(gateway + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** The JSON a {@link #post} of {@code body} sends, encoded ahead of time. */
  public static byte[] json(Object body) {
    return JSON.writeValueAsBytes(body);
  }

  /** {@link #post} of a body already encoded with {@link #json}: nothing is encoded on the sending thread. */
  public Reply postEncoded(String path, byte[] json) {
    return call(path, HttpRequest.newBuilder(URI.create(gateway + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
  }

  /**
   * A backdated write of a past demonstration cycle (district-service, ADR 0015): the request carries
   * {@code Gongyu-Effective-At} and the service records it as made at {@code effectiveAt}.
   */
  public Reply postAt(String path, Object body, java.time.OffsetDateTime effectiveAt) {
    return call(path, HttpRequest.newBuilder(URI.create(gateway + path))
        .header("Content-Type", "application/json")
        .header("Gongyu-Effective-At", effectiveAt.toString())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Reply delete(String path) {
    return call(path, HttpRequest.newBuilder(URI.create(gateway + path)).DELETE());
  }

  private Reply call(String path, HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(path, request);
    String text = response.body();
    JsonNode body = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
    return new Reply(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""));
  }

  private HttpResponse<String> exchange(String path, HttpRequest.Builder request) {
    tokenForPath.apply(path).ifPresent(t -> request.header("Authorization", "Bearer " + t));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
      HttpResponse<String> response = sendReadingOnceMore(built);
      // past the gateway's per-user rate limit: wait as it says, a few times, like a polite client
      for (int retry = 0; response.statusCode() == 429 && retry < 5; retry++) {
        sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
        response = http.send(built, HttpResponse.BodyHandlers.ofString());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + gateway + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Sends the request; a read that got no answer within its timeout is sent once more, loudly. The
   * gateway answers 504 itself after 30 s, so a timeout here is the connection between this client
   * and the gateway (seen once in CI on a loaded 2-core machine), not a slow service; a GET changes
   * nothing, so asking again is safe. Writes are never repeated.
   */
  private HttpResponse<String> sendReadingOnceMore(HttpRequest request) throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      if (!"GET".equals(request.method())) {
        throw e;
      }
      System.out.printf("GongyuClient: GET %s got no answer in %s; asking once more%n", request.uri(),
          request.timeout().orElse(null));
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /**
   * Registries travel between tiers as events, so a county created at the city is known to the
   * county bureau a moment later: retry a write while it answers 404, up to {@code timeout}.
   */
  public Reply putEventually(String path, Object body, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Reply reply = put(path, body);
      if (reply.status() != 404 || System.nanoTime() > deadline) {
        return require(reply, "PUT " + path);
      }
      sleep(200);
    }
  }

  /**
   * Calls until {@code done} holds for the answer, every 250 ms, for at most {@code within} (events
   * travel between tiers, so a figure or registry another tier shows arrives a moment later);
   * returns that answer, or fails naming {@code what} and the last answer.
   */
  public static Reply eventually(String what, java.util.function.Supplier<Reply> call, java.util.function.Predicate<Reply> done,
      Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    Reply last;
    do {
      last = call.get();
      if (done.test(last)) {
        return last;
      }
      sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(what + ": not within " + within + "; last answer " + last.status() + " " + last.body());
  }

  public static Reply require(Reply reply, String what) {
    if (!reply.ok()) {
      throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  // ---- the API, one method per call a tool makes

  public Reply putCounty(String countyId, String name) {
    return require(put("/api/city/counties/" + countyId, Map.of("name", name)), "PUT county " + countyId);
  }

  /** Registers the city's unit of city-direct schools (市直学校, ADR 0027); unchanged if it is there. */
  public Reply putCityDirect(String countyId, String name) {
    return require(put("/api/city/counties/" + countyId, Map.of("name", name, "kind", "CITY_DIRECT")), "PUT city-direct unit " + countyId);
  }

  public Reply putXuequ(String countyId, String xuequId, String name) {
    return putEventually("/api/district/counties/" + countyId + "/xuequ/" + xuequId, Map.of("name", name), Duration.ofSeconds(60));
  }

  public Reply putSchool(String countyId, String schoolId, String name, String type, String xuequId) {
    Map<String, Object> body = xuequId == null ? Map.of("name", name, "schoolType", type)
        : Map.of("name", name, "schoolType", type, "xuequId", xuequId);
    return putEventually("/api/district/counties/" + countyId + "/schools/" + schoolId, body, Duration.ofSeconds(60));
  }

  public Reply putClass(String schoolId, String classId, String schoolYear, int grade, String name, int enrolment) {
    return putEventually("/api/school/schools/" + schoolId + "/classes/" + classId,
        Map.of("schoolYear", schoolYear, "grade", grade, "name", name, "enrolment", enrolment), Duration.ofSeconds(60));
  }

  /** One platform record; refs are the platform's opaque references. */
  public record Registration(String externalId, String classId, String studentRef, String guardianRef, String registeredAt) {}

  public Reply postRegistrations(String schoolId, String period, List<Registration> registrations) {
    return post("/api/school/schools/" + schoolId + "/platform-registrations",
        Map.of("period", period, "registrations", registrations));
  }

  /** Moves a school to another county from the start of a semester (district tier). */
  public Reply moveSchool(String countyId, String schoolId, String toCountyId, String toXuequId, String effectiveFrom) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("toCountyId", toCountyId);
    body.put("toXuequId", toXuequId);
    body.put("effectiveFrom", effectiveFrom);
    return require(post("/api/district/counties/" + countyId + "/schools/" + schoolId + "/move", body), "move " + schoolId);
  }

  /** A county's reporting deadline for one period. */
  public Reply putDeadline(String countyId, String periodId, java.time.Instant deadline) {
    return require(put("/api/district/counties/" + countyId + "/deadlines/" + periodId, Map.of("deadline", deadline.toString())),
        "deadline " + countyId + " " + periodId);
  }

  /** The city scorecard: counties × indicators, each in its own period containing the period's first day. */
  public Reply cityScorecard(String periodId) {
    return get("/api/reports/periods/" + periodId + "/scorecard");
  }

  /** A county scorecard: schools × indicators. */
  public Reply countyScorecard(String periodId, String countyId) {
    return get("/api/reports/periods/" + periodId + "/counties/" + countyId + "/scorecard");
  }

  public Reply cityReport(String indicator, String period) {
    return get(cityReportPath(indicator, period));
  }

  private static String cityReportPath(String indicator, String period) {
    return "/api/reports/indicators/" + indicator + "/periods/" + period;
  }

  public Reply countyReport(String indicator, String period, String countyId) {
    return get("/api/reports/indicators/" + indicator + "/periods/" + period + "/counties/" + countyId);
  }

  /** The city numerator as reporting-service shows it, or -1 if the city has not reported. */
  public long cityNumerator(String indicator, String period) {
    return cityFigure(indicator, period).read();
  }

  /**
   * The city numerator of {@code indicator} in {@code period}, read again and again as the write
   * benchmarks watch it ({@link TimedBatches}): each read after the first sends the document's ETag,
   * so while the figure has not moved reporting-service answers 304 with no body, as it would a
   * browser's dashboard, and the watching costs the platform it measures as little as it can.
   */
  public CityFigure cityFigure(String indicator, String period) {
    return new CityFigure(cityReportPath(indicator, period));
  }

  /** See {@link #cityFigure}. Not thread-safe: one watcher reads it. */
  public final class CityFigure {
    private final String path;
    private String etag;
    private long numerator = -1;
    private long reads;
    private long unchanged;

    private CityFigure(String path) {
      this.path = path;
    }

    /** The numerator, or -1 while the city has not reported (or the read failed). */
    public long read() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).GET();
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      HttpResponse<String> response = exchange(path, request);
      reads++;
      if (response.statusCode() == 304) {
        unchanged++;
        return numerator;
      }
      JsonNode city = response.statusCode() == 200 ? JSON.readTree(response.body()).path("city") : JSON.missingNode();
      numerator = city.isObject() ? city.path("numerator").asLong(-1) : -1;
      etag = numerator < 0 ? null : response.headers().firstValue("ETag").orElse(null);
      return numerator;
    }

    /** Reads so far. */
    public long reads() {
      return reads;
    }

    /** Reads answered 304 (the figure as the read before it). */
    public long unchanged() {
      return unchanged;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

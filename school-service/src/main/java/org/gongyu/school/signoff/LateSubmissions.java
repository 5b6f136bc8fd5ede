package org.gongyu.school.signoff;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.privacy.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Late data (ADR 0019): writes the period lock refused, kept aside sealed with the school's key,
 * listed to the school (family, period, when, how many items: nothing personal), re-applied once
 * the period is open again (the request replayed as received, through this service's own API with
 * the caller's token, so every rule and the audit apply as to a new request) or discarded. A
 * settled submission's request is erased.
 */
@Service
class LateSubmissions {

  private static final Logger log = LoggerFactory.getLogger(LateSubmissions.class);

  private final JdbcClient jdbc;
  private final FieldCipher cipher;
  private final SignOffLocks locks;
  private final JsonMapper json;
  private final Clock clock;
  private final Environment environment;

  LateSubmissions(JdbcClient jdbc, FieldCipher cipher, SignOffLocks locks, JsonMapper json, Clock clock, Environment environment) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.locks = locks;
    this.json = json;
    this.clock = clock;
    this.environment = environment;
  }

  /** A kept submission as listed: no content. */
  record Kept(long id, String family, String method, String periodId, long signOffVersion, int items, Instant receivedAt,
      String status, Instant settledAt) {}

  /** What is sealed: the request as received, below {@code /api/school/schools/{schoolId}}. */
  record Request(String method, String path, String query, String body) {}

  /** Stores a refused request (the refusal's transaction has rolled back; this is a new one). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void keep(LateSubmissionFilter.Refusal refusal, String method, String path, String query, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    byte[] sealed = cipher.encrypt(refusal.schoolId(), json.writeValueAsString(new Request(method, path, query, text)));
    jdbc.sql("""
            insert into late_submission (school_id, family, period_id, sign_off_version, method, items, received_at, received_by, request)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(refusal.schoolId(), family(path), refusal.periodId(), refusal.signOffVersion(), method, items(text),
            Timestamp.from(clock.instant()), actor(), sealed)
        .update();
  }

  List<Kept> list(String schoolId) {
    return jdbc.sql("""
            select id, family, method, period_id, sign_off_version, items, received_at, status, settled_at from late_submission
            where school_id = ? order by received_at desc, id desc""")
        .param(schoolId)
        .query((rs, n) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6),
            rs.getTimestamp(7).toInstant(), rs.getString(8),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
        .list();
  }

  /** The outcome of a re-application: the submission, and the status the replayed request was answered with. */
  record Applied(Kept submission, int answerStatus) {}

  /**
   * Replays a kept request: 409 while its period is still signed off; the replay's own refusal (a
   * rule broken since, another lock) is answered as it is and the submission stays kept.
   */
  Applied apply(String schoolId, long id, HttpServletRequest caller) {
    Kept kept = requireKept(schoolId, id);
    Long inForce = locks.inForce(schoolId).get(kept.periodId());
    if (inForce != null) {
      throw ApiProblem.conflict(Msg.msg("school.late-submission.still-locked", id, kept.periodId(), inForce));
    }
    byte[] sealed = jdbc.sql("select request from late_submission where school_id = ? and id = ?").params(schoolId, id)
        .query(byte[].class).single();
    Request r = json.readValue(cipher.decrypt(schoolId, sealed), Request.class);
    String uri = "/api/school/schools/" + schoolId + r.path() + (r.query() == null ? "" : "?" + r.query());
    RestClient.RequestBodySpec call = RestClient.create("http://localhost:" + environment.getProperty("local.server.port"))
        .method(HttpMethod.valueOf(r.method()))
        .uri(uri)
        .header(LateSubmissionFilter.REAPPLIED, Long.toString(id));
    Optional.ofNullable(caller.getHeader(HttpHeaders.AUTHORIZATION)).ifPresent(v -> call.header(HttpHeaders.AUTHORIZATION, v));
    Optional.ofNullable(caller.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).ifPresent(v -> call.header(HttpHeaders.ACCEPT_LANGUAGE, v));
    if (r.body() != null && !r.body().isEmpty()) {
      call.contentType(MediaType.APPLICATION_JSON).body(r.body());
    }
    record Answer(int status, String body) {}
    Answer answer = call.exchange((req, res) -> new Answer(res.getStatusCode().value(),
        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    if (answer.status() >= 300) {
      log.info("late submission {} of school {} re-applied and refused again: {}", id, schoolId, answer.status());
      throw refusedAgain(id, answer.status(), answer.body());
    }
    settle(schoolId, id, "APPLIED");
    return new Applied(requireAny(schoolId, id), answer.status());
  }

  /** Discards a kept submission; its request is erased. */
  @Transactional
  void discard(String schoolId, long id) {
    requireKept(schoolId, id);
    settle(schoolId, id, "DISCARDED");
  }

  private void settle(String schoolId, long id, String status) {
    int n = jdbc.sql("""
            update late_submission set status = ?, request = null, settled_at = ?, settled_by = ?
            where school_id = ? and id = ? and status = 'KEPT'""")
        .params(status, Timestamp.from(clock.instant()), actor(), schoolId, id)
        .update();
    if (n == 0) {
      throw ApiProblem.conflict(Msg.msg("school.late-submission.settled", id));
    }
  }

  private Kept requireKept(String schoolId, long id) {
    Kept k = requireAny(schoolId, id);
    if (!k.status().equals("KEPT")) {
      throw ApiProblem.conflict(Msg.msg("school.late-submission.settled", id));
    }
    return k;
  }

  private Kept requireAny(String schoolId, long id) {
    return list(schoolId).stream().filter(k -> k.id() == id).findFirst()
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.late-submission.unknown", id)));
  }

  private ApiProblem refusedAgain(long id, int status, String body) {
    String detail;
    try {
      detail = json.readTree(body).path("detail").asString();
    } catch (RuntimeException e) {
      detail = "HTTP " + status;
    }
    Msg msg = Msg.msg("school.late-submission.refused-again", id, status, detail);
    return switch (status) {
      case 400 -> ApiProblem.badRequest(msg);
      case 403 -> ApiProblem.forbidden(msg);
      case 404 -> ApiProblem.notFound(msg);
      case 422 -> ApiProblem.unprocessable(msg, List.of());
      default -> ApiProblem.conflict(msg);
    };
  }

  /** The family a path below the school names: its first segment, and the sessions of the parent school. */
  static String family(String path) {
    String[] s = path.substring(1).split("/");
    String family = s.length > 1 && s[0].equals("parent-school") && s[1].equals("sessions") ? "parent-school/sessions" : s[0];
    return family.length() > 40 ? family.substring(0, 40) : family;
  }

  /** How many items a body carries: the length of a batch's one array, else 1. */
  private int items(String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (e.getValue().isArray()) {
            return e.getValue().size();
          }
        }
      }
    } catch (RuntimeException e) {
      // not JSON (or no body): one request
    }
    return 1;
  }

  private static String actor() {
    return Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .map(c -> c.username() != null ? c.username() : c.subject())
        .orElse(null);
  }
}

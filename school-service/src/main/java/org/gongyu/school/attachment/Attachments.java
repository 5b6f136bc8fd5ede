package org.gongyu.school.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.demonstration.EvidenceAccess;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.records.Findings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores, lists, serves and deletes the evidence files of a self-evaluation. Who may read is decided
 * here, per application (ADR 0016): the school's own users; its county's admins; the assessors the
 * county cleared on the application. Anyone else is told the file does not exist (404), as for an
 * application of another school. Every read is recorded before it is answered.
 */
@Service
class Attachments {

  /** Files per criterion and round: enough for a criterion's evidence, not a dumping ground. */
  static final int PER_CRITERION = 10;

  private final JdbcClient jdbc;
  private final EvidenceAccess access;
  private final PersonalDataGuard guard;
  private final AttachmentReads reads;
  private final Clock clock;
  private final long maxBytes;

  Attachments(JdbcClient jdbc, EvidenceAccess access, PersonalDataGuard guard, AttachmentReads reads, Clock clock,
      @Value("${gongyu.school.attachments.max-bytes:10485760}") long maxBytes) {
    this.jdbc = jdbc;
    this.access = access;
    this.guard = guard;
    this.reads = reads;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /** An attachment without its bytes. */
  record Meta(UUID id, UUID applicationId, int round, String criterionCode, String fileName, String contentType,
      long sizeBytes, String sha256, Instant uploadedAt) {}

  /** An attachment with its bytes, for a download. */
  record File(Meta meta, byte[] content) {}

  long maxBytes() {
    return maxBytes;
  }

  /**
   * Attaches a file to a criterion of the open round.
   *
   * @throws ApiProblem 400 no file, empty, or a bad name; 413 over the limit; 415 content that is not a
   *     PDF, JPEG or PNG, or a name whose extension says otherwise; 404 unknown application or
   *     criterion; 409 the round is no longer a draft; 422 personal data in the name or too many files
   */
  @Transactional
  Meta upload(String schoolId, UUID applicationId, String criterionCode, String originalName, byte[] content,
      Caller by) {
    if (content == null || content.length == 0) {
      throw ApiProblem.invalid(Msg.msg("school.attachment.empty"), List.of(Msg.msg("school.attachment.field.file")));
    }
    if (content.length > maxBytes) {
      throw tooLarge(content.length);
    }
    String name = fileName(originalName);
    FileKind kind = FileKind.of(content)
        .orElseThrow(() -> ApiProblem.unsupportedMediaType(Msg.msg("school.attachment.unsupported")));
    if (!kind.named(name)) {
      throw ApiProblem.unsupportedMediaType(Msg.msg("school.attachment.name-mismatch", kind.name(), String.join(", .", kind.extensions)));
    }
    List<String> problems = guard.problems(schoolId, Map.of("fileName", name));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.attachment.not-stored", Msg.joined(Findings.of(problems))), Findings.of(problems));
    }
    EvidenceAccess.ApplicationView a = access.lock(schoolId, applicationId);
    if (!a.criteria().contains(criterionCode)) {
      throw ApiProblem.notFound(Msg.msg("school.attachment.unknown-criterion", criterionCode, applicationId));
    }
    if (!a.drafting()) {
      throw access.frozen(a);
    }
    long already = jdbc.sql("select count(*) from demonstration_attachment where application_id = ? and round = ? and criterion_code = ?")
        .params(a.id(), a.openRound(), criterionCode).query(Long.class).single();
    if (already >= PER_CRITERION) {
      throw ApiProblem.unprocessable(Msg.msg("school.attachment.too-many", PER_CRITERION, criterionCode),
          List.of(Msg.msg("school.attachment.too-many", PER_CRITERION, criterionCode)));
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("""
            insert into demonstration_attachment (id, application_id, school_id, round, criterion_code, file_name, content_type,
              size_bytes, sha256, content, uploaded_at, uploaded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, a.id(), schoolId, a.openRound(), criterionCode, name, kind.contentType, content.length, sha256(content),
            content, Timestamp.from(now), by.subject())
        .update();
    return meta(id).orElseThrow();
  }

  /** Every file of the application, all rounds, by criterion; the read is recorded. */
  List<Meta> list(String schoolId, UUID applicationId, Caller caller) {
    EvidenceAccess.ApplicationView a = readable(schoolId, applicationId, caller);
    reads.record(schoolId, a.id(), null, caller);
    return jdbc.sql("select " + META + " from demonstration_attachment where application_id = ? order by round, criterion_code, uploaded_at, id")
        .param(a.id()).query(Attachments::meta).list();
  }

  /** One file with its bytes; the read is recorded before it is answered. */
  File download(String schoolId, UUID applicationId, UUID attachmentId, Caller caller) {
    EvidenceAccess.ApplicationView a = readable(schoolId, applicationId, caller);
    Meta m = meta(attachmentId).filter(x -> x.applicationId().equals(a.id()))
        .orElseThrow(() -> unknown(attachmentId));
    reads.record(schoolId, a.id(), m.id(), caller);
    byte[] content = jdbc.sql("select content from demonstration_attachment where id = ?").param(m.id())
        .query((rs, n) -> rs.getBytes(1)).single();
    return new File(m, content);
  }

  /**
   * Deletes a file of the open round while it is a draft.
   *
   * @throws ApiProblem 404 unknown; 409 the round was submitted (or the status takes no evidence)
   */
  @Transactional
  void delete(String schoolId, UUID applicationId, UUID attachmentId) {
    EvidenceAccess.ApplicationView a = access.lock(schoolId, applicationId);
    Meta m = meta(attachmentId).filter(x -> x.applicationId().equals(a.id())).orElseThrow(() -> unknown(attachmentId));
    if (!a.drafting() || m.round() != a.openRound()) {
      throw access.frozen(a);
    }
    jdbc.sql("delete from demonstration_attachment where id = ?").param(m.id()).update();
  }

  /** The application if the caller may read its files; 404 otherwise, as for one that does not exist. */
  private EvidenceAccess.ApplicationView readable(String schoolId, UUID applicationId, Caller caller) {
    EvidenceAccess.ApplicationView a = access.find(schoolId, applicationId);
    boolean schoolUser = (caller.roles().contains(Role.SCHOOL_ADMIN) || caller.roles().contains(Role.SCHOOL_STAFF))
        && schoolId.equals(caller.schoolId());
    boolean ofCounty = a.countyId().equals(caller.countyId());
    boolean countyAdmin = ofCounty && caller.roles().contains(Role.COUNTY_ADMIN);
    boolean clearedAssessor = ofCounty && caller.roles().contains(Role.COUNTY_ASSESSOR) && access.cleared(a.id(), caller.username());
    if (!(schoolUser || countyAdmin || clearedAssessor)) {
      throw org.gongyu.chassis.web.ApiProblem.notFound(Msg.msg("school.application.unknown", schoolId, applicationId));
    }
    return a;
  }

  private static final String META = """
      id, application_id, round, criterion_code, file_name, content_type, size_bytes, sha256, uploaded_at""";

  private Optional<Meta> meta(UUID id) {
    return jdbc.sql("select " + META + " from demonstration_attachment where id = ?").param(id).query(Attachments::meta).optional();
  }

  private static Meta meta(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Meta(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class), rs.getInt("round"),
        rs.getString("criterion_code"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant());
  }

  ApiProblem tooLarge(long size) {
    return ApiProblem.payloadTooLarge(Msg.msg("school.attachment.too-large", size, maxBytes));
  }

  private static ApiProblem unknown(UUID attachmentId) {
    return ApiProblem.notFound(Msg.msg("school.attachment.unknown", attachmentId));
  }

  /** The name without any path, NFC; 400 when blank, over 200 characters or with control characters. */
  static String fileName(String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw ApiProblem.invalid(Msg.msg("school.attachment.bad-name"), List.of(Msg.msg("school.attachment.field.name")));
    }
    return name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

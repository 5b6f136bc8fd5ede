package org.gongyu.chassis.excel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code import_job} table: one row per import, its progress, outcome and error workbook. */
public class ImportJobs {

  /** Where a job is. */
  public enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public boolean finished() {
      return this == DONE || this == FAILED || this == CANCELLED;
    }
  }

  /** Why a job failed: message codes of the title and detail and the detail's arguments. */
  public record Problem(String titleCode, String detailCode, List<String> args) {

    public static Problem of(ApiProblem p) {
      Object[] args = p.getDetailMessageArguments();
      return new Problem(p.getTitleMessageCode(), p.getDetailMessageCode(),
          args == null ? List.of() : Arrays.stream(args).map(String::valueOf).toList());
    }

    public Msg title() {
      return Msg.msg(titleCode);
    }

    public Msg detail() {
      return Msg.msg(detailCode, args.toArray());
    }
  }

  /** A job as stored (without the error workbook's bytes). */
  public record Job(UUID jobId, String unit, String family, String fileName, String lang, Status status, int rowsTotal,
      int rowsDone, int read, int applied, int refused, int unchanged, boolean hasErrorWorkbook, Problem problem,
      boolean cancelRequested, Instant createdAt, Instant finishedAt, Instant expiresAt) {}

  /** The figures of a job so far. */
  public record Counts(int rowsDone, int read, int applied, int refused, int unchanged) {}

  private static final String COLUMNS = """
      job_id, unit, family, file_name, lang, status, rows_total, rows_done, rows_read, applied, refused, unchanged,
      error_workbook is not null as has_errors, problem_title, problem_detail, problem_args, cancel_requested,
      created_at, finished_at, expires_at""";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;

  public ImportJobs(JdbcClient jdbc, Clock clock, Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  /** A new QUEUED job. */
  public Job create(String unit, String family, String fileName, Lang lang, int rowsTotal) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
            insert into import_job (job_id, unit, family, file_name, lang, status, rows_total, created_at, heartbeat_at)
            values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
        .params(id, unit, family, fileName, lang.tag(), rowsTotal, now, now)
        .update();
    return find(unit, id).orElseThrow();
  }

  public Optional<Job> find(String unit, UUID jobId) {
    return jdbc.sql("select " + COLUMNS + " from import_job where unit = ? and job_id = ?")
        .params(unit, jobId).query(ImportJobs::job).optional();
  }

  /** The unit's newest jobs, newest first. */
  public List<Job> latest(String unit, int limit) {
    return jdbc.sql("select " + COLUMNS + " from import_job where unit = ? order by created_at desc, seq desc limit ?")
        .params(unit, limit).query(ImportJobs::job).list();
  }

  /** The error workbook of a job of the unit, if it has one (and it was not purged). */
  public Optional<byte[]> errorWorkbook(String unit, UUID jobId) {
    return jdbc.sql("select error_workbook from import_job where unit = ? and job_id = ? and error_workbook is not null")
        .params(unit, jobId).query((rs, n) -> rs.getBytes(1)).optional();
  }

  /** QUEUED → RUNNING; false if the job is no longer queued (cancelled meanwhile). */
  boolean start(UUID jobId) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.sql("update import_job set status = 'RUNNING', started_at = ?, heartbeat_at = ? where job_id = ? and status = 'QUEUED'")
        .params(now, now, jobId).update() == 1;
  }

  /** Records progress; answers whether cancellation was asked for. */
  boolean progress(UUID jobId, Counts c) {
    return jdbc.sql("""
            update import_job set rows_done = ?, rows_read = ?, applied = ?, refused = ?, unchanged = ?, heartbeat_at = ?
            where job_id = ? returning cancel_requested""")
        .params(c.rowsDone(), c.read(), c.applied(), c.refused(), c.unchanged(), Timestamp.from(clock.instant()), jobId)
        .query(Boolean.class).optional().orElse(true);
  }

  /** Ends a job: DONE, FAILED or CANCELLED, with its figures, problem and error workbook. */
  void finish(UUID jobId, Status status, Counts c, Problem problem, byte[] errorWorkbook) {
    Instant now = clock.instant();
    jdbc.sql("""
            update import_job set status = ?, rows_done = ?, rows_read = ?, applied = ?, refused = ?, unchanged = ?,
              problem_title = ?, problem_detail = ?, problem_args = ?, error_workbook = ?, finished_at = ?, expires_at = ?,
              heartbeat_at = ?
            where job_id = ?""")
        .params(status.name(), c.rowsDone(), c.read(), c.applied(), c.refused(), c.unchanged(),
            problem == null ? null : problem.titleCode(), problem == null ? null : problem.detailCode(),
            problem == null ? null : problem.args().toArray(String[]::new), errorWorkbook,
            Timestamp.from(now), Timestamp.from(now.plus(retention)), Timestamp.from(now), jobId)
        .update();
  }

  /**
   * Cancels a job of the unit: a queued one at once, a running one when its runner next checks
   * (between chunks). 409 if it has already ended, 404 if the unit has no such job.
   */
  public Job cancel(String unit, UUID jobId) {
    Job job = find(unit, jobId).orElseThrow(() -> ApiProblem.notFound(Msg.msg("excel.job.unknown", jobId)));
    Instant now = clock.instant();
    int queued = jdbc.sql("""
            update import_job set status = 'CANCELLED', cancel_requested = true, finished_at = ?, expires_at = ?
            where job_id = ? and status = 'QUEUED'""")
        .params(Timestamp.from(now), Timestamp.from(now.plus(retention)), jobId).update();
    if (queued == 0) {
      int running = jdbc.sql("update import_job set cancel_requested = true where job_id = ? and status = 'RUNNING'")
          .params(jobId).update();
      if (running == 0) {
        throw ApiProblem.conflict(Msg.msg("excel.job.finished", jobId, job.status().name()));
      }
    }
    return find(unit, jobId).orElseThrow();
  }

  /** Keeps the heartbeat of jobs this process holds. */
  void heartbeat(Collection<UUID> jobIds) {
    if (!jobIds.isEmpty()) {
      jdbc.sql("update import_job set heartbeat_at = ? where job_id = any(?) and status in ('QUEUED', 'RUNNING')")
          .params(Timestamp.from(clock.instant()), jobIds.toArray(UUID[]::new)).update();
    }
  }

  /** Marks FAILED every unfinished job whose heartbeat is older than {@code staleAfter}: its process died. */
  public int failAbandoned(Duration staleAfter) {
    Instant now = clock.instant();
    return jdbc.sql("""
            update import_job set status = 'FAILED', problem_title = 'problem.title.internal',
              problem_detail = 'excel.job.interrupted', problem_args = '{}', finished_at = ?, expires_at = ?
            where status in ('QUEUED', 'RUNNING') and heartbeat_at < ?""")
        .params(Timestamp.from(now), Timestamp.from(now.plus(retention)), Timestamp.from(now.minus(staleAfter)))
        .update();
  }

  /** Deletes the error workbooks kept past their expiry; the jobs and their figures stay. */
  public int purgeExpired() {
    return jdbc.sql("update import_job set error_workbook = null where error_workbook is not null and expires_at < ?")
        .param(Timestamp.from(clock.instant())).update();
  }

  private static Job job(ResultSet rs, int n) throws SQLException {
    String title = rs.getString("problem_title");
    Problem problem = null;
    if (title != null) {
      Array args = rs.getArray("problem_args");
      problem = new Problem(title, rs.getString("problem_detail"),
          args == null ? List.of() : List.of((String[]) args.getArray()));
    }
    return new Job(rs.getObject("job_id", UUID.class), rs.getString("unit"), rs.getString("family"), rs.getString("file_name"),
        rs.getString("lang"), Status.valueOf(rs.getString("status")), rs.getInt("rows_total"), rs.getInt("rows_done"),
        rs.getInt("rows_read"), rs.getInt("applied"), rs.getInt("refused"), rs.getInt("unchanged"), rs.getBoolean("has_errors"),
        problem, rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "finished_at"),
        instant(rs, "expires_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}

package org.gongyu.school.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.indicators.SnapshotService;

/** What the platform's batches share: the idempotency rules and the rejection of a whole batch. */
final class Batches {

  static final int MAX_LISTED_ERRORS = 50;
  /** Periods are defined from 2000 on; an earlier time is certainly a platform error. */
  static final Instant EARLIEST = Instant.parse("2001-01-01T00:00:00Z");

  private Batches() {}

  /** What a batch did. */
  record Outcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots) {}

  /** Adds an error for a time after now or implausibly early. */
  static void checkTime(List<String> errors, String field, Instant at, Instant now) {
    if (at.isAfter(now)) {
      errors.add(field + ": " + at + " is in the future");
    } else if (at.isBefore(EARLIEST)) {
      errors.add(field + ": " + at + " is before " + EARLIEST);
    }
  }

  /**
   * Keys the batch's records by external id; the same id twice with different content is an error
   * (at {@code path[i].externalId}), the same id with the same content one record.
   */
  static <R> Map<String, R> byExternalId(List<R> rows, Function<R, String> externalId, String path, List<String> errors) {
    Map<String, R> result = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      R row = rows.get(i);
      R earlier = result.putIfAbsent(externalId.apply(row), row);
      if (earlier != null && !earlier.equals(row)) {
        errors.add(path + "[" + i + "].externalId: " + externalId.apply(row) + " appears twice in the batch with different content");
      }
    }
    return result;
  }

  /**
   * The records not stored yet. A record stored earlier with other content is a conflict: 409, and
   * nothing of the batch is stored.
   */
  static <R> List<R> fresh(Map<String, R> rows, Map<String, R> stored) {
    List<String> changed = new ArrayList<>();
    List<R> fresh = new ArrayList<>();
    rows.forEach((id, row) -> {
      R before = stored.get(id);
      if (before == null) {
        fresh.add(row);
      } else if (!before.equals(row)) {
        changed.add(id);
      }
    });
    if (!changed.isEmpty()) {
      throw ApiProblem.conflict(changed.size() + " record(s) were recorded earlier with different content and cannot be"
          + " overwritten; nothing in this batch was stored: "
          + String.join(", ", changed.subList(0, Math.min(changed.size(), MAX_LISTED_ERRORS))));
    }
    return fresh;
  }

  static void rejectIfAny(List<String> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(
          "the batch was rejected and nothing was stored: " + errors.size() + " problem(s), e.g. " + errors.getFirst(),
          errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS)));
    }
  }
}

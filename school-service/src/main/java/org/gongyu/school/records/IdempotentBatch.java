package org.gongyu.school.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;

/**
 * The rows of one ingested batch, keyed for idempotency, and the split against what is stored.
 *
 * <p>Why one class: every batch endpoint (platform registrations, learning, recommendations, home
 * contacts and visit files, six-ones, consultation outreach) must treat replays the same way, or a
 * resent batch could change a figure. The rules, in order:
 *
 * <ol>
 *   <li>{@link #add}: the same key twice in one batch with the same content is one row; with other
 *       content it is a 422 the caller words (it names the item);
 *   <li>{@link #fresh}: compared with the rows already stored under those keys, a row stored with
 *       the same content is "already recorded", one stored with other content is a 409 and nothing
 *       of the batch is stored, the others are fresh (to be inserted, in batch order).
 * </ol>
 *
 * Each feature keeps its own row record (whose {@code equals} is the content compared), SQL,
 * validation and wording; this class only holds the algorithm they share.
 *
 * @param <R> a feature's row as stored (references already pseudonymised, times truncated as the
 *     database keeps them), a record so that equality is content equality
 */
public final class IdempotentBatch<R> {

  /** Problems listed in one answer; the detail says how many there were in all. */
  public static final int MAX_LISTED = 50;

  private final Function<R, String> key;
  private final Map<String, R> rows = new LinkedHashMap<>();
  private final Map<String, Integer> firstIndex = new HashMap<>();

  private IdempotentBatch(Function<R, String> key) {
    this.key = key;
  }

  /** An empty batch whose rows are identified by {@code key} (external id, student key, ...). */
  public static <R> IdempotentBatch<R> keyedBy(Function<R, String> key) {
    return new IdempotentBatch<>(key);
  }

  /**
   * Adds the batch's item at {@code index}.
   *
   * @return false if an earlier item had the same key with other content (the earlier one is kept)
   */
  public boolean add(int index, R row) {
    String k = key.apply(row);
    R earlier = rows.putIfAbsent(k, row);
    firstIndex.putIfAbsent(k, index);
    return earlier == null || earlier.equals(row);
  }

  /**
   * {@link #add} for rows keyed by external id: a clash adds the usual problem at {@code
   * at + "externalId"} to {@code errors}.
   */
  public void add(int index, R row, String at, List<String> errors) {
    if (!add(index, row)) {
      errors.add(at + "externalId: " + key.apply(row) + " appears twice in the batch with different content");
    }
  }

  /**
   * The batch of {@code rows} (the request's items in order, item i at {@code path[i]}), keyed by
   * external id; each clash adds the usual problem to {@code errors} after those already there.
   */
  public static <R> IdempotentBatch<R> byExternalId(List<R> rows, Function<R, String> externalId, String path,
      List<String> errors) {
    IdempotentBatch<R> batch = keyedBy(externalId);
    for (int i = 0; i < rows.size(); i++) {
      batch.add(i, rows.get(i), path + "[" + i + "].", errors);
    }
    return batch;
  }

  /** The distinct keys, in batch order. */
  public Set<String> keys() {
    return rows.keySet();
  }

  /** The distinct rows, in batch order. */
  public Collection<R> rows() {
    return rows.values();
  }

  /** The index in the request of the first item with this row's key. */
  public int firstIndex(R row) {
    return firstIndex.get(key.apply(row));
  }

  /**
   * The rows not stored yet, in batch order. If any row was stored earlier with other content, 409
   * (nothing of the batch is stored), listing {@code describeChange(row, stored)} of each such row.
   *
   * @param stored the rows stored under (some of) this batch's keys
   * @param noun what the 409 calls a row ("record", "item")
   */
  public List<R> fresh(Collection<R> stored, String noun, BiFunction<R, R, String> describeChange) {
    Map<String, R> before = new HashMap<>();
    stored.forEach(r -> before.put(key.apply(r), r));
    List<String> changed = new ArrayList<>();
    List<R> fresh = new ArrayList<>();
    for (R row : rows.values()) {
      R earlier = before.get(key.apply(row));
      if (earlier == null) {
        fresh.add(row);
      } else if (!earlier.equals(row)) {
        changed.add(describeChange.apply(row, earlier));
      }
    }
    conflictIf(noun, changed);
    return fresh;
  }

  /** {@link #fresh} naming each changed row by its key. */
  public List<R> fresh(Collection<R> stored, String noun) {
    return fresh(stored, noun, (row, earlier) -> key.apply(row));
  }

  /** 409 naming the rows recorded earlier with other content; nothing of the batch is stored. */
  public static void conflictIf(String noun, List<String> changed) {
    if (!changed.isEmpty()) {
      List<String> every = EVERY_FINDING.get();
      if (every != null) {
        every.addAll(changed);
      }
      throw ApiProblem.conflict(Msg.msg("school.batch.changed." + noun, changed.size(),
          Msg.listed(Findings.of(changed.subList(0, Math.min(changed.size(), MAX_LISTED))))));
    }
  }

  private static final ThreadLocal<List<String>> EVERY_FINDING = new ThreadLocal<>();

  /**
   * Runs {@code work} with every finding of a {@link #rejectIf} or {@link #conflictIf} it throws also added to {@code
   * findings}, not only the first {@value #MAX_LISTED} the answer lists: the Excel import maps each
   * back to its row ({@code org.gongyu.school.imports}).
   */
  public static <T> T listingEveryFinding(List<String> findings, java.util.function.Supplier<T> work) {
    List<String> outer = EVERY_FINDING.get();
    EVERY_FINDING.set(findings);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        EVERY_FINDING.remove();
      } else {
        EVERY_FINDING.set(outer);
      }
    }
  }

  /** 422 listing every problem, if there are any; nothing of the {@code what} ("batch", "request") is stored. */
  public static void rejectIf(String what, List<String> errors) {
    if (!errors.isEmpty()) {
      List<String> every = EVERY_FINDING.get();
      if (every != null) {
        every.addAll(errors);
      }
      throw ApiProblem.unprocessable(
          Msg.msg("school.batch.rejected." + what, errors.size(), Findings.of(errors.getFirst())),
          Findings.of(errors.subList(0, Math.min(errors.size(), MAX_LISTED))));
    }
  }
}

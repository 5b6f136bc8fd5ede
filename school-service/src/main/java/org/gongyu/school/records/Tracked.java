package org.gongyu.school.records;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * A record as the school reads it back: its own fields, and how it stands ({@code recordStatus}
 * {@code ACTIVE} or {@code WITHDRAWN}, the version, and for a withdrawn record why and when). Not
 * {@code status}: consultation cases and suggestions have a status of their own (OPEN, RESOLVED),
 * which an unwrapped {@code status} would shadow with a second member of the same name.
 */
public record Tracked<T>(@JsonUnwrapped T record, String recordStatus, int version, String withdrawnReason, Instant withdrawnAt) {

  public static <T> Tracked<T> active(T record, int version) {
    return new Tracked<>(record, "ACTIVE", version, null, null);
  }

  public static <T> Tracked<T> withdrawn(T record, int version, String reason, Instant at) {
    return new Tracked<>(record, "WITHDRAWN", version, reason, at);
  }

  public <R> Tracked<R> map(java.util.function.Function<T, R> shape) {
    return new Tracked<>(shape.apply(record), recordStatus, version, withdrawnReason, withdrawnAt);
  }
}

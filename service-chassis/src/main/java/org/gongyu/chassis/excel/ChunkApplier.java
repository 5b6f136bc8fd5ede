package org.gongyu.chassis.excel;

import java.util.List;

/**
 * Applies a chunk of readable rows the way the service's own API would, and says what became of
 * each: applied (newly recorded), unchanged (recorded before with the same content), or refused
 * (the row comes back in the error workbook with its errors).
 */
@FunctionalInterface
public interface ChunkApplier {

  /** What became of a chunk. */
  record Result(int applied, int unchanged, List<ImportRow> refused) {

    public Result {
      refused = List.copyOf(refused);
    }
  }

  Result apply(List<ImportRow> rows);

  /**
   * Called once when the job stops reading, whatever the end (done, cancelled, failed), after the
   * last chunk: e.g. to refresh figures whose refresh the chunks deferred. The default does nothing.
   */
  default void finish() {}
}

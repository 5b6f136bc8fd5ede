package org.gongyu.school.imports;

import java.util.List;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;

/**
 * One family of records schools import from Excel. An implementation is a bean in the feature's
 * package: its template ({@link #spec()}: columns keyed by the JSON field names of the batch item)
 * and how a chunk of rows is applied, normally one call of
 * {@link RowRequests#apply(List, Class, String, java.util.Set, java.util.function.Function, RowRequests.Ingest)}
 * with the feature's batch item type and batch method.
 */
public interface ImportFamily {

  /** The template; its {@code family} is the key in the URL. */
  TemplateSpec spec();

  /**
   * Whether only the school's administrators may upload it, as only they may call the family's API
   * (classes); its template stays readable by every school user.
   */
  default boolean adminsOnly() {
    return false;
  }

  /** Applies readable rows of an upload to the school, valid rows recorded, refused ones returned. */
  ChunkApplier.Result apply(String schoolId, List<ImportRow> rows);
}

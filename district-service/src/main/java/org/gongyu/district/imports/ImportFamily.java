package org.gongyu.district.imports;

import java.util.List;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;

/**
 * One family of records a county imports from Excel. An implementation is a bean in the feature's
 * package: its template ({@link #spec()}: columns keyed by the JSON field names of the PUT body, plus
 * the id the PUT names in its path) and how a chunk of rows is applied, normally one call of
 * {@link RowRequests#apply} with the feature's request type and service method.
 */
public interface ImportFamily {

  /** The template; its {@code family} is the key in the URL. */
  TemplateSpec spec();

  /**
   * Where the family stands in the list of templates, which is the order a county imports them in
   * (a family whose rows name records of another comes after it): lower first.
   */
  int order();

  /** Applies readable rows of an upload to the county: valid rows recorded, refused ones returned. */
  ChunkApplier.Result apply(String countyId, List<ImportRow> rows);
}

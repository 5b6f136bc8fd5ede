package org.gongyu.school.imports;

import java.util.List;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;

/**
 * A family of school records a county's administrators import for all their schools in one sheet
 * (a school column names each row's school), e.g. classes and enrolment at the start of a school
 * year. The records stay at the school tier; the county only sends them in. An implementation
 * refuses a row whose school is not one of the county's at the school column.
 */
public interface CountyImportFamily {

  /** The template; its {@code family} is the key in the URL. */
  TemplateSpec spec();

  /** Applies readable rows of an upload of the county, valid rows recorded at their schools, refused ones returned. */
  ChunkApplier.Result apply(String countyId, List<ImportRow> rows);
}

/**
 * Excel import of the county's registry (issue 14, ADR 0017): the template of each family, uploads
 * run as jobs of the unit {@code county:<id>}, their progress, cancellation and error workbooks. A
 * family is a small {@link org.gongyu.district.imports.ImportFamily} bean in the feature's own
 * package ({@code registry.XuequImport}, {@code registry.SchoolImport}) that turns each row into the
 * very request body of the feature's PUT endpoint and applies it with the same service method
 * ({@link org.gongyu.district.imports.RowRequests}), so the rules exist once.
 */
package org.gongyu.district.imports;

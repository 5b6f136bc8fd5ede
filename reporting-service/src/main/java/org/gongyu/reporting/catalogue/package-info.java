/**
 * The city's indicator catalogue ({@code gongyu.city.catalogue.v2}), latest version per code:
 * names, kind, period type, comparator, sensitivity, the school types it applies to and the whole
 * target schedule. Owns the {@code indicator}, {@code indicator_target} and {@code
 * indicator_school_type} tables; other features read them through {@link
 * org.gongyu.reporting.catalogue.CatalogueRepository}.
 */
package org.gongyu.reporting.catalogue;

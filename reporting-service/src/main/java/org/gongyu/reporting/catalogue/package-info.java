/**
 * The city's indicator catalogue ({@code gongyu.city.catalogue.v1}), latest version per code:
 * names, kind, target and comparator. Owns the {@code indicator} table; other features read it
 * through {@link org.gongyu.reporting.catalogue.CatalogueRepository}.
 */
package org.gongyu.reporting.catalogue;

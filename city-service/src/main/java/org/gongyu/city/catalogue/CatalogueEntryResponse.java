package org.gongyu.city.catalogue;

import java.math.BigDecimal;

/** A catalogue entry as the API shows it. */
record CatalogueEntryResponse(
    String code,
    String nameZh,
    String nameEn,
    String kind,
    String periodType,
    BigDecimal target,
    String comparator,
    boolean sensitive,
    long version) {}

package org.gongyu.reporting.report;

import java.math.BigDecimal;

/** The catalogue entry a report is about; {@code target} and {@code comparator} may be null. */
record IndicatorView(String code, String nameZh, String nameEn, String kind, BigDecimal target, String comparator) {}

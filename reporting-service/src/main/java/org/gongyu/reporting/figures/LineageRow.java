package org.gongyu.reporting.figures;

import java.time.Instant;

/**
 * One input of a stored rollup: the child unit (a school for a county rollup, a county for a city
 * rollup), the version of its figure the rollup was computed from and, for a school snapshot, when
 * that version was made ({@code asOf}, null when unknown).
 */
public record LineageRow(String unitId, long version, Instant asOf) {}

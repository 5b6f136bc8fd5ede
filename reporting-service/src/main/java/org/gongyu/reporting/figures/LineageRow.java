package org.gongyu.reporting.figures;

/**
 * One input of a stored rollup: the child unit (a school for a county rollup, a county for a city
 * rollup) and the version of its figure the rollup was computed from.
 */
public record LineageRow(String unitId, long version) {}

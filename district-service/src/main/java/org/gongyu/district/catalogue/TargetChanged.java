package org.gongyu.district.catalogue;

/**
 * Published in-process, inside the transaction that stored a definition which judges rollups
 * differently from the one stored before (another target for some period, other school types,
 * kind, comparator or period type), or that defines the indicator for the first time.
 */
public record TargetChanged(String indicatorCode) {}

package org.gongyu.district.catalogue;

/**
 * Published in-process, inside the transaction that stored a definition whose target (value,
 * comparator or kind) differs from the one rollups were computed with, or that defines the
 * indicator for the first time.
 */
public record TargetChanged(String indicatorCode) {}

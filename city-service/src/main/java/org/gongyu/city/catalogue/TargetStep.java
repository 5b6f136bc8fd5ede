package org.gongyu.city.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of a target schedule: from {@code fromPeriod} on the target is {@code value} (null = no
 * fixed target); {@code setAt}/{@code setBy} say when and by whom (a city user name, or {@code
 * default catalogue} for the seeded steps).
 */
record TargetStep(String fromPeriod, BigDecimal value, Instant setAt, String setBy) {}

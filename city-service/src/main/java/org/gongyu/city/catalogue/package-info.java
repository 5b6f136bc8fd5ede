/**
 * The indicator catalogue: {@code indicator_definition} (the 18 indicators of the default
 * catalogue, seeded by Flyway: names, kind, period type, comparator, sensitivity, school types) and
 * {@code indicator_target}, each indicator's target schedule (steps from a period on). City admins
 * set the target of a period that has not started; every change is a new definition version,
 * published with the full schedule as {@code IndicatorDefined} on {@code gongyu.city.catalogue.v2}
 * (key = indicator code) in the same transaction. Versions a migration made are published at
 * startup, tracked by {@code published_version} so restarts publish nothing twice.
 */
package org.gongyu.city.catalogue;

/**
 * City rollups of county rollups. Consumes {@code gongyu.district.indicator-rollups.v1} into {@code
 * county_rollup} (highest version per county, indicator and period), recomputes {@code city_rollup}
 * from the rollups of the counties the city knows with the shared {@code Rollup} arithmetic, and
 * publishes {@code CityRollupPublished} on {@code gongyu.city.indicator-rollups.v1} (key = city id)
 * through the outbox whenever figures, counts or lineage change.
 *
 * <p>A rollup is always recomputed from stored state under its row lock, never adjusted by deltas,
 * so duplicates, replays and reordering leave it unchanged. Lock order: city lock, rollup row.
 */
package org.gongyu.city.rollup;

/**
 * County rollups of school snapshots. Consumes {@code gongyu.school.indicator-snapshots.v1} into
 * {@code school_snapshot} (highest version per school, indicator and period), recomputes {@code
 * county_rollup} from that table with the shared {@code Rollup} arithmetic, and publishes {@code
 * CountyRollupPublished} on {@code gongyu.district.indicator-rollups.v1} (key = county id) through
 * the outbox whenever a rollup's figures, counts or lineage change. A {@code UNIT_COUNT} indicator
 * (DEMONSTRATION_SCHOOLS) is counted from the county's demonstration titles instead, recomputed when
 * a transition gives or takes a title ({@code demonstration.StatusMoved}); this package depends on
 * {@code demonstration}, never the reverse.
 *
 * <p>A rollup is always recomputed from stored state under its row lock, never adjusted by deltas,
 * so duplicates, replays and reordering leave it unchanged. Lock order: school id, county row,
 * indicator, rollup row.
 */
package org.gongyu.district.rollup;

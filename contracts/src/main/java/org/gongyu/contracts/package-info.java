/**
 * The public wire contract between Gongyu's tiers: event envelope, topic names, event payload
 * records per producing tier ({@code school.v1}, {@code district.v1}, {@code city.v1}), indicator
 * codes, periods and the rollup arithmetic every tier must compute identically.
 *
 * <p>Plain Java only: no Spring, no persistence types. Only the producing tier edits its package.
 * Evolution adds optional fields; a breaking change is a new {@code v<N+1>} package and topic.
 * Nothing here may name or identify a student or parent.
 */
package org.gongyu.contracts;

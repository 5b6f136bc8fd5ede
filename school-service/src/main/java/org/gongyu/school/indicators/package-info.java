/**
 * Indicator snapshots: derives each indicator from the school's records through the {@link
 * org.gongyu.school.indicators.IndicatorDerivation}s the record features provide, stores every
 * version, and publishes a new version (aggregates only) whenever a figure changes.
 */
package org.gongyu.school.indicators;

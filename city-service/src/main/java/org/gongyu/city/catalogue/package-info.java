/**
 * The indicator catalogue ({@code indicator_definition}, seeded by Flyway): what each indicator
 * measures, its period type and target. Every definition version is published once as {@code
 * IndicatorDefined} on {@code gongyu.city.catalogue.v1} (key = indicator code) when the service
 * starts, tracked by {@code published_version} so restarts publish nothing twice.
 */
package org.gongyu.city.catalogue;

/**
 * The city's indicator catalogue as this service needs it: the latest definition of each indicator
 * ({@code indicator_definition}, fed by {@code gongyu.city.catalogue.v1}) and the target county
 * rollups judge schools against. Announces a changed target with {@link
 * org.gongyu.district.catalogue.TargetChanged} so the rollups can follow.
 */
package org.gongyu.district.catalogue;

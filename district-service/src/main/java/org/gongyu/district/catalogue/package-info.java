/**
 * The city's indicator catalogue as this service needs it: the latest definition of each indicator
 * ({@code indicator_definition}, fed by {@code gongyu.city.catalogue.v2}) with its target schedule
 * and the school types it applies to, which county rollups judge schools by. Announces a definition
 * that judges differently with {@link org.gongyu.district.catalogue.TargetChanged} so the rollups
 * can follow.
 */
package org.gongyu.district.catalogue;

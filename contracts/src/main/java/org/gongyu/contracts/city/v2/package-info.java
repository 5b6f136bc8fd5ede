/** Events published by city-service on {@code gongyu.city.*.v2} topics: the catalogue with per-period targets. */
package org.gongyu.contracts.city.v2;

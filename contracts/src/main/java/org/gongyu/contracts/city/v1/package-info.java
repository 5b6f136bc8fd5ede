/** Events published by city-service (the city family-education centre) on {@code gongyu.city.*.v1} topics. */
package org.gongyu.contracts.city.v1;

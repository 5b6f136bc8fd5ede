/** Events published by district-service (county bureaus) on {@code gongyu.district.*.v1} topics. */
package org.gongyu.contracts.district.v1;

/** Events published by school-service on {@code gongyu.school.*.v1} topics. Aggregates only. */
package org.gongyu.contracts.school.v1;

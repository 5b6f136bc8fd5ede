/**
 * The school-tier copy of the county school registry, consumed from district-service. Other
 * features ask it whether a school exists and lock the school while they change its records.
 */
package org.gongyu.school.registry;

/**
 * Social practice education bases (社会实践教育基地) of the school's resource catalogue (seeds W11):
 * name, type, partner unit, when the agreement was signed, how many courses, whether in use. Counts
 * only; no indicator.
 */
package org.gongyu.school.practicebase;

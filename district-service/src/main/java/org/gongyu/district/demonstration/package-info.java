/**
 * The demonstration-school programme (示范学校创建, workflow W1 of seed 001): this package holds the
 * application state machine ({@link org.gongyu.district.demonstration.Transitions}, {@link
 * org.gongyu.district.demonstration.Applications}) and the append-only trail every sub-feature
 * writes to; {@code programme}, {@code assessment} and {@code title} hold the steps.
 */
package org.gongyu.district.demonstration;

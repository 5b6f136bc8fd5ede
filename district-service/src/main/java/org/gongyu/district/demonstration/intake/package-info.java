/**
 * Applications reaching the county: {@code DemonstrationApplied} and {@code
 * SelfEvaluationSubmitted} from school-service ({@code gongyu.school.demonstration.v1}), the
 * county's first decision on an application (accept into creation, or decline) and the reads of
 * applications and their history. Every status change goes through the shared state machine
 * ({@link org.gongyu.district.demonstration.Applications}).
 */
package org.gongyu.district.demonstration.intake;

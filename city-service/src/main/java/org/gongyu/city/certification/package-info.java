/**
 * The city centre's instructor training and certification (培训与认证, seeds W9 and T19, ADR 0025).
 * City staff run training cohorts (家庭教育指导师培训班 {@code INSTRUCTOR}, 家校共育骨干人员培训班 {@code
 * KEY_STAFF}; online, offline or mixed), enrol school and county staff (adults: heads, teachers, head
 * teachers, county staff), record their attendance and assessment, complete or cancel the cohort,
 * and issue, renew and revoke the family-education instructor certificates of the participants who
 * passed an instructor cohort. County admins read their own county's participants. Each certificate
 * change is one transaction: the certificate (its version + 1) and {@code InstructorCertificateChanged}
 * on {@code gongyu.city.instructor-certificates.v1} (key certificate number) into the outbox, which
 * school-service copies to check the instructors schools record.
 */
package org.gongyu.city.certification;

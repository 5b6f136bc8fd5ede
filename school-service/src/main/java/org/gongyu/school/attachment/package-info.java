/**
 * Evidence attachments of a demonstration self-evaluation (PDF, JPEG, PNG per criterion): upload
 * with the type judged by the content, size-limited; download only by the school's own users, its
 * county's admins and the assessors the county cleared on the application, every read recorded in
 * {@code attachment_read}; deletion while the round is a draft. The files stay in this tier's
 * database: no event carries their bytes or names (ADR 0016).
 */
package org.gongyu.school.attachment;

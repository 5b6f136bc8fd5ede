/**
 * Pseudonymisation of student and guardian references (keyed HMACs), shared by every feature that
 * records something about a student or a family; encryption of notes; guardian consent, retention,
 * recorded reads; and the rotation of the pseudonym and field keys (ADR 0014: {@link
 * org.gongyu.school.privacy.KeyRotation}, run as {@code java -jar school-service.jar rotate-keys}).
 */
package org.gongyu.school.privacy;

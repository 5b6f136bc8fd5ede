/**
 * The special-student register (留守儿童 and other students needing care: highly sensitive) and the
 * {@code SPECIAL_CARE} indicator derived from it. The student appears only as a keyed HMAC of the
 * school's reference; the notes are AES-GCM ciphertext. Nothing here answers with either: the API
 * returns entry ids, categories and dates only.
 */
package org.gongyu.school.specialcare;

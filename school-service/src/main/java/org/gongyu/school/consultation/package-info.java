/**
 * Case consultations (个案咨询) for families and the outreach that tells families the service exists:
 * the {@code CONSULTATION_OUTREACH}, {@code CONSULTATION_RESOLUTION} and {@code PROBLEM_DISCOVERY} (T10) indicators. Sensitive: the
 * student of a case or a delivery is kept only as a keyed HMAC, a consultant's notes only encrypted,
 * and neither ever leaves this feature (no response, event or log line carries them).
 */
package org.gongyu.school.consultation;

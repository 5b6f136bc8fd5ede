/**
 * Guardian registrations pushed by the external digital parent-school platform (数字家长学校), and
 * the {@code PLATFORM_REGISTRATION} indicator derived from them. The platform's references to
 * students and guardians are stored only as keyed HMACs: enough to count distinct students and
 * recognise a re-sent record, useless for identifying anyone.
 */
package org.gongyu.school.registration;

/**
 * What the digital parent-school platform (数字家长学校) pushes besides registrations: guardians'
 * learning activities ({@code PARENT_LEARNING_PER_CAPITA}, over the guardians registered in the
 * {@code registration} feature) and the learning resources recommended to the school's parents
 * ({@code RESOURCES_RECOMMENDED}). Batches of up to 5,000 records are stored all or nothing,
 * idempotently by the platform's external id; a batch causes at most one new snapshot version per
 * indicator and period. Guardian references are stored only as keyed HMACs.
 */
package org.gongyu.school.platform;

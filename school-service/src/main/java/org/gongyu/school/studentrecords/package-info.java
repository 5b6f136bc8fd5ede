/**
 * Checks and response shapes shared by the features that record something about individual
 * students (home visits, the special-student register, six-ones activities): a record's class
 * must be of the school year its date falls in, no date in the future, a batch either stored whole
 * or not at all, no class with more recorded students than it enrols.
 */
package org.gongyu.school.studentrecords;

/**
 * Pseudonymisation of student and guardian references (keyed HMACs), shared by every feature that
 * records something about a student or a family.
 */
package org.gongyu.school.privacy;

/**
 * The school's part in the city's questionnaires (ADR 0026): the copy of each survey the city
 * publishes, anonymous answers the school's users enter (paper questionnaires, or read from a
 * form), and the counts the school publishes upward with small cells withheld ({@link
 * org.gongyu.contracts.survey.SurveyCells}). Answers never leave this package; nothing here holds a
 * parent's or a student's key.
 */
package org.gongyu.school.survey;

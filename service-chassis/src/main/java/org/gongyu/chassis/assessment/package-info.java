/**
 * What every tier that assesses the units below it by a scoring scheme shares at its web edge: the
 * body of a new scheme version ({@link org.gongyu.chassis.assessment.IssueSchemeRequest}), the rules
 * it must keep ({@link org.gongyu.chassis.assessment.SchemeRules}, a 422 naming each field), the
 * response shapes, and the {@code .xlsx} of a computed assessment. The arithmetic is in {@code
 * org.gongyu.contracts.assessment}; storage, figures and access stay with each service (city-service
 * assesses counties, district-service a county's 学区).
 */
package org.gongyu.chassis.assessment;

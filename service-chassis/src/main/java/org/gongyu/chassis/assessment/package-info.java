/**
 * What every tier that assesses the units below it by a scoring scheme shares at its web edge: the
 * body of a new scheme version ({@link org.gongyu.chassis.assessment.IssueSchemeRequest}), the rules
 * it must keep ({@link org.gongyu.chassis.assessment.SchemeRules}, a 422 naming each field), the
 * response shapes, the manual adjustments (加减分) of a version and school year ({@link
 * org.gongyu.chassis.assessment.AdjustmentRequest}, checked and stored by {@link
 * org.gongyu.chassis.assessment.AssessmentDesk}), and the {@code .xlsx} and PDF of a computed
 * assessment ({@link org.gongyu.chassis.assessment.AssessmentPaper}). The arithmetic is in {@code
 * org.gongyu.contracts.assessment}; storage, figures and access stay with each service (city-service
 * assesses counties, district-service a county's 学区).
 */
package org.gongyu.chassis.assessment;

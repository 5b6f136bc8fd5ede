/**
 * XHTML to PDF (Flying Saucer on OpenPDF) with the Noto Sans CJK font embedded, for the papers the
 * services print: district-service's scoresheets and application forms, the assessments of both
 * assessing tiers ({@code org.gongyu.chassis.assessment.AssessmentPaper}). A service that prints
 * declares {@code flying-saucer-pdf} itself (optional here).
 */
package org.gongyu.chassis.pdf;

package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import org.gongyu.contracts.demonstration.Rubric;

/** What the assessment needs of an application's programme: the rubric it keeps, the margin, the title validity. */
record ProgrammeTerms(
    String programmeId, String standardId, long standardVersion, Rubric rubric, BigDecimal consensusMargin,
    int titleValidityYears) {}

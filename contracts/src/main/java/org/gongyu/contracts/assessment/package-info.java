/**
 * Scoring schemes over indicator figures (考核方案), shared by the tiers that assess the units below
 * them: the city's management assessment of counties (管理考核) and a county's 学区 performance
 * assessment (学区教育发展业绩考核). A scheme is a list of items, each worth points and scoring one
 * catalogue indicator's figure by a rule (threshold, linear between a floor and a target, or bands);
 * {@link org.gongyu.contracts.assessment.Scoring} is the pure arithmetic and the explanation of every
 * item in Chinese and English, so a result read years later says why it has the points it has.
 */
package org.gongyu.contracts.assessment;

/**
 * The city's questionnaires to parents and students (问卷调查, seeds W10 problem surveys and W16
 * satisfaction surveys, ADR 0026): city staff build and publish a survey to the schools, schools
 * answer with counts whose small cells they have already withheld, and the city reads them per
 * school, county and city. No response or respondent ever reaches this service.
 */
package org.gongyu.city.survey;

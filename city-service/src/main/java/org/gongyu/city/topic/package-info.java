/**
 * The city's list of prominent problems (问题清单) and its research topic bank (课题库) with the
 * schools' claims (认领), seeds W10 (ADR 0026): city staff compile problems from surveys and
 * consultations, publish topics that answer them, and follow which schools claimed, withdrew or
 * completed each topic (claims arrive from the schools as {@code TopicClaimChanged}).
 */
package org.gongyu.city.topic;

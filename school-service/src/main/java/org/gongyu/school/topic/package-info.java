/**
 * The school's side of the city's research topic bank (课题库, ADR 0026): the copy of the topics the
 * city publishes, and the school's claims (认领) of them — claimed, withdrawn, or completed with a
 * summary of the result — sent to the city as {@code TopicClaimChanged}. Only the school's own
 * users act for it.
 */
package org.gongyu.school.topic;

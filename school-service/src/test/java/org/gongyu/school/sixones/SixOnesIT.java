package org.gongyu.school.sixones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.school.StudentRecordsItSupport;
import org.junit.jupiter.api.Test;

/** Six-ones participations against the real PostgreSQL and Kafka. */
class SixOnesIT extends StudentRecordsItSupport {

  static Map<String, Object> participation(String externalId, String classId, String student, String activity, String date) {
    return json("externalId", externalId, "classId", classId, "studentRef", student, "activity", activity, "date", date);
  }

  Response post(String school, List<?> participations) {
    return send("POST", "/api/school/schools/" + school + "/six-ones", Map.of("participations", participations));
  }

  long stored(String school) {
    return jdbc.sql("select count(*) from six_ones_participation where school_id = ?").param(school).query(Long.class).single();
  }

  @Test
  void participationsDeriveTheSchoolYearFigureOncePerBatchAndAgainOnlyWhenItChanges() {
    String school = "9901013201";
    registerSchool(school);
    putClass(school, "C1", "2026-2027", 25);
    putClass(school, "C2", "2026-2027", 15);
    putClass(school, "C0", "2025-2026", 40);
    long outboxBefore = outboxed(school);
    long yearVersion = version(school, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027");

    var batch = List.of(
        participation("so-1", "C1", "STU-1", "SONG", "2026-09-01"),
        participation("so-2", "C1", "STU-1", "BOOK", "2026-10-01"),
        participation("so-3", "C1", "STU-2", "HIKE", "2026-11-23"),
        participation("so-4", "C2", "STU-3", "CHARITY", "2026-10-15"),
        participation("so-5", "C0", "STU-9", "FILM", "2026-03-01"));
    Response first = post(school, batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"accepted\":5").contains("\"periodId\":\"2026-2027\"").doesNotContain("STU-");
    assertThat(figure(school, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027")).containsExactly(3, 40);
    assertThat(figure(school, IndicatorCodes.SIX_ONES_PARTICIPATION, "2025-2026")).containsExactly(1, 40);
    assertThat(version(school, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027")).isEqualTo(yearVersion + 1);
    assertThat(outboxed(school) - outboxBefore).as("one snapshot per school year touched").isEqualTo(2);

    long afterFirst = outboxed(school);
    Response again = post(school, batch);
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":5");
    assertThat(outboxed(school)).isEqualTo(afterFirst);

    // a student already counted adds a record but not to the figure: no new version
    assertThat(post(school, List.of(participation("so-6", "C2", "STU-3", "PLAY", "2026-11-01"))).status()).isEqualTo(200);
    assertThat(outboxed(school)).isEqualTo(afterFirst);
    assertThat(post(school, List.of(participation("so-7", "C2", "STU-4", "PLAY", "2026-11-01"))).status()).isEqualTo(200);
    assertThat(figure(school, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027")).containsExactly(4, 40);
    assertThat(version(school, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027")).isEqualTo(yearVersion + 2);

    List<IndicatorSnapshotPublished> events = publishedSnapshots(school, List.of("STU-"));
    assertThat(events).filteredOn(e -> e.indicatorCode().equals(IndicatorCodes.SIX_ONES_PARTICIPATION) && e.periodId().equals("2026-2027"))
        .extracting(IndicatorSnapshotPublished::numerator).endsWith(3L, 4L);
  }

  @Test
  void oneBadItemRefusesTheWholeBatchAndStoresNothing() {
    String school = "9901013202";
    registerSchool(school);
    putClass(school, "C1", "2026-2027", 1);
    putClass(school, "OLD", "2025-2026", 10);
    assertThat(post(school, List.of(participation("ok-1", "C1", "STU-1", "SONG", "2026-10-01"))).status()).isEqualTo(200);
    long before = stored(school);
    long outboxBefore = outboxed(school);
    var good = participation("n-1", "OLD", "STU-2", "SONG", "2026-03-01");

    assertProblem("unknown activity", post(school, List.of(good, participation("n-2", "C1", "STU-1", "DANCE", "2026-10-01"))),
        400, "participations[1].activity");
    assertProblem("missing classId", post(school, List.of(good, json("externalId", "n-3", "studentRef", "STU-1", "activity", "SONG",
        "date", "2026-10-01"))), 400, "participations[1].classId");
    assertProblem("future", post(school, List.of(good, participation("n-4", "C1", "STU-1", "SONG", "2027-01-01"))),
        422, "participations[1].date");
    assertProblem("class of another year", post(school, List.of(good, participation("n-5", "OLD", "STU-1", "SONG", "2026-10-01"))),
        422, "participations[1].classId");
    assertProblem("same id other content", post(school, List.of(good, participation("ok-1", "C1", "STU-1", "SONG", "2026-10-02"))),
        409, "ok-1");
    assertProblem("over enrolment", post(school, List.of(good, participation("n-6", "C1", "STU-3", "SONG", "2026-10-02"))),
        422, "enrols only 1");
    assertThat(stored(school)).isEqualTo(before);
    assertThat(outboxed(school)).isEqualTo(outboxBefore);
  }
}

package org.gongyu.school.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.StudentRecordsItSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import defers its figures to every 30 s and the job's end (ADR 0017). A process that dies
 * between two refreshes must not leave the figures behind the records for good: what each chunk
 * changed is noted in the chunk's transaction and refreshed at the next start (V15). Own school
 * and county ids (9901014201, county 990142).
 */
class InterruptedImportFiguresIT extends StudentRecordsItSupport {

  static final String COUNTY = "990142";
  static final String SCHOOL = "9901014201";
  static final String SEMESTER = "2026-2027-1";

  @Autowired ImportFigures figures;
  @Autowired PendingFigures pending;
  @Autowired List<ImportFamily> families;

  @BeforeAll
  void school() {
    registerSchool(SCHOOL, COUNTY);
    putClass(SCHOOL, "C1", "2026-2027", 4);
  }

  @Test
  void chunksAppliedBeforeACrashReachTheFiguresAtTheNextStartAndOnlyOnce() {
    ImportFamily registrations = families.stream().filter(f -> f.spec().family().equals("platform-registrations"))
        .findFirst().orElseThrow();
    long before = version(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER);

    // a job applies two chunks and the process dies before its next refresh: finish() never runs
    ChunkApplier job = figures.applier(SCHOOL, registrations);
    ChunkApplier.Result first = job.apply(List.of(row(3, "IF-1", "S-1", "G-1"), row(4, "IF-2", "S-2", "G-2")));
    ChunkApplier.Result second = job.apply(List.of(row(5, "IF-3", "S-3", "G-3")));
    assertThat(first.applied() + second.applied()).isEqualTo(3);
    assertThat(version(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER)).as("deferred: no figure yet").isEqualTo(before);
    assertThat(notes()).as("what the chunks changed is noted with the records").isPositive();

    // the next start refreshes the notes: 3 of 4 families registered, once
    assertThat(pending.refresh(Duration.ZERO)).isEqualTo(1);
    assertThat(figure(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER)).containsExactly(3, 4);
    long after = version(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER);
    assertThat(notes()).isZero();
    assertThat(pending.refresh(Duration.ZERO)).as("nothing left to do").isZero();
    assertThat(version(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER)).as("no second version").isEqualTo(after);

    // a live job's refresh deletes its own notes: nothing is left for the sweep
    ChunkApplier live = figures.applier(SCHOOL, registrations);
    live.apply(List.of(row(6, "IF-4", "S-4", "G-4")));
    assertThat(notes()).isPositive();
    assertThat(pending.refresh(PendingFigures.STALE)).as("a fresh note belongs to a live import").isZero();
    live.finish();
    assertThat(notes()).isZero();
    assertThat(figure(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER)).containsExactly(4, 4);
  }

  private long notes() {
    return jdbc.sql("select count(*) from figure_refresh_pending where school_id = ?").param(SCHOOL).query(Long.class).single();
  }

  private static ImportRow row(int number, String id, String student, String guardian) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("period", SEMESTER);
    values.put("externalId", id);
    values.put("classId", "C1");
    values.put("studentRef", student);
    values.put("guardianRef", guardian);
    values.put("registeredAt", LocalDateTime.of(2026, 10, 8, 19, 30));
    Map<String, String> texts = new LinkedHashMap<>();
    values.forEach((k, v) -> texts.put(k, String.valueOf(v)));
    return new ImportRow(number, values, texts, Map.of(), List.of());
  }
}

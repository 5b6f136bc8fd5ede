package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongyu.tools.GroundTruth.Def;
import org.gongyu.tools.GroundTruth.Expected;
import org.gongyu.tools.GroundTruthRecords.City;
import org.gongyu.tools.GroundTruthRecords.SchoolData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GroundTruthGeneratorTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void theSameSeedAndDayGiveTheSameCity() {
    City a = GroundTruthGenerator.generate(GroundTruthGenerator.DEFAULT_SEED, TODAY);
    City b = GroundTruthGenerator.generate(GroundTruthGenerator.DEFAULT_SEED, TODAY);
    assertThat(a).isEqualTo(b);
    assertThat(GroundTruthGenerator.generate(7, TODAY)).isNotEqualTo(a);
  }

  @Test
  void theCityHasFourCountiesOfFifteenSchoolsAndACityDirectUnitOfThreeInTwoWavesWithRecordsOfEveryKindDatedBeforeToday() {
    City city = GroundTruthGenerator.generate(GroundTruthGenerator.DEFAULT_SEED, TODAY);
    assertThat(city.counties()).hasSize(5);
    assertThat(city.counties()).filteredOn(GroundTruthRecords.County::cityDirect).extracting(GroundTruthRecords.County::id)
        .containsExactly(GroundTruthGenerator.CITY_DIRECT);
    assertThat(city.schools()).hasSize(63);
    assertThat(city.schools()).filteredOn(s -> s.countyId().equals(GroundTruthGenerator.CITY_DIRECT)).hasSize(3);
    assertThat(city.schools()).filteredOn(s -> s.type().equals("KINDERGARTEN")).hasSize(13);
    assertThat(city.schools()).filteredOn(s -> s.wave() == 2).hasSize(21);
    for (SchoolData s : city.schools()) {
      assertThat(s.id()).matches("99021[0-4]00\\d\\d");
      s.classes().forEach(c -> assertThat(c.enrolment()).isBetween(20, 45));
      assertThat(s.classes().stream().filter(c -> c.schoolYear().equals("2026-2027")).count()).isBetween(2L, 4L);
      s.registrations().forEach(r -> assertThat(r.registeredAt().atZone(GroundTruth.ZONE).toLocalDate()).isBefore(TODAY));
      s.homeContacts().forEach(r -> assertThat(r.date()).isBefore(TODAY));
      s.sixOnes().forEach(r -> assertThat(r.date()).isBefore(TODAY).isAfterOrEqualTo(LocalDate.of(2026, 9, 1)));
      s.learning().forEach(r -> assertThat(r.occurredAt().atZone(GroundTruth.ZONE).toLocalDate()).isBefore(TODAY));
    }
    // every indicator has something to count in the city, and every county has schools of it
    for (Def def : GroundTruth.INDICATORS) {
      Expected c = GroundTruth.city(city, def);
      assertThat(c.figure().num()).as(def.code()).isPositive();
      assertThat(c.schoolsExpected()).as(def.code()).isEqualTo(def.code().equals("SIX_ONES_PARTICIPATION") ? 50 : 63);
      assertThat(c.schoolsOnTime()).as(def.code()).isPositive().isLessThan(c.schoolsUnderDeadline());
      Map<String, Expected> counties = GroundTruth.counties(city, def);
      counties.values().forEach(e -> assertThat(e.schoolsExpected()).isPositive());
    }
    // corrections, withdrawals and identical re-PUTs are all there
    assertThat(city.schools().stream().flatMap(s -> s.ops().stream()).filter(op -> op.content() == null).count()).isPositive();
    assertThat(city.schools().stream().flatMap(s -> s.ops().stream()).filter(GroundTruthRecords.Op::late).count()).isGreaterThan(60);
    GroundTruth.summary(city).forEach(System.out::println);
    System.out.println("records: " + city.schools().stream().mapToInt(SchoolData::recordCount).sum());
  }

  @Test
  void everyGuardDutyHasMembersOnTheTeamThatDayOncePerSlot() {
    City city = GroundTruthGenerator.generate(GroundTruthGenerator.DEFAULT_SEED, TODAY);
    int duties = 0;
    for (SchoolData s : city.schools()) {
      Map<String, GroundTruthRecords.GuardMember> members = GroundTruth.current(s.ops(), GroundTruthRecords.Resource.GUARD_MEMBER);
      assertThat(members.values()).anyMatch(m -> m.kind().equals("SECURITY_GUARD"));
      members.values().forEach(m -> {
        assertThat(m.signedUpOn()).isBefore(TODAY);
        assertThat(m.voluntary()).isEqualTo(m.kind().equals("PARENT") ? Boolean.TRUE : null);
      });
      Map<String, GroundTruthRecords.GuardDuty> ds = GroundTruth.current(s.ops(), GroundTruthRecords.Resource.GUARD_DUTY);
      java.util.Set<String> slots = new java.util.HashSet<>();
      for (GroundTruthRecords.GuardDuty d : ds.values()) {
        assertThat(slots.add(d.date() + d.slot())).as("one duty per day and slot").isTrue();
        assertThat(d.memberIds()).isNotEmpty().doesNotHaveDuplicates();
        for (String id : d.memberIds()) {
          GroundTruthRecords.GuardMember m = members.get(id);
          assertThat(m.signedUpOn()).isBeforeOrEqualTo(d.date());
          assertThat(m.leftOn() == null || m.leftOn().isAfter(d.date())).as("%s stands guard before leaving", id).isTrue();
        }
        duties++;
      }
    }
    assertThat(duties).as("duties across the city").isGreaterThan(30);
  }

  @Test
  void schoolsSignOffTheSemesterOnTimeLateReturnedOrApprovedAndTheOnTimeOnesSendNoCorrection() {
    City city = GroundTruthGenerator.generate(GroundTruthGenerator.DEFAULT_SEED, TODAY);
    for (SchoolData s : city.schools()) {
      if (GroundTruthRecords.SignOffPlan.of(s.id()) == GroundTruthRecords.SignOffPlan.ON_TIME) {
        assertThat(s.wave()).as("signs off before the deadline, so it recorded in the first wave").isEqualTo(1);
        assertThat(s.ops()).as("a locked period takes no correction").noneMatch(GroundTruthRecords.Op::late);
      }
      assertThat(city.moves()).as("no school that signs off moves county")
          .noneMatch(m -> m.schoolId().equals(s.id()) && GroundTruthRecords.SignOffPlan.of(s.id()) != GroundTruthRecords.SignOffPlan.NONE);
    }
    // a semester indicator every school reports: in force 4, 5, 7, 8, 12, 13; on time 4, 5; approved 8, 12
    Map<String, Expected> registration = GroundTruth.counties(city, GroundTruth.indicator("PLATFORM_REGISTRATION"));
    Expected first = registration.get("990211");
    assertThat(List.of(first.schoolsSignedOff(), first.schoolsSignedOffOnTime(), first.schoolsApproved())).containsExactly(6, 2, 2);
    Expected noDeadline = registration.get("990214");
    assertThat(noDeadline.schoolsSignedOff()).isEqualTo(6);
    assertThat(noDeadline.schoolsSignedOffOnTime()).as("the fourth county sets no deadline").isNull();
    Expected cityWide = GroundTruth.city(city, GroundTruth.indicator("PLATFORM_REGISTRATION"));
    assertThat(List.of(cityWide.schoolsSignedOff(), cityWide.schoolsSignedOffOnTime(), cityWide.schoolsApproved()))
        .containsExactly(24, 6, 8);
    // an indicator of the school year: no school signed it off
    for (Def def : GroundTruth.INDICATORS) {
      if (def.periodType() != GroundTruth.PType.SEMESTER) {
        assertThat(GroundTruth.city(city, def).schoolsSignedOff()).as(def.code()).isZero();
      }
    }
  }

  @Test
  void recordsTravelAsJsonWithIsoDatesAndTheSpecsFieldNames() {
    City city = GroundTruthGenerator.generate(GroundTruthGenerator.DEFAULT_SEED, TODAY);
    SchoolData s = city.schools().getFirst();
    String json = JsonMapper.builder().build().writeValueAsString(s.homeContacts().getFirst());
    assertThat(json).matches(".*\"date\":\"2026-\\d\\d-\\d\\d\".*").contains("\"studentRef\":", "\"mode\":", "\"externalId\":");
    String learning = JsonMapper.builder().build().writeValueAsString(s.learning().getFirst());
    assertThat(learning).matches(".*\"occurredAt\":\"2026-\\d\\d-\\d\\dT[0-9:]+Z\".*");
  }
}

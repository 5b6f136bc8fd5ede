package org.gongyu.tools;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw records of the ground-truth city, exactly as a school's systems send them, in plain Java
 * types. {@link GroundTruth} derives every expected figure from these, {@link GroundTruthLoader}
 * sends them through the gateway. Nothing here knows a service.
 */
public final class GroundTruthRecords {

  private GroundTruthRecords() {}

  public record SchoolClass(String id, String schoolYear, int grade, String name, int enrolment) {}

  public record Registration(String externalId, String classId, String studentRef, String guardianRef, Instant registeredAt) {}

  public record Learning(String externalId, String guardianRef, String resourceId, Instant occurredAt, int minutes) {}

  public record Recommendation(String externalId, String resourceId, String title, String resourceType, String authoringTier,
      Instant recommendedAt) {}

  /**
   * A parent-school session; {@code classId} is null for a collective one; {@code lecturerRef} names
   * a lecturer of {@link #LECTURERS} (the loader sends the id the city gave it), null for a lecturer
   * known only by {@code lecturer}.
   */
  public record Session(String type, String classId, LocalDate date, String topic, String lecturer, String mode, int attendance,
      String lecturerRef) {

    public Session(String type, String classId, LocalDate date, String topic, String lecturer, String mode, int attendance) {
      this(type, classId, date, topic, lecturer, mode, attendance, null);
    }

    /** The same session naming a registry lecturer (by name too, as the school writes it). */
    public Session naming(Lecturer l) {
      return new Session(type, classId, date, topic, l.name(), mode, attendance, l.ref());
    }
  }

  /**
   * A lecturer of the city's registry (ADR 0024) as the ground-truth city leaves it: nominated for
   * the city-direct schools, registered, trained on {@code trainedOn} (null: never), and finally
   * {@code REGISTERED}, {@code SUSPENDED} or {@code REVOKED}.
   */
  public record Lecturer(String ref, String name, String affiliation, LocalDate trainedOn, String finalStatus) {
    /** What LECTURER_REGISTRATION counts. */
    public boolean registeredAndTrained() {
      return finalStatus.equals("REGISTERED") && trainedOn != null;
    }
  }

  /** The registry every ground-truth school may name lecturers of. */
  public static final List<Lecturer> LECTURERS = List.of(
      new Lecturer("GT-L1", "王丽华", "长治学院教育系", LocalDate.of(2024, 10, 12), "REGISTERED"),
      new Lecturer("GT-L2", "李建国", "市家庭教育指导中心", null, "REGISTERED"),
      new Lecturer("GT-L3", "赵敏", "潞州区实验小学", LocalDate.of(2024, 11, 2), "SUSPENDED"),
      new Lecturer("GT-L4", "陈静", "长治医学院", LocalDate.of(2025, 3, 15), "REGISTERED"),
      new Lecturer("GT-L5", "刘洋", "县家庭教育服务中心", LocalDate.of(2024, 9, 20), "REVOKED"));

  public record ParentSchool(String headName, LocalDate establishedOn, String structure, String rules) {}

  public record HeadTraining(String personName, String course, LocalDate completedOn) {}

  public record Instructor(String name, String certificateNo, LocalDate certifiedOn, LocalDate leftOn) {}

  /**
   * A city instructor certificate of the ground truth (ADR 0025), issued by the loader at the city
   * after a completed instructor cohort: to {@code holderName} under the instructor's number, on
   * {@code issuedOn}, valid until {@code expiresOn} (excluded); {@code revoked}: revoked on the day
   * of the load, so it never counts in the current semester.
   */
  public record CityCertificate(String number, String holderName, LocalDate issuedOn, LocalDate expiresOn, boolean revoked) {
    /** What INSTRUCTOR_LICENSED counts: issued to this instructor (names equal, blanks collapsed) and valid on {@code day}. */
    public boolean countsFor(String instructorName, LocalDate day) {
      return !revoked && holderName.strip().replaceAll("\\s+", " ").equals(instructorName.strip().replaceAll("\\s+", " "))
          && !day.isBefore(issuedOn) && day.isBefore(expiresOn);
    }
  }

  /**
   * The city's certificate of a school's instructor, or null (未持证): chosen from the school and
   * instructor ids rather than drawn from the city's random stream, so every other record stays what
   * the seed made it. Four in ten valid, one expired in 2025, one revoked, one issued to someone
   * else under that number, three without a certificate.
   */
  public static CityCertificate cityCertificate(String schoolId, String instructorId, Instructor in) {
    int h = Math.floorMod((schoolId + "/" + instructorId).hashCode(), 1000) % 10;
    LocalDate issued = LocalDate.of(2023, 7, 1);
    return switch (h) {
      case 0, 1, 2, 3 -> new CityCertificate(in.certificateNo(), in.name(), issued, LocalDate.of(2031, 7, 1), false);
      case 4 -> new CityCertificate(in.certificateNo(), in.name(), issued, LocalDate.of(2025, 7, 1), false);
      case 5 -> new CityCertificate(in.certificateNo(), in.name(), issued, LocalDate.of(2031, 7, 1), true);
      case 6 -> new CityCertificate(in.certificateNo(), "另一位" + in.name(), issued, LocalDate.of(2031, 7, 1), false);
      default -> null;
    };
  }

  /** {@code classId} only for a CLASS committee. */
  public record Committee(String level, String classId, LocalDate foundedOn, LocalDate termEndsOn, String venue, boolean plaque,
      boolean rulesAdopted, LocalDate dissolvedOn) {}

  public record HomeContact(String externalId, String classId, String studentRef, LocalDate date, String mode, boolean priority) {}

  public record VisitFile(String studentRef, String classId, LocalDate openedOn) {}

  public record SpecialStudent(String classId, String studentRef, String category, LocalDate registeredOn, LocalDate careFileOn,
      LocalDate assistancePlanOn, LocalDate closedOn, String notes) {}

  public record Outreach(String externalId, String classId, String studentRef, String channel, LocalDate deliveredOn) {}

  public record Consultation(String classId, String studentRef, String category, LocalDate openedOn, Instant appointmentAt,
      String consultant, String status, LocalDate resolvedOn, String notes) {}

  public record SixOnes(String externalId, String classId, String studentRef, String activity, LocalDate date) {}

  public record Suggestion(LocalDate receivedOn, String category, String channel, String status, LocalDate resolvedOn) {}

  /**
   * An open-school event (issue 17 item 4); {@code classId} null for the whole school; {@code profession}
   * and {@code parentRef} only for PARENTS_INTO_CLASSROOM.
   */
  public record OpenSchoolEvent(String type, String classId, LocalDate date, String mode, String theme, int attendance,
      String profession, String parentRef) {}

  /** A school-guard member (护学岗): who they are is written as a reference, never answered back. */
  public record GuardMember(String kind, String personRef, LocalDate signedUpOn, Boolean voluntary, LocalDate leftOn) {}

  /** A school-guard duty: the members standing guard at arrival or dismissal on a day. */
  public record GuardDuty(LocalDate date, String slot, List<String> memberIds) {}

  /** A class's parent–child reading campaign of {@code days} days from {@code startDate}. */
  public record ReadingCampaign(String classId, String name, LocalDate startDate, int days, int targetMinutes) {
    public LocalDate lastDay() {
      return startDate.plusDays(days - 1L);
    }
  }

  /** A student's check-in on one day of a campaign (by the campaign's id). */
  public record ReadingCheckIn(String campaignId, String studentRef, LocalDate date, int minutes) {}

  /** Resources of PUT-style records, as they appear in the path. */
  public enum Resource {
    SESSION("parent-school/sessions"),
    PARENT_SCHOOL("parent-school"),
    HEAD_TRAINING("head-trainings"),
    INSTRUCTOR("instructors"),
    COMMITTEE("committees"),
    SPECIAL_STUDENT("special-students"),
    CONSULTATION("consultations"),
    SUGGESTION("suggestions"),
    OPEN_SCHOOL_EVENT("open-school-events"),
    READING_CAMPAIGN("reading-campaigns"),
    GUARD_MEMBER("guard-duty/members"),
    GUARD_DUTY("guard-duty/duties");

    public final String path;

    Resource(String path) {
      this.path = path;
    }
  }

  /**
   * One PUT ({@code content} set) or DELETE ({@code content} null) of an identified record, in the
   * order the school sends them. {@code late}: sent after the county's deadline (corrections and
   * re-sent identical records of the first wave).
   */
  public record Op(Resource resource, String id, Object content, boolean late) {
    public String path(String schoolId) {
      return "/api/school/schools/" + schoolId + "/" + resource.path + (resource == Resource.PARENT_SCHOOL ? "" : "/" + id);
    }
  }

  /** Everything one school records; batch lists hold each record once (the loader re-sends some). */
  public record SchoolData(
      String id,
      String name,
      String type,
      String countyId,
      int wave,
      List<SchoolClass> classes,
      List<Registration> registrations,
      List<Learning> learning,
      List<Recommendation> recommendations,
      List<HomeContact> homeContacts,
      List<VisitFile> visitFiles,
      List<Outreach> outreach,
      List<SixOnes> sixOnes,
      List<Op> ops,
      List<ReadingCheckIn> readingCheckIns) {

    /** A school with no records yet; the generator fills the lists. */
    public static SchoolData empty(String id, String name, String type, String countyId, int wave, List<SchoolClass> classes) {
      return new SchoolData(id, name, type, countyId, wave, new ArrayList<>(classes), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
    }

    public int recordCount() {
      return registrations.size() + learning.size() + recommendations.size() + homeContacts.size() + visitFiles.size()
          + outreach.size() + sixOnes.size() + ops.size() + readingCheckIns.size();
    }
  }

  /**
   * What a school of the ground-truth city does with the current semester (完成上报, ADR 0019):
   * nothing; signs off before its county's deadline (then sends no correction: the period is
   * locked); signs off after everything was sent; the same and the county returns it (no longer in
   * force); the same and the county approves it.
   */
  public enum SignOffPlan {
    NONE, ON_TIME, LATE, RETURNED, APPROVED;

    /** In force: signed off and neither returned nor reopened. */
    public boolean inForce() {
      return this == ON_TIME || this == LATE || this == APPROVED;
    }

    /**
     * The plan of a ground-truth school, by its number in the county (the last four digits): 4 and 5
     * on time, 7 and 13 late, 8 and 12 approved (12 is of the second wave), 10 returned. None of
     * them moves county.
     */
    public static SignOffPlan of(String schoolId) {
      if (!schoolId.startsWith("9902")) {
        return NONE;
      }
      return switch (Integer.parseInt(schoolId.substring(schoolId.length() - 4))) {
        case 4, 5 -> ON_TIME;
        case 7, 13 -> LATE;
        case 8, 12 -> APPROVED;
        case 10 -> RETURNED;
        default -> NONE;
      };
    }
  }

  /** A school moving county from the start of a semester. */
  public record Move(String schoolId, String fromCountyId, String toCountyId, String toXuequId, LocalDate effectiveFrom) {}

  public record County(String id, String name, String xuequId, boolean setsDeadline, boolean cityDirect) {

    /** A county (not the city-direct unit). */
    public County(String id, String name, String xuequId, boolean setsDeadline) {
      this(id, name, xuequId, setsDeadline, false);
    }
  }

  /** The whole generated city. */
  public record City(long seed, LocalDate today, List<County> counties, List<SchoolData> schools, List<Move> moves) {

    public SchoolData school(String id) {
      return schools.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
  }
}

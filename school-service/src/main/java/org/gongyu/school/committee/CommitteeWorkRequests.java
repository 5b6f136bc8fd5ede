package org.gongyu.school.committee;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a school sends about a committee's members, elections, activities and fee-ban declarations (seeds W2, §5.1). */
final class CommitteeWorkRequests {

  private CommitteeWorkRequests() {}

  /** A member's role on the committee. */
  @Schema(description = "委员职务：DIRECTOR 主任，DEPUTY_DIRECTOR 副主任，SECRETARY 秘书，MEMBER 委员 · The member's role")
  enum Role { DIRECTOR, DEPUTY_DIRECTOR, SECRETARY, MEMBER }

  /** Why a member left. */
  @Schema(description = "离任原因：RESIGNED 辞任，CHILD_LEFT 子女离校/转班，REPLACED 调整，TERM_ENDED 任期届满，OTHER 其他 · Why the member left")
  enum LeftReason { RESIGNED, CHILD_LEFT, REPLACED, TERM_ENDED, OTHER }

  /** 换届 or 补选. */
  @Schema(description = "GENERAL 换届选举（开始新一届任期，至多 3 年），BY_ELECTION 补选/调整（在本届任期内补缺，不改变任期，每学年至多一次）"
      + " · GENERAL starts a new term of at most 3 years; BY_ELECTION fills vacancies inside the term, at most once a school year")
  enum Kind { GENERAL, BY_ELECTION }

  /** 差额 or 等额. */
  @Schema(description = "COMPETITIVE 差额（候选人多于名额），NON_COMPETITIVE 等额（候选人等于名额）"
      + " · COMPETITIVE: more candidates than seats; NON_COMPETITIVE: as many candidates as seats")
  enum Type { COMPETITIVE, NON_COMPETITIVE }

  /** Who votes. */
  @Schema(description = "选举人：ALL_PARENTS 全体家长（班级家委会），CLASS_REPRESENTATIVES 班级家委会代表（年级、校级），"
      + "GRADE_REPRESENTATIVES 年级家委会代表（校级） · All parents for a class committee; class committees' representatives"
      + " for a grade or school committee; grade committees' representatives for a school committee")
  enum Electorate { ALL_PARENTS, CLASS_REPRESENTATIVES, GRADE_REPRESENTATIVES }

  /** Who nominated the candidates. */
  @Schema(description = "候选人提名：HEAD_TEACHER 班主任，PARENTS 家长推荐，SCHOOL 学校 · Who nominated the candidates")
  enum NominatedBy { HEAD_TEACHER, PARENTS, SCHOOL }

  @Schema(description = "家委会活动类型：OPINION 意见建议，SUPERVISION 监督，VOLUNTEER_SERVICE 志愿服务，RECEPTION_DAY 家长接待日，"
      + "HEARING 家长听证会，MEETING 会议，TRAINING 培训，COMMENDATION 联合表彰 · The kind of activity")
  enum ActivityType { OPINION, SUPERVISION, VOLUNTEER_SERVICE, RECEPTION_DAY, HEARING, MEETING, TRAINING, COMMENDATION }

  @Schema(description = "声明人：COMMITTEE_DIRECTOR 家委会主任，PRINCIPAL 校长，HEAD_TEACHER 班主任 · Who declared")
  enum DeclaredBy { COMMITTEE_DIRECTOR, PRINCIPAL, HEAD_TEACHER }

  /**
   * A member recorded directly (e.g. elected before the school used this service), or corrected.
   *
   * @param parentRef    the school's reference of the parent: required for a new member, optional in a correction
   *                     (left out = the same parent); only its keyed hash is stored, it is never answered back
   * @param role         the member's role
   * @param classId      the class of the member's child; a class committee's own class when left out
   * @param termStartsOn the first day of the member's term, not before the committee was founded, not in the future
   * @param termEndsOn   the first day no longer in term: after termStartsOn, at most 3 years later and not after the
   *                     committee's term; default the committee's term end (at most 3 years)
   * @param reason       why a recorded member is corrected: required when the content changes
   */
  record MemberRequest(
      @Schema(description = "家长在本校的编号：新增委员时必填，更正时可不填（即同一家长）；只保存其密钥哈希，任何应答都不返回"
          + " · The parent's reference at the school; only its keyed hash is stored, never answered back")
      @Size(min = 1, max = 200) String parentRef,
      @NotNull Role role,
      @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      @NotNull LocalDate termStartsOn,
      LocalDate termEndsOn,
      @Size(max = 500) String reason) {}

  /** A member leaving the committee. */
  record DepartureRequest(@NotNull LocalDate leftOn, @NotNull LeftReason reason) {}

  /**
   * A candidate of an election.
   *
   * @param parentRef the school's reference of the parent (only its keyed hash is stored)
   * @param classId   the class of the candidate's child (a class committee's own class when left out)
   * @param role      the role an elected candidate takes; only for the elected
   * @param elected   whether the candidate was elected
   * @param votes     votes received (optional)
   */
  record Candidate(
      @NotBlank @Size(max = 200) String parentRef,
      @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      Role role,
      @NotNull Boolean elected,
      @Min(0) Integer votes) {}

  /**
   * An election of committee members.
   *
   * @param termEndsOn a general election's term end: after heldOn, at most 3 years later, default heldOn + 3 years;
   *                   a by-election takes none (its members serve until the committee's term ends)
   */
  record ElectionRequest(
      @NotNull Kind kind,
      @NotNull Type type,
      @NotNull Electorate electorate,
      @NotNull NominatedBy nominatedBy,
      @NotNull @Min(1) @Max(60) Integer seats,
      @NotNull LocalDate heldOn,
      LocalDate termEndsOn,
      @NotNull @Size(min = 1, max = 120) List<@Valid @NotNull Candidate> candidates) {}

  /** A committee activity (no participant is recorded, only how many attended). */
  record ActivityRequest(
      @NotNull ActivityType type,
      @NotNull LocalDate heldOn,
      @NotNull Boolean online,
      @NotBlank @Size(max = 200) String theme,
      @NotNull @Min(0) @Max(100000) Integer attendance,
      @Size(max = 500) String reason) {}

  /** The yearly declaration that the committee collects no fees (严禁以家长委员会名义向家长收取各种费用). */
  record DeclarationRequest(
      @NotNull LocalDate declaredOn,
      @NotNull DeclaredBy declaredBy,
      @NotBlank @Size(max = 40) String textVersion) {}
}

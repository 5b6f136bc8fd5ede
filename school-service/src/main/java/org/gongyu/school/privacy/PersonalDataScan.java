package org.gongyu.school.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises, in free text a school writes for the tiers above it, the shapes personal data of a
 * student or a parent takes: a resident identity card number, a mobile number, an e-mail address, a
 * name written after a label such as {@code 学生：} or {@code 家长 }. Pure and without state, so the
 * rules can be tested on their own; {@link PersonalDataGuard} adds the references this school has
 * recorded.
 *
 * <p>It favours catching over letting through: a 422 asks the school to rephrase, whereas personal
 * data that slips through travels to the county in an event and cannot be called back. It still
 * validates what can be validated (an ID number's check digit and birth date) so that ordinary
 * numbers, dates, year ranges and URLs pass.
 */
public final class PersonalDataScan {

  /** What was found; its description is what a refusal says (the value itself never is). */
  public enum Kind {
    RESIDENT_ID("a resident identity card number"),
    MOBILE_NUMBER("a mobile phone number"),
    EMAIL_ADDRESS("an e-mail address"),
    LABELLED_NAME("a student's or parent's name (a name after a label such as 学生/家长/监护人)"),
    NAME_IN_CONTEXT("a student's or parent's name (such as 学生张三, 张三同学 or 王五的妈妈)"),
    RECORDED_REFERENCE("a student or guardian reference used in this school's records");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** 18 characters (17 digits and a check character), optionally grouped by single spaces or dashes. */
  private static final Pattern ID_18 =
      Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(?:[ -]?\\d){11}[ -]?[0-9Xx](?![0-9A-Za-z])");
  /** The first-generation 15-digit number: area, yyMMdd, sequence. */
  private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{14}(?![0-9A-Za-z])");
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = "10X98765432".toCharArray();

  /** 1[3-9]x xxxx xxxx with optional +86 and single space or dash separators (3-4-4). */
  private static final Pattern MOBILE =
      Pattern.compile("(?<![\\d])(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![\\d])");

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

  /** A label for a student or a family member, then a colon or a space, then 2–4 Han characters standing alone. */
  private static final Pattern LABELLED_NAME = Pattern.compile(
      "(?:(?:学生|家长|监护人|幼儿|孩子|儿童)姓名\\s*[:：]?\\s*"
          + "|(?:学生家长|监护人|家长|学生|父亲|母亲|孩子|幼儿)(?:\\s*[:：]\\s*|\\s+)"
          + "|(?<![A-Za-z])(?i:student|pupil|parent|guardian|father|mother|child)(?:'s)?(?:\\s+(?i:name))?(?:\\s*[:：]\\s*|\\s+))"
          + "(\\p{IsHan}{2,4})(?!\\p{IsHan})");
  /** What follows a label but names a group or a thing, not a person ("家长：全体", "学生 代表"). */
  private static final Set<String> NOT_A_NAME = Set.of(
      "全体", "代表", "人数", "人次", "比例", "家长", "学生", "教师", "老师", "会议", "活动", "培训", "讲座", "满意", "参与",
      "参加", "共计", "合计", "总数", "若干", "名单", "家庭", "签名", "签字", "手册", "档案", "问卷", "作品", "座谈",
      "志愿", "委员", "发展", "成长", "心理", "安全", "教育", "学校", "班级", "年级", "社区", "均已", "均可");

  /** Runs of reference characters; the candidate references are runs and their dash/underscore-separated parts. */
  private static final Pattern REFERENCE_RUN = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int TOKEN_MIN = 4;
  private static final int TOKEN_MAX = 64;
  private static final int MAX_PARTS = 16;

  private PersonalDataScan() {}

  /** The kinds of personal data the text's shapes reveal (recorded references are not looked up here). */
  public static Set<Kind> find(String text) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (text == null || text.isEmpty()) {
      return kinds;
    }
    String plain = Evasions.normalise(text);
    if (containsResidentId(plain) || Evasions.digitWindows(plain).stream().anyMatch(PersonalDataScan::isResidentId18)) {
      kinds.add(Kind.RESIDENT_ID);
    }
    if (MOBILE.matcher(plain).find() || Evasions.digitWindows(plain).stream().anyMatch(Evasions::isMobile)) {
      kinds.add(Kind.MOBILE_NUMBER);
    }
    if (EMAIL.matcher(plain).find() || Evasions.obfuscatedEmail(plain)) {
      kinds.add(Kind.EMAIL_ADDRESS);
    }
    Matcher name = LABELLED_NAME.matcher(plain);
    while (name.find()) {
      if (!NOT_A_NAME.contains(name.group(1).substring(0, 2))) {
        kinds.add(Kind.LABELLED_NAME);
        break;
      }
    }
    if (!kinds.contains(Kind.LABELLED_NAME) && Names.inContext(plain)) {
      kinds.add(Kind.NAME_IN_CONTEXT);
    }
    return kinds;
  }

  static boolean containsResidentId(String text) {
    Matcher m18 = ID_18.matcher(text);
    while (m18.find()) {
      if (isResidentId18(m18.group().replace(" ", "").replace("-", ""))) {
        return true;
      }
    }
    Matcher m15 = ID_15.matcher(text);
    while (m15.find()) {
      if (isResidentId15(m15.group())) {
        return true;
      }
    }
    return false;
  }

  /** GB 11643: 6-digit area, birth date yyyyMMdd, 3-digit sequence, ISO 7064 MOD 11-2 check character. */
  static boolean isResidentId18(String id) {
    if (id.length() != 18 || !validBirthDate(id.substring(6, 14))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * ID_WEIGHTS[i];
    }
    return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11];
  }

  /** The 15-digit form has no check digit: area, a birth date yyMMdd in the 1900s, sequence. */
  static boolean isResidentId15(String id) {
    return id.length() == 15 && validBirthDate("19" + id.substring(6, 12));
  }

  private static boolean validBirthDate(String yyyyMMdd) {
    int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
    if (year < 1900 || year > 2099) {
      return false;
    }
    try {
      LocalDate.of(year, Integer.parseInt(yyyyMMdd.substring(4, 6)), Integer.parseInt(yyyyMMdd.substring(6, 8)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * The strings of the text that could be a reference a record feature was given for a student or
   * a guardian: each run of {@code [A-Za-z0-9_-]} and each part of it between dashes or underscores
   * (and each sequence of such parts), 4 to 64 characters long. "档案 ARC-STU-0042/3" yields
   * {@code ARC-STU-0042}, {@code ARC-STU}, {@code STU-0042} and {@code 0042}.
   */
  public static Set<String> candidateReferences(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    if (text == null) {
      return tokens;
    }
    Matcher run = REFERENCE_RUN.matcher(text);
    while (run.find()) {
      String r = run.group();
      // part boundaries: the start of the run, each separator, the end of the run
      List<int[]> parts = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= r.length(); i++) {
        if (i == r.length() || r.charAt(i) == '-' || r.charAt(i) == '_') {
          if (i > start) {
            parts.add(new int[] {start, i});
          }
          start = i + 1;
        }
      }
      if (r.length() >= TOKEN_MIN && r.length() <= TOKEN_MAX) {
        tokens.add(r);
      }
      int n = Math.min(parts.size(), MAX_PARTS);
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          String span = r.substring(parts.get(i)[0], parts.get(j)[1]);
          if (span.length() > TOKEN_MAX) {
            break;
          }
          if (span.length() >= TOKEN_MIN) {
            tokens.add(span);
          }
        }
      }
    }
    return tokens;
  }
}

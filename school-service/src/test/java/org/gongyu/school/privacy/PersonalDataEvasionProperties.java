package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gongyu.school.privacy.PersonalDataScan.Kind;

/**
 * Generated evasions of the personal-data scan (issue 12): mobile numbers and resident ID numbers
 * with each digit in ASCII, full-width or Chinese form, split by spaces, dots, dashes or slashes at
 * random places and glued between ordinary text; e-mail addresses with the at and the dots spelled
 * out, bracketed or full-width; names without a label in the phrasing schools use.
 */
class PersonalDataEvasionProperties {

  static final String FULL_WIDTH = "０１２３４５６７８９";
  static final String CHINESE = "零一二三四五六七八九";
  static final List<String> SEPARATORS = List.of(" ", "  ", ".", "-", "—", "–", "/", " - ", "·", "．", "　", "_");
  static final List<String> CONTEXT = List.of("", "联系方式", "家长电话：", "请致电", "孩子妈妈的号码是", "tel ", "备注");
  static final List<String> TAIL = List.of("", "。", "，谢谢", " 周一至周五", "（晚上）", " 2025");

  @Provide
  Arbitrary<String> mobiles() {
    Arbitrary<String> digits = Combinators.combine(
            Arbitraries.of("13", "14", "15", "16", "17", "18", "19"),
            Arbitraries.strings().numeric().ofLength(9))
        .as((a, b) -> a + b);
    return Combinators.combine(digits, Arbitraries.of("", "+86", "86", "+86 "), Arbitraries.integers().between(0, 2))
        .as((d, prefix, width) -> prefix + d);
  }

  @Provide
  Arbitrary<String> residentIds() {
    Arbitrary<String> area = Arbitraries.of("110105", "440306", "330102", "320582", "510107", "420111");
    Arbitrary<String> birth = Arbitraries.integers().between(0, 365 * 80)
        .map(d -> java.time.LocalDate.of(1950, 1, 1).plusDays(d).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(area, birth, seq).as((a, b, s) -> withCheck(a + b + s));
  }

  /** The digits written with a random mix of widths and scripts and split at random places. */
  static Arbitrary<String> disguised(Arbitrary<String> numbers, boolean chineseAllowed) {
    return numbers.flatMap(n -> {
      Arbitrary<List<Integer>> forms = Arbitraries.integers().between(0, chineseAllowed ? 2 : 1).list().ofSize(n.length());
      Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, SEPARATORS.size() * 3).list().ofSize(n.length());
      return Combinators.combine(forms, cuts, Arbitraries.of(CONTEXT), Arbitraries.of(TAIL)).as((f, c, before, after) -> {
        boolean chinese = f.stream().allMatch(x -> x == 2);
        StringBuilder s = new StringBuilder(before);
        for (int i = 0; i < n.length(); i++) {
          char ch = n.charAt(i);
          if (Character.isDigit(ch)) {
            int d = ch - '0';
            int form = chinese ? 2 : Math.min(f.get(i), 1);
            s.append(form == 0 ? ch : form == 1 ? FULL_WIDTH.charAt(d) : CHINESE.charAt(d));
          } else {
            s.append(ch);
          }
          if (i < n.length() - 1 && c.get(i) < SEPARATORS.size() && !chinese) {
            s.append(SEPARATORS.get(c.get(i)));
          }
        }
        return s + after;
      });
    });
  }

  @Property(tries = 500)
  void aMobileNumberIsFoundHoweverItIsWritten(@ForAll("disguisedMobiles") String text) {
    assertThat(PersonalDataScan.find(text)).as(text).contains(Kind.MOBILE_NUMBER);
  }

  @Provide
  Arbitrary<String> disguisedMobiles() {
    return disguised(mobiles(), true);
  }

  @Property(tries = 500)
  void aResidentIdNumberIsFoundHoweverItIsWritten(@ForAll("disguisedIds") String text) {
    assertThat(PersonalDataScan.find(text)).as(text).contains(Kind.RESIDENT_ID);
  }

  @Provide
  Arbitrary<String> disguisedIds() {
    return disguised(residentIds(), false);
  }

  @Property(tries = 300)
  void aMobileNumberGluedToAnotherNumberIsStillFound(@ForAll("mobiles") String mobile,
      @ForAll("separator") String sep, @ForAll("shortNumber") String other) {
    String d = mobile.replace("+86", "").replace(" ", "");
    String text = d.substring(0, 3) + sep + d.substring(3, 7) + sep + d.substring(7) + sep + other;
    assertThat(PersonalDataScan.find(text)).as(text).contains(Kind.MOBILE_NUMBER);
  }

  @Provide
  Arbitrary<String> separator() {
    return Arbitraries.of(" ", ".", "-", "/");
  }

  @Provide
  Arbitrary<String> shortNumber() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4);
  }

  @Property(tries = 500)
  void anObfuscatedEmailAddressIsFound(@ForAll("obfuscatedEmails") String text) {
    assertThat(PersonalDataScan.find(text)).as(text).contains(Kind.EMAIL_ADDRESS);
  }

  @Provide
  Arbitrary<String> obfuscatedEmails() {
    Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10)
        .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    Arbitrary<String> domain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> at = Arbitraries.of("@", "＠", " @ ", " at ", " AT ", "(at)", "[at]", "{at}", "（at）", "【at】", " (at) ", "艾特", " [ at ] ");
    Arbitrary<String> dot = Arbitraries.of(".", "．", " . ", " dot ", " DOT ", "(dot)", "[dot]", "（dot）", "点", "[点]", "。");
    Arbitrary<String> tld = Arbitraries.of("com", "cn", "net", "org", "edu.cn", "com.cn", "COM");
    return Combinators.combine(local, at, domain, dot, tld, Arbitraries.of(CONTEXT), Arbitraries.of(TAIL))
        .as((l, a, d, o, t, before, after) -> before + l + a + d + o + t.replace(".", o) + after);
  }

  @Property(tries = 500)
  void aNameWithoutALabelIsFoundInTheUsualPhrasing(@ForAll("namesInContext") String text) {
    assertThat(PersonalDataScan.find(text)).as(text).containsAnyOf(Kind.NAME_IN_CONTEXT, Kind.LABELLED_NAME);
  }

  @Provide
  Arbitrary<String> namesInContext() {
    Arbitrary<String> surname = Arbitraries.of("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马",
        "朱", "胡", "郭", "林", "何", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "欧阳", "司马", "诸葛");
    Arbitrary<String> given = Arbitraries.of("三", "四", "五", "六", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳",
        "小明", "小红", "子涵", "梓萱", "浩然", "雨桐", "思远", "欣怡", "某", "某某", "晓东", "建华", "俊杰");
    Arbitrary<String> name = Combinators.combine(surname, given).as(String::concat);
    Arbitrary<String> pattern = Arbitraries.of(
        "学生%s", "家长%s反映", "%s同学", "%s的妈妈", "%s家长", "%s的爸爸来校", "表扬%s同学", "%s小朋友", "监护人%s",
        "孩子%s，", "%s的父亲", "同学%s在活动中", "%s同学的家长", "学生%s的奶奶", "家长%s表示", "%s家长提出建议");
    Arbitrary<String> before = Arbitraries.of("", "本周", "据悉，", "在活动中，", "一年级3班");
    Arbitrary<String> after = Arbitraries.of("", "。", "积极参与", "，效果良好");
    return Combinators.combine(pattern, name, before, after).as((p, n, b, a) -> b + String.format(p, n) + a);
  }

  /** ISO 7064 MOD 11-2 check character of the first 17 digits. */
  static String withCheck(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}

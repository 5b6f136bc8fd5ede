package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.school.privacy.PersonalDataScan.Kind.EMAIL_ADDRESS;
import static org.gongyu.school.privacy.PersonalDataScan.Kind.LABELLED_NAME;
import static org.gongyu.school.privacy.PersonalDataScan.Kind.MOBILE_NUMBER;
import static org.gongyu.school.privacy.PersonalDataScan.Kind.RESIDENT_ID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataScanTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "11010519491231002X",
      "学生身份证号 11010519491231002x 已核验",
      "证件：440306201506120032。",
      "440306 20150612 0032",
      "330102-20120315-0048",
      "ID:320582198001011231"})
  void catchesAResidentIdNumberWithAValidCheckDigit(String text) {
    assertThat(PersonalDataScan.find(text)).containsExactly(RESIDENT_ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "110105194912310021",
      "440306201506120033",
      "档案编号 330102201203150041",
      "110105194913310025"})
  void letsTheSameDigitsWithAWrongCheckDigitOrAnImpossibleBirthDatePass(String text) {
    assertThat(PersonalDataScan.find(text)).isEmpty();
  }

  @Test
  void checksTheCheckDigitAndTheBirthDate() {
    assertThat(PersonalDataScan.isResidentId18("11010519491231002X")).isTrue();
    assertThat(PersonalDataScan.isResidentId18("11010519491231002x")).isTrue();
    assertThat(PersonalDataScan.isResidentId18("110105194912310029")).isFalse();
    // a check digit that fits but a 30 February
    assertThat(PersonalDataScan.isResidentId18("110105201502300011")).isFalse();
  }

  @Test
  void catchesTheOld15DigitFormWithAPlausibleBirthDateOnly() {
    assertThat(PersonalDataScan.find("旧证 110105491231002")).containsExactly(RESIDENT_ID);
    assertThat(PersonalDataScan.find("流水 110105491331002")).isEmpty();
    assertThat(PersonalDataScan.find("流水 1101054912310021")).as("16 digits are no ID number").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "13800138000",
      "联系电话：15912345678。",
      "138 0013 8000",
      "138-0013-8000",
      "+86 138 0013 8000",
      "+86-19912345678",
      "家长手机19912345678已登记"})
  void catchesAMobileNumberWithOrWithoutSeparators(String text) {
    assertThat(PersonalDataScan.find(text)).contains(MOBILE_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12800138000", "1380013800", "138001380001", "办公室 0571-87654321", "共 1380 人次"})
  void letsOtherNumbersPassAsNoMobile(String text) {
    assertThat(PersonalDataScan.find(text)).doesNotContain(MOBILE_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan@example.com", "家长群 parent.li@qq.com 收集", "联系 li_si+school@mail.example.edu.cn"})
  void catchesAnEmailAddress(String text) {
    assertThat(PersonalDataScan.find(text)).containsExactly(EMAIL_ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "学生：张三",
      "学生: 张三，三年级",
      "家长 李四",
      "学生姓名:王小明",
      "学生姓名王小明",
      "监护人: 赵六",
      "监护人：欧阳娜娜",
      "母亲 陈静",
      "parent: 李四",
      "Parent 李四 signed",
      "student name: 王小明",
      "Guardian：孙七"})
  void catchesANameAfterAStudentOrFamilyLabel(String text) {
    assertThat(PersonalDataScan.find(text)).containsExactly(LABELLED_NAME);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "家长学校章程",
      "家长委员会会议记录",
      "学生发展指导中心",
      "学生：全体",
      "家长：120人次",
      "参加对象 家长代表",
      "家长 代表座谈",
      "学生：参加率 95%",
      "parents 会议",
      "致家长的一封信（2025年3月）"})
  void letsLabelsThatNameNoPersonPass(String text) {
    assertThat(PersonalDataScan.find(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "档案 2025-03-12",
      "见档案室 2025-03-12 第 3 卷",
      "https://jyj.example.gov.cn/2025/notice-0312.html",
      "http://www.example.edu.cn/parent-school/index.html?year=2025&page=12",
      "2024-2027",
      "2024—2027 学年创建规划",
      "2025-03-12 至 2025-06-30",
      "文号 杭教〔2025〕12号",
      "家长学校授课记录（2024学年第一学期，共12次）",
      "会议纪要 HJ-2025-0312-07"})
  void letsOrdinaryEvidencePass(String text) {
    assertThat(PersonalDataScan.find(text)).isEmpty();
  }

  @Test
  void findsEveryKindInOneText() {
    assertThat(PersonalDataScan.find("学生：张三 11010519491231002X 13800138000 a@b.cn"))
        .containsExactlyInAnyOrder(RESIDENT_ID, MOBILE_NUMBER, EMAIL_ADDRESS, LABELLED_NAME);
    assertThat(PersonalDataScan.find(null)).isEmpty();
    assertThat(PersonalDataScan.find("")).isEmpty();
  }

  @Test
  void candidateReferencesAreRunsAndTheirSeparatedParts() {
    assertThat(PersonalDataScan.candidateReferences("档案 ARC-STU-0042/3 见"))
        .containsExactlyInAnyOrder("ARC-STU-0042", "ARC-STU", "STU-0042", "0042");
    assertThat(PersonalDataScan.candidateReferences("学号S2025_001，家长G-77")).containsExactlyInAnyOrder("S2025_001", "S2025", "G-77");
    assertThat(PersonalDataScan.candidateReferences("abc 张三")).isEmpty();
    assertThat(PersonalDataScan.candidateReferences("x".repeat(65))).as("longer than any reference").isEmpty();
    assertThat(PersonalDataScan.candidateReferences(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "１３８００１３８０００", "1３8 0０1３ 8０0０", "138.0013.8000", "1 3 8 0 0 1 3 8 0 0 0", "一三八零零一三八零零零",
      "家长电话 138-0013-8000-2", "＋８６ １３８ ００１３ ８０００", "138/0013/8000"})
  void catchesAMobileNumberInDisguise(String text) {
    assertThat(PersonalDataScan.find(text)).contains(MOBILE_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"１１０１０５１９４９１２３１００２Ｘ", "110.105.1949.1231.002X", "1101 0519 4912 3100 2 X"})
  void catchesAResidentIdInDisguise(String text) {
    assertThat(PersonalDataScan.find(text)).contains(RESIDENT_ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan at example dot com", "zhangsan(at)example.com", "zhangsan＠example．com",
      "zhangsan[at]qq[dot]com", "li.si （at） 163 点 com", "wang AT mail DOT edu DOT cn", "zhao @ qq . com"})
  void catchesAnObfuscatedEmailAddress(String text) {
    assertThat(PersonalDataScan.find(text)).contains(EMAIL_ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"学生张三", "家长李四反映作业太多", "张三同学", "王五的妈妈", "李某某家长", "表扬欧阳娜娜同学",
      "监护人赵某", "学生王小明积极参与", "陈静的父亲来校"})
  void catchesANameWithoutALabel(String text) {
    assertThat(PersonalDataScan.find(text)).containsExactly(PersonalDataScan.Kind.NAME_IN_CONTEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"家长高度重视", "许多家长表示收获很大", "关心同学", "学生张贴作品", "学生安全教育", "全体同学",
      "高年级同学", "方便家长接送", "学生会组织的活动", "meet parents at home. We care", "a.m. at 8.30"})
  void letsOrdinaryPhrasesPass(String text) {
    assertThat(PersonalDataScan.find(text)).isEmpty();
  }
}

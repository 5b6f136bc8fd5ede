package org.gongyu.school.privacy;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese personal name written without a label but in the phrasing schools use about a pupil or
 * a parent: after a role word ({@code 学生张三}, {@code 家长李四反映}, {@code 监护人王某}), or before a
 * relation ({@code 张三同学}, {@code 李某某家长}, {@code 王五的妈妈}, {@code 赵六小朋友}). A name is a
 * surname of the common list (single or compound) and one or two given-name characters, or
 * {@code 某}/{@code 某某}.
 *
 * <p>Ordinary phrases have the same shape ({@code 家长高度重视}, {@code 许多家长}, {@code 关心同学}):
 * characters that do not occur in given names ({@code 年级班们位…}) end a candidate, a list of
 * common words that begin with a surname character is not a name, and after a role word the name
 * must be followed by what follows a name (a relation, a verb of saying, punctuation, the end).
 * The rate at which ordinary text is caught is measured in {@code PersonalDataFalsePositivesTest}.
 */
final class Names {

  private Names() {}

  static final String COMPOUND = "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|夏侯|司徒|轩辕|端木|独孤|南宫|西门|宇文";
  /** The common single-character surnames (about 90 % of the population), without 于/向/和/全/时/应, which are mostly words. */
  static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
          + "金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤易乔常";
  /** Characters that do not occur in given names but often follow a surname character in ordinary text. */
  static final String NOT_GIVEN =
      "的了和与及或是在有为对把被将从向等们位个些名年级班校区县市省镇村组队届期次项所处局部门科室课教学会议员师生长体"
          + "度面式法案向于上下中内外前后里间时日月周号第每各全多少数量种类样些都也就还又再已未不没很更最所之其此该本"
          + "做作用说讲听看读写问答做请让使给向到去来回过起开关进出入离参加入选评奖";

  private static final String NAME =
      "(?:(?:" + COMPOUND + ")|[" + SURNAMES + "])(?:某某?|[\\p{IsHan}&&[^" + NOT_GIVEN + "]]{1,2})";

  private static final String ROLE = "(?:学生|同学|学员|幼儿|儿童|孩子|小孩|家长|监护人|父亲|母亲|爸爸|妈妈|爷爷|奶奶|外公|外婆)";
  private static final String RELATION =
      "(?:同学|小朋友|家长|学生|的(?:家长|父亲|母亲|爸爸|妈妈|爷爷|奶奶|外公|外婆|监护人|孩子|儿子|女儿)|之父|之母|爸爸|妈妈|父亲|母亲|监护人)";
  /** What follows a name after a role word. */
  private static final String AFTER =
      "(?:" + RELATION + "|反映|表示|提出|认为|说|称|讲|来|到|在|因|被|已|曾|和|与|及|同|等|家|的|、|,|，|。|;|；|:|：|!|！|\\?|？|\\(|（|\\s|$)";

  private static final Pattern AFTER_ROLE = Pattern.compile(ROLE + "(" + NAME + ")");
  private static final Pattern BEFORE_RELATION = Pattern.compile("(" + NAME + ")(?=" + RELATION + ")");
  /** {@code 张某}, {@code 李某某} anywhere: the form reports use for a real person. */
  private static final Pattern MOU = Pattern.compile("(?:(?:" + COMPOUND + ")|[" + SURNAMES + "])某某?(?![人些种个位])");

  /** Words that begin with a surname character; a candidate that begins with one of them is no name. */
  static final Set<String> WORDS = Set.copyOf(java.util.List.of(
      "许多", "关心", "关爱", "关注", "高度", "高效", "高质", "高标", "高水", "高素", "高中", "高考", "高年", "高兴",
      "张贴", "方面", "方式", "方法", "方案", "方向", "方便", "任何", "任课", "任务", "任职", "周末", "周边", "周围",
      "常规", "常态", "常见", "常用", "常常", "万名", "金秋", "金牌", "黄金", "马上", "石头", "程度", "程序", "江湖",
      "郑重", "谢谢", "董事", "曾经", "苏醒", "叶子", "余下", "余额", "杜绝", "戴上", "夏季", "夏令", "夏天", "钟表",
      "田野", "田径", "范围", "范例", "熊猫", "陆续", "白天", "白色", "康复", "毛笔", "顾问", "顾及", "龙舟", "段落",
      "易于", "武术", "贺卡", "文明", "文化", "文艺", "文件", "文字", "严格", "严重", "严肃", "安全", "孔子",
      "秦汉", "唐诗", "宋词", "朱德", "雷锋", "孟子", "黄河", "长江", "汤圆", "包括", "林业", "罗列", "潘多", "韩国",
      "付出", "付费", "邱", "傅", "史上", "史料", "龚", "钱财", "乔迁", "易懂", "莫大", "陶冶", "陶艺", "韦", "覃",
      "闫", "阎", "邵", "尹", "廖", "崔", "蔡", "卢", "姜", "姚", "谭", "汪", "贾", "薛", "郝", "侯", "毛病", "毛巾",
      "何时", "何种", "何地", "何处", "何况", "何必", "如何", "梁上", "胡乱", "胡同", "林荫", "冯", "邓",
      "曹", "彭", "肖像", "萧", "袁", "蒋", "魏", "吕", "丁点", "沈", "董", "吴", "徐徐", "罗盘", "宋体",
      "黄色", "黄昏", "红", "白领", "白纸", "白板", "万一", "万物", "万家", "钱包", "严禁", "武器", "戴帽", "常识",
      "石榴", "龙头", "龙年", "雷雨", "雷电", "金额", "金融", "江南", "江苏", "江西", "苏州", "苏联", "湖南", "马路",
      "马拉", "陈述", "陈列", "刘海", "赵", "周期", "周年", "周到", "周知",
      "周密", "许可", "许愿", "许久", "程中", "范文", "段时", "方能", "方可", "方才", "高低", "高峰", "高层", "高级",
      "高等", "高端", "高危", "高发", "高温", "高铁", "高速", "高校", "高分", "高举", "高涨", "高大",
      "易错", "易于", "常委", "常务", "常住", "史实", "夏至", "冬", "叶落", "秦岭", "田园", "田间", "钟声", "钟点",
      "严防", "严把", "严控", "严谨", "严于", "韩信", "蔡伦", "鲁迅", "孔融", "孟母", "岳飞", "包拯", "海瑞", "花木",
      "黄帝", "诸葛亮"));

  static boolean inContext(String text) {
    Matcher m = AFTER_ROLE.matcher(text);
    while (m.find()) {
      if (isName(m.group(1))) {
        return true;
      }
    }
    m = BEFORE_RELATION.matcher(text);
    while (m.find()) {
      if (isName(m.group(1))) {
        return true;
      }
    }
    return MOU.matcher(text).find();
  }

  private static boolean isName(String candidate) {
    if (candidate.contains("某")) {
      return true;
    }
    for (int len = Math.min(3, candidate.length()); len >= 2; len--) {
      if (WORDS.contains(candidate.substring(0, len))) {
        return false;
      }
    }
    return true;
  }
}

package org.gongyu.reporting.export;

import java.util.Locale;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;

/**
 * The language of an export: {@code lang=zh-CN|en} if given, else the first Chinese or English tag
 * of {@code Accept-Language} (in the client's order of preference), else Simplified Chinese.
 */
enum Lang {
  ZH("zh-CN"),
  EN("en");

  private final String tag;

  Lang(String tag) {
    this.tag = tag;
  }

  String tag() {
    return tag;
  }

  static Lang of(String lang, String acceptLanguage) {
    if (lang != null && !lang.isBlank()) {
      Lang l = ofTag(lang.trim());
      if (l == null) {
        throw ApiProblem.badRequest(Msg.msg("reporting.lang.unknown", lang));
      }
      return l;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          Lang l = ofTag(range.getRange());
          if (l != null) {
            return l;
          }
        }
      } catch (IllegalArgumentException malformed) {
        return ZH;
      }
    }
    return ZH;
  }

  private static Lang ofTag(String tag) {
    String t = tag.toLowerCase(Locale.ROOT);
    if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) {
      return ZH;
    }
    if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
      return EN;
    }
    return null;
  }

  /** The text of this language: {@code zh} or {@code en}. */
  String pick(String zh, String en) {
    return this == ZH ? zh : en;
  }
}

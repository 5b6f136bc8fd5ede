package org.gongyu.chassis.excel;

import java.util.Locale;

/** The language of a template or an error workbook: Chinese first, English on request. */
public enum Lang {
  ZH(Locale.SIMPLIFIED_CHINESE),
  EN(Locale.ENGLISH);

  private final Locale locale;

  Lang(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** {@code en}, {@code en-US}, ... → English; anything else (zh-CN, absent) → Chinese. */
  public static Lang of(String tag) {
    return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
  }

  /** The language of a locale, Chinese unless it is English. */
  public static Lang of(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
  }

  /** The BCP 47 tag stored with a job. */
  public String tag() {
    return this == EN ? "en" : "zh-CN";
  }
}

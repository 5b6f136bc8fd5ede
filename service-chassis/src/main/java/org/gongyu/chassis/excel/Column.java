package org.gongyu.chassis.excel;

import java.util.List;
import java.util.Objects;

/**
 * One column of an import template.
 *
 * @param key       the JSON field name of the API request the row becomes (e.g. {@code classId})
 * @param headerZh  the header in the Chinese template (e.g. 班级编号)
 * @param headerEn  the header in the English template
 * @param type      what the cells hold
 * @param required  whether a row without it is refused
 * @param maxLength the longest text accepted (characters), 0 = the reader's cell cap only
 * @param values    the values of an {@link ColumnType#ENUM} column (empty otherwise)
 * @param example   the example row's value (a String, Number, LocalDate, LocalDateTime, Boolean or an enum code)
 * @param noteZh    the rule the instructions sheet states for this column, in Chinese (may be empty)
 * @param noteEn    the same in English
 */
public record Column(String key, String headerZh, String headerEn, ColumnType type, boolean required, int maxLength,
    List<EnumValue> values, Object example, String noteZh, String noteEn) {

  public Column {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    values = values == null ? List.of() : List.copyOf(values);
    noteZh = noteZh == null ? "" : noteZh;
    noteEn = noteEn == null ? "" : noteEn;
    if (type == ColumnType.ENUM && values.isEmpty()) {
      throw new IllegalArgumentException("enum column " + key + " has no values");
    }
  }

  /** An optional column of {@code type} without length limit, example or note: refine with {@link #mandatory}, {@link #maxLength(int)}, {@link #example(Object)} and {@link #note(String, String)}. */
  public static Column of(String key, String headerZh, String headerEn, ColumnType type) {
    return new Column(key, headerZh, headerEn, type, false, 0, List.of(), null, "", "");
  }

  /** An optional enum column. */
  public static Column ofEnum(String key, String headerZh, String headerEn, List<EnumValue> values) {
    return new Column(key, headerZh, headerEn, ColumnType.ENUM, false, 0, values, null, "", "");
  }

  public Column mandatory() {
    return new Column(key, headerZh, headerEn, type, true, maxLength, values, example, noteZh, noteEn);
  }

  public Column maxLength(int max) {
    return new Column(key, headerZh, headerEn, type, required, max, values, example, noteZh, noteEn);
  }

  public Column example(Object value) {
    return new Column(key, headerZh, headerEn, type, required, maxLength, values, value, noteZh, noteEn);
  }

  public Column note(String zh, String en) {
    return new Column(key, headerZh, headerEn, type, required, maxLength, values, example, zh, en);
  }

  /** The header in {@code lang}. */
  public String header(Lang lang) {
    return lang == Lang.EN ? headerEn : headerZh;
  }

  /** The note in {@code lang}. */
  public String note(Lang lang) {
    return lang == Lang.EN ? noteEn : noteZh;
  }
}

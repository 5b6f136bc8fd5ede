package org.gongyu.chassis.excel;

/**
 * One value of an {@link ColumnType#ENUM} column.
 *
 * @param code    the value the API takes (e.g. {@code IN_HOME})
 * @param labelZh what the Chinese template's drop-down shows (e.g. 入户家访)
 * @param labelEn what the English template's drop-down shows (e.g. Home visit)
 */
public record EnumValue(String code, String labelZh, String labelEn) {

  /** The label in the template's language. */
  public String label(Lang lang) {
    return lang == Lang.EN ? labelEn : labelZh;
  }
}

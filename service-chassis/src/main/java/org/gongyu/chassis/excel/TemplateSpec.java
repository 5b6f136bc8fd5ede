package org.gongyu.chassis.excel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An import template: which family of records it carries, its version, and its columns. The
 * template writer and the reader both work from it, so a template and what the service reads from
 * it cannot drift apart. Raise {@code version} whenever a column is added, removed or changes
 * meaning: the reader refuses workbooks of any other version (422) so that an old download cannot
 * be misread.
 *
 * @param family  the family key, as in the URL ({@code registrations}, {@code home-contacts})
 * @param version the template version, a positive number
 * @param titleZh the title in Chinese (the file name and the instructions sheet)
 * @param titleEn the title in English
 * @param columns the columns, in template order
 */
public record TemplateSpec(String family, int version, String titleZh, String titleEn, List<Column> columns) {

  public TemplateSpec {
    Objects.requireNonNull(family, "family");
    if (!family.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("family key must be kebab-case: " + family);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive");
    }
    columns = List.copyOf(columns);
    if (columns.stream().map(Column::key).distinct().count() != columns.size()) {
      throw new IllegalArgumentException("column keys must be distinct in " + family);
    }
  }

  public String title(Lang lang) {
    return lang == Lang.EN ? titleEn : titleZh;
  }

  public Optional<Column> column(String key) {
    return columns.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** The column index of {@code key} in the template, -1 if it has none. */
  public int indexOf(String key) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }
}

package org.gongyu.school;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the school tier. The calendar and time zone are the city's ({@code gongyu.calendar.*},
 * see {@code CityCalendar}).
 *
 * @param pseudonymKey      HMAC key for references of students and guardians: the first key of the
 *                          deployment, kept for good (ADR 0014)
 * @param fieldKey          key material for encrypting free text about families (at least 16
 *                          characters): the current one, which encrypts everything written
 * @param pseudonymRekeys   the keys the stored pseudonyms were re-keyed with, oldest first
 *                          ({@code GONGYU_SCHOOL_PSEUDONYM_REKEYS}, comma-separated); kept for good
 * @param previousFieldKeys field keys that still decrypt notes written before the current key, until
 *                          the key rotation has re-encrypted those notes and retired them
 */
@ConfigurationProperties("gongyu.school")
public record SchoolProperties(String pseudonymKey, String fieldKey, List<String> pseudonymRekeys, List<String> previousFieldKeys) {

  @ConstructorBinding
  public SchoolProperties {
    if (pseudonymKey == null || pseudonymKey.length() < 16) {
      throw new IllegalArgumentException("gongyu.school.pseudonym-key must be set to at least 16 characters");
    }
    if (fieldKey == null || fieldKey.length() < 16) {
      throw new IllegalArgumentException("gongyu.school.field-key must be set to at least 16 characters");
    }
    pseudonymRekeys = clean(pseudonymRekeys, "pseudonym-rekeys");
    previousFieldKeys = clean(previousFieldKeys, "previous-field-keys");
  }

  /** A deployment that has never rotated a key. */
  public SchoolProperties(String pseudonymKey, String fieldKey) {
    this(pseudonymKey, fieldKey, List.of(), List.of());
  }

  private static List<String> clean(List<String> keys, String name) {
    if (keys == null) {
      return List.of();
    }
    List<String> given = keys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    for (String k : given) {
      if (k.length() < 16) {
        throw new IllegalArgumentException("every key in gongyu.school." + name + " must have at least 16 characters");
      }
    }
    return given;
  }
}

package org.gongyu.school;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the school tier. The calendar and time zone are the city's ({@code gongyu.calendar.*},
 * see {@code CityCalendar}).
 *
 * @param pseudonymKey HMAC key for references of students and guardians
 * @param fieldKey     key material for encrypting free text about families (at least 16 characters)
 */
@ConfigurationProperties("gongyu.school")
public record SchoolProperties(String pseudonymKey, String fieldKey) {

  public SchoolProperties {
    if (pseudonymKey == null || pseudonymKey.length() < 16) {
      throw new IllegalArgumentException("gongyu.school.pseudonym-key must be set to at least 16 characters");
    }
    if (fieldKey == null || fieldKey.length() < 16) {
      throw new IllegalArgumentException("gongyu.school.field-key must be set to at least 16 characters");
    }
  }
}

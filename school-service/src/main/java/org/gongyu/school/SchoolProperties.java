package org.gongyu.school;

import java.time.ZoneId;
import org.gongyu.contracts.period.SchoolCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone          time zone in which semesters start and "today" is judged
 * @param pseudonymKey  HMAC key for platform references of students and guardians
 */
@ConfigurationProperties("gongyu.school")
public record SchoolProperties(ZoneId zone, String pseudonymKey) {

  public SchoolProperties {
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    if (pseudonymKey == null || pseudonymKey.length() < 16) {
      throw new IllegalArgumentException("gongyu.school.pseudonym-key must be set to at least 16 characters");
    }
  }

  /** The school calendar; configurable per city in a later issue. */
  public SchoolCalendar calendar() {
    return SchoolCalendar.DEFAULT;
  }
}

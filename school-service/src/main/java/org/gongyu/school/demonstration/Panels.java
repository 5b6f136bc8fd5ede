package org.gongyu.school.demonstration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessors the county put on each of this school tier's applications, mirrored from {@code
 * AssessmentPanelChanged} (highest version wins). It decides which assessors may read the
 * application's evidence attachments (ADR 0016): those who declared no conflict of interest.
 */
@Service
class Panels {

  private static final JsonMapper JSON = Programmes.JSON;

  private final JdbcClient jdbc;
  private final Clock clock;

  Panels(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores the panel unless a version at least as new is stored; an unknown or another school's application is ignored. */
  @Transactional(propagation = Propagation.MANDATORY)
  Applications.Mirrored storeIfNewer(AssessmentPanelChanged e) {
    Optional<String> school = jdbc.sql("select school_id from demonstration_application where id = ? for update")
        .param(e.applicationId()).query(String.class).optional();
    if (school.isEmpty()) {
      return Applications.Mirrored.UNKNOWN_APPLICATION;
    }
    if (!school.get().equals(e.schoolId())) {
      return Applications.Mirrored.OTHER_SCHOOL;
    }
    List<AssessmentPanelChanged.Member> members = e.members().stream()
        .map(m -> new AssessmentPanelChanged.Member(m.assessor().toLowerCase(Locale.ROOT), m.round(), m.status()))
        .toList();
    int changed = jdbc.sql("""
            insert into demonstration_panel (application_id, version, members, updated_at)
            values (?, ?, cast(? as jsonb), ?)
            on conflict (application_id) do update set version = excluded.version, members = excluded.members,
              updated_at = excluded.updated_at
            where demonstration_panel.version < excluded.version
            """)
        .params(e.applicationId(), e.version(), JSON.writeValueAsString(members), Timestamp.from(clock.instant()))
        .update();
    return changed == 0 ? Applications.Mirrored.NOT_NEWER : Applications.Mirrored.APPLIED;
  }

  /** Whether {@code username} declared no conflict on some round of the application (and so may read its evidence). */
  boolean cleared(UUID applicationId, String username) {
    if (username == null) {
      return false;
    }
    return jdbc.sql("""
            select count(*) from demonstration_panel p, jsonb_array_elements(p.members) m
            where p.application_id = ? and m ->> 'assessor' = ? and m ->> 'status' = 'CLEARED'
            """)
        .params(applicationId, username.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
  }
}

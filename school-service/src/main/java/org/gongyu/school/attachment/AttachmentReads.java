package org.gongyu.school.attachment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongyu.chassis.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends who read which attachment (or an application's list of them) to {@code attachment_read}. */
@Component
class AttachmentReads {

  private final JdbcClient jdbc;
  private final Clock clock;

  AttachmentReads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Written in its own transaction: a read is recorded even if sending the answer then fails. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void record(String schoolId, UUID applicationId, UUID attachmentId, Caller caller) {
    jdbc.sql("""
            insert into attachment_read (at, school_id, application_id, attachment_id, actor, username, roles, org_unit)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(Timestamp.from(clock.instant()), schoolId, applicationId, attachmentId, caller.subject(), caller.username(),
            caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), caller.orgUnit())
        .update();
  }
}

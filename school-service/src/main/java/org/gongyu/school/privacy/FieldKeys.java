package org.gongyu.school.privacy;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.gongyu.school.SchoolProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The retired field keys (table {@code field_key_retired}, ADR 0014). A retired key is never used
 * again: as the current key it stops the service before it starts; among the previous keys it is
 * left out, with a warning to remove it from the deployment's secrets.
 */
@Component
class FieldKeys {

  private static final Log LOG = LogFactory.getLog(FieldKeys.class);

  private final JdbcClient jdbc;

  FieldKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Set<String> retired() {
    return new HashSet<>(jdbc.sql("select trim(key_id) from field_key_retired").query(String.class).list());
  }

  /** The retired key ids, after refusing a retired current key. */
  Set<String> retiredAndChecked(SchoolProperties props) {
    Set<String> retired = retired();
    String current = KeyIds.of(props.fieldKey());
    if (retired.contains(current)) {
      throw new IllegalStateException("gongyu.school.field-key (key id " + current + ") was retired by a key rotation and is"
          + " never used again: set GONGYU_SCHOOL_FIELD_KEY to the current key");
    }
    for (String previous : props.previousFieldKeys()) {
      if (retired.contains(KeyIds.of(previous))) {
        LOG.warn("gongyu.school.previous-field-keys holds key id " + KeyIds.of(previous)
            + ", retired by a key rotation: it is not used; remove it from GONGYU_SCHOOL_PREVIOUS_FIELD_KEYS");
      }
    }
    return retired;
  }

  void retire(Collection<String> keyIds) {
    for (String id : keyIds) {
      jdbc.sql("insert into field_key_retired (key_id) values (?) on conflict do nothing").param(id).update();
    }
  }
}

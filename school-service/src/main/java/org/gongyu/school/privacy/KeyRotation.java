package org.gongyu.school.privacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.gongyu.school.SchoolProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key rotation (issue 12 item 4, ADR 0014), run by the operator with every instance of the
 * service stopped ({@code java -jar school-service.jar rotate-keys}, {@link KeyRotationCommand}).
 *
 * <ol>
 *   <li>Pseudonyms: for each re-key key not yet applied, in one transaction, every {@code
 *       student_key} and {@code guardian_key} of every table (from the catalogue) becomes {@code
 *       HMAC(new key, old pseudonym)} and the version is recorded (the registrations' key indexes,
 *       V39, follow the columns; nothing else is cut from pseudonyms). A crash rolls the version
 *       back whole; a second run finds nothing to apply.
 *   <li>Notes: every encrypted value not sealed with the current field key is decrypted with the key
 *       its header names (or any configured key, for values from before key ids) and sealed again
 *       with the current key, 500 rows per transaction: a crash leaves some rows done and the rest
 *       readable with the previous keys, and the next run goes on where it stopped.
 *   <li>When no value is left on another key, the previous field keys are recorded as retired.
 * </ol>
 *
 * An exclusive advisory lock ({@link RunningServiceLock#KEY}) keeps out running instances and a
 * second rotation.
 */
@Component
public class KeyRotation {

  private static final Log LOG = LogFactory.getLog(KeyRotation.class);
  static final int BATCH = 500;

  /** What a run did. */
  public record Report(int pseudonymVersionBefore, int pseudonymVersionAfter, long pseudonymsRekeyed, long notesResealed,
      String fieldKeyId, List<String> retiredFieldKeyIds) {}

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final SchoolProperties props;
  private final PseudonymLookup lookup;
  private final FieldCipher cipher;
  private final FieldKeys fieldKeys;

  KeyRotation(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, SchoolProperties props,
      PseudonymLookup lookup, FieldCipher cipher, FieldKeys fieldKeys) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.tx = tx;
    this.props = props;
    this.lookup = lookup;
    this.cipher = cipher;
    this.fieldKeys = fieldKeys;
  }

  /** Runs the rotation; refuses (IllegalStateException) while an instance or another rotation uses the database. */
  public Report rotate() {
    try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
      try (ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + RunningServiceLock.KEY + ")")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new IllegalStateException("an instance of school-service or another key rotation is using this database:"
              + " stop every instance of the service, then run the key rotation again");
        }
      }
      try {
        return rotateLocked();
      } finally {
        s.execute("select pg_advisory_unlock(" + RunningServiceLock.KEY + ")");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("key rotation: " + e.getMessage(), e);
    }
  }

  private Report rotateLocked() {
    List<String> chain = Pseudonymizer.chain(props);
    // read again under the lock: the applied versions as they are now, not when this context started
    int before = Pseudonymizer.appliedVersions(jdbc, chain);
    long rekeyed = 0;
    for (int version = before + 1; version <= chain.size(); version++) {
      rekeyed += rekeyPseudonyms(version, chain.get(version - 1));
    }
    long resealed = resealNotes();
    List<String> retired = new ArrayList<>();
    if (remainingOnOtherKeys() == 0) {
      for (String previous : props.previousFieldKeys()) {
        String id = KeyIds.of(previous);
        if (!id.equals(cipher.currentKeyId())) {
          retired.add(id);
        }
      }
      fieldKeys.retire(retired);
    }
    Report report = new Report(before, Pseudonymizer.appliedVersions(jdbc, chain), rekeyed, resealed, cipher.currentKeyId(),
        List.copyOf(retired));
    LOG.info("key rotation done: " + report);
    return report;
  }

  /** Version {@code version} of the pseudonyms, all tables in one transaction. */
  private long rekeyPseudonyms(int version, String key) {
    Long n = tx.execute(status -> {
      jdbc.sql("lock table pseudonym_key in exclusive mode").update();
      int applied = jdbc.sql("select coalesce(max(version), 0) from pseudonym_key").query(Integer.class).single();
      if (applied >= version) {
        return 0L; // applied meanwhile (cannot happen under the advisory lock, but costs nothing)
      }
      long rows = 0;
      for (PseudonymLookup.KeyColumn kc : lookup.keyColumns()) {
        // identifiers come from the catalogue, not from input
        List<String> schools = jdbc.sql("select distinct school_id from " + kc.table()).query(String.class).list();
        for (String school : schools) {
          List<String> old = jdbc.sql("select distinct " + kc.column() + " from " + kc.table() + " where school_id = ?")
              .param(school).query(String.class).list();
          List<String> renewed = old.stream().map(p -> Pseudonymizer.rekey(key, p)).toList();
          rows += jdbc.sql("update " + kc.table() + " t set " + kc.column() + " = m.n"
                  + " from unnest(cast(? as bpchar[]), cast(? as bpchar[])) as m(o, n)"
                  + " where t.school_id = ? and t." + kc.column() + " = m.o")
              .params(old.toArray(String[]::new), renewed.toArray(String[]::new), school).update();
        }
      }
      jdbc.sql("insert into pseudonym_key (version, key_id) values (?, ?)").params(version, KeyIds.of(key)).update();
      LOG.info("key rotation: pseudonyms re-keyed to version " + version + " (key id " + KeyIds.of(key) + "), " + rows + " values");
      return rows;
    });
    return n == null ? 0 : n;
  }

  /** A table's encrypted column. */
  record SealedColumn(String table, String column) {}

  List<SealedColumn> sealedColumns() {
    return jdbc.sql("""
            select k.table_name, k.column_name from information_schema.columns k
            join information_schema.columns s on s.table_schema = k.table_schema and s.table_name = k.table_name
              and s.column_name = 'school_id'
            join information_schema.tables t on t.table_schema = k.table_schema and t.table_name = k.table_name
              and t.table_type = 'BASE TABLE'
            where k.table_schema = current_schema() and k.data_type = 'bytea'
            order by k.table_name, k.column_name
            """)
        .query((rs, n) -> new SealedColumn(rs.getString(1), rs.getString(2)))
        .list();
  }

  private long resealNotes() {
    byte[] header = cipher.currentHeader();
    long total = 0;
    for (SealedColumn sc : sealedColumns()) {
      while (true) {
        Integer done = tx.execute(status -> {
          record Row(String ctid, String school, byte[] value) {}
          List<Row> rows = jdbc.sql("select ctid::text, school_id, " + sc.column() + " from " + sc.table()
                  + " where " + sc.column() + " is not null and substring(" + sc.column() + " from 1 for ?) <> ?"
                  + " limit " + BATCH + " for update")
              .params(header.length, header)
              .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
          for (Row r : rows) {
            byte[] resealed = cipher.encrypt(r.school(), cipher.decrypt(r.school(), r.value()));
            jdbc.sql("update " + sc.table() + " set " + sc.column() + " = ? where ctid = cast(? as tid)")
                .params(resealed, r.ctid()).update();
          }
          return rows.size();
        });
        if (done == null || done == 0) {
          break;
        }
        total += done;
        LOG.info("key rotation: " + done + " values of " + sc.table() + "." + sc.column() + " sealed with key id "
            + cipher.currentKeyId());
      }
    }
    return total;
  }

  /** Encrypted values not sealed with the current key. */
  long remainingOnOtherKeys() {
    byte[] header = cipher.currentHeader();
    long n = 0;
    for (SealedColumn sc : sealedColumns()) {
      n += jdbc.sql("select count(*) from " + sc.table() + " where " + sc.column() + " is not null and substring("
          + sc.column() + " from 1 for ?) <> ?").params(header.length, header).query(Long.class).single();
    }
    return n;
  }
}

package org.gongyu.school.privacy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.gongyu.school.SchoolProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed HMAC-SHA-256 of an external reference, scoped to the school so the same reference at two
 * schools gives unrelated keys. Every record feature stores student and guardian references only
 * through this: the platform's references are never kept, yet distinct students can be counted.
 *
 * <p>Key rotation (ADR 0014): the stored pseudonyms were derived with a chain of keys, the first
 * {@code pseudonym-key} and then each re-key key the key rotation has applied (table {@code
 * pseudonym_key}): {@code p1 = HMAC(k1, school|kind|ref)}, {@code p(n) = HMAC(kn, hex p(n-1))}. A
 * reference arriving now goes through the same chain, so it lands on the pseudonym its older
 * records carry. At start the configured keys are checked against the ids recorded for the applied
 * versions: a missing or different key stops the service instead of silently unlinking records.
 */
@Component
public class Pseudonymizer {

  private static final Log LOG = LogFactory.getLog(Pseudonymizer.class);

  /** Every configured key, the first pseudonym-key first. */
  private final List<String> configured;
  /** The keys the stored pseudonyms were derived with (a prefix of {@link #configured}). */
  private final List<String> applied;
  /** {@link #applied}, each as a keyed HMAC that {@link #pseudonym} copies per use. */
  private final List<javax.crypto.Mac> appliedMacs;

  Pseudonymizer(SchoolProperties props, JdbcClient jdbc, ObjectProvider<RunningServiceLock> running) {
    running.ifAvailable(lock -> lock.held()); // a key rotation in progress finishes first
    this.configured = chain(props);
    this.applied = configured.subList(0, appliedVersions(jdbc, configured));
    this.appliedMacs = applied.stream().map(KeyIds::mac).toList();
    if (applied.size() < configured.size()) {
      LOG.warn("gongyu.school.pseudonym-rekeys holds " + (configured.size() - applied.size())
          + " key(s) not yet applied to the stored pseudonyms; they are not used until the key rotation"
          + " (java -jar school-service.jar rotate-keys) has run");
    }
  }

  static List<String> chain(SchoolProperties props) {
    List<String> keys = new ArrayList<>();
    keys.add(props.pseudonymKey());
    keys.addAll(props.pseudonymRekeys());
    if (keys.stream().map(KeyIds::of).distinct().count() != keys.size()) {
      throw new IllegalStateException("gongyu.school.pseudonym-key and pseudonym-rekeys must all be different keys");
    }
    return List.copyOf(keys);
  }

  /**
   * How many keys of {@code chain} the stored pseudonyms were derived with, after checking that the
   * recorded ids match; a database without a record yet is recorded as derived with the first key.
   */
  static int appliedVersions(JdbcClient jdbc, List<String> chain) {
    jdbc.sql("insert into pseudonym_key (version, key_id) values (1, ?) on conflict do nothing")
        .param(KeyIds.of(chain.getFirst())).update();
    List<String> ids = jdbc.sql("select key_id from pseudonym_key order by version").query(String.class).list();
    if (ids.size() > chain.size()) {
      throw new IllegalStateException("the stored pseudonyms were re-keyed " + (ids.size() - 1) + " time(s) (key ids " + ids
          + ") but gongyu.school.pseudonym-rekeys holds only " + (chain.size() - 1)
          + " key(s): set GONGYU_SCHOOL_PSEUDONYM_REKEYS to every re-key key, oldest first");
    }
    for (int i = 0; i < ids.size(); i++) {
      String expected = ids.get(i).trim();
      if (!expected.equals(KeyIds.of(chain.get(i)))) {
        throw new IllegalStateException("pseudonym key version " + (i + 1) + " has id " + KeyIds.of(chain.get(i))
            + " but the stored pseudonyms were derived with key id " + expected + ": "
            + (i == 0 ? "GONGYU_SCHOOL_PSEUDONYM_KEY" : "entry " + i + " of GONGYU_SCHOOL_PSEUDONYM_REKEYS")
            + " is not the key this database was written with");
      }
    }
    return ids.size();
  }

  /** The key of a student's reference at a school. */
  public String student(String schoolId, String studentRef) {
    return pseudonym(schoolId, "student", studentRef);
  }

  /** The key of a guardian's reference at a school. */
  public String guardian(String schoolId, String guardianRef) {
    return pseudonym(schoolId, "guardian", guardianRef);
  }

  public String pseudonym(String schoolId, String kind, String reference) {
    String p = KeyIds.hex(KeyIds.copy(appliedMacs.getFirst())
        .doFinal((schoolId + '\u0000' + kind + '\u0000' + reference).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    for (javax.crypto.Mac key : appliedMacs.subList(1, appliedMacs.size())) {
      p = KeyIds.hex(KeyIds.copy(key).doFinal(p.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return p;
  }

  /** A stored pseudonym under the next key of the chain. */
  static String rekey(String key, String pseudonym) {
    return KeyIds.hmacHex(key, pseudonym.trim());
  }

  /** How many keys the stored pseudonyms were derived with when this service started. */
  int appliedVersions() {
    return applied.size();
  }

  /** The configured chain, applied keys first. */
  List<String> configured() {
    return configured;
  }
}

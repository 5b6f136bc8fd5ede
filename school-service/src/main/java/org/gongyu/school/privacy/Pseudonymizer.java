package org.gongyu.school.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gongyu.school.SchoolProperties;
import org.springframework.stereotype.Component;

/**
 * Keyed HMAC-SHA-256 of an external reference, scoped to the school so the same reference at two
 * schools gives unrelated keys. Every record feature stores student and guardian references only
 * through this: the platform's references are never kept, yet distinct students can be counted.
 */
@Component
public class Pseudonymizer {

  private final SecretKeySpec key;

  Pseudonymizer(SchoolProperties props) {
    this.key = new SecretKeySpec(props.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((schoolId + '\u0000' + kind + '\u0000' + reference).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}

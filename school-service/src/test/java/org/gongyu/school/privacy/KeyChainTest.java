package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gongyu.school.SchoolProperties;
import org.junit.jupiter.api.Test;

/** ADR 0014: the pseudonym key chain and key ids, without a database. */
class KeyChainTest {

  static final String K1 = "chain-test-pseudonym-key-1";
  static final String K2 = "chain-test-pseudonym-key-2";

  @Test
  void aKeyIdIsEightHexDigitsThatTellKeysApartAndRevealNothingOfTheKey() {
    assertThat(KeyIds.of(K1)).matches("[0-9a-f]{8}").isEqualTo(KeyIds.of(K1)).isNotEqualTo(KeyIds.of(K2));
    assertThat(K1).doesNotContain(KeyIds.of(K1));
  }

  @Test
  void theChainIsThePseudonymKeyThenTheRekeysInOrderEachKeyOnce() {
    assertThat(Pseudonymizer.chain(new SchoolProperties(K1, "chain-test-field-key-1", List.of(K2), List.of())))
        .containsExactly(K1, K2);
    assertThatThrownBy(() -> Pseudonymizer.chain(new SchoolProperties(K1, "chain-test-field-key-1", List.of(K2, K1), List.of())))
        .hasMessageContaining("must all be different");
    assertThatThrownBy(() -> new SchoolProperties(K1, "chain-test-field-key-1", List.of("short"), List.of()))
        .hasMessageContaining("pseudonym-rekeys");
    assertThatThrownBy(() -> new SchoolProperties(K1, "chain-test-field-key-1", List.of(), List.of("short")))
        .hasMessageContaining("previous-field-keys");
  }

  @Test
  void aRekeyedPseudonymIsTheNewKeysHmacOfTheOldOneAndIgnoresCharPadding() {
    String p1 = KeyIds.hmacHex(K1, "9901010001\u0000student\u0000STU-1");
    String p2 = Pseudonymizer.rekey(K2, p1);
    assertThat(p2).hasSize(64).isNotEqualTo(p1).isEqualTo(KeyIds.hmacHex(K2, p1)).isEqualTo(Pseudonymizer.rekey(K2, p1 + " "));
  }
}

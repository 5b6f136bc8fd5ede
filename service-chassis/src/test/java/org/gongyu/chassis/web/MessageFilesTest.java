package org.gongyu.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.gongyu.testing.MessageFiles;
import org.junit.jupiter.api.Test;

/** Every chassis message exists in English and Chinese, and the Chinese one is really translated. */
class MessageFilesTest {

  @Test
  void everyMessageIsTranslated() throws Exception {
    assertThat(MessageFiles.shortcomings(Path.of("src/main/resources"), Set.of("problem.detail.field"))).isEmpty();
  }
}

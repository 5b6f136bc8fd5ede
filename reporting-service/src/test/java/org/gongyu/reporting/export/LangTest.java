package org.gongyu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongyu.chassis.web.ApiProblem;
import org.junit.jupiter.api.Test;

class LangTest {

  @Test
  void theLangParameterWinsOverAcceptLanguage() {
    assertThat(Lang.of("en", "zh-CN")).isEqualTo(Lang.EN);
    assertThat(Lang.of("zh-CN", "en")).isEqualTo(Lang.ZH);
  }

  @Test
  void acceptLanguageDecidesInTheClientsOrderOfPreference() {
    assertThat(Lang.of(null, "en-GB,en;q=0.8")).isEqualTo(Lang.EN);
    assertThat(Lang.of(null, "fr-FR,en;q=0.5,zh;q=0.9")).isEqualTo(Lang.ZH);
    assertThat(Lang.of(null, "zh-Hans-CN")).isEqualTo(Lang.ZH);
  }

  @Test
  void withoutEitherOrWithNeitherLanguageItIsChinese() {
    assertThat(Lang.of(null, null)).isEqualTo(Lang.ZH);
    assertThat(Lang.of("", "fr, de")).isEqualTo(Lang.ZH);
    assertThat(Lang.of(null, ";;;not a header")).isEqualTo(Lang.ZH);
  }

  @Test
  void anUnknownLangIsABadRequest() {
    assertThatThrownBy(() -> Lang.of("fr", null)).isInstanceOf(ApiProblem.class);
  }
}

package org.gongyu.chassis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings that domain checks word in English (e.g. {@code "openedOn: 2027-01-01 is in the future"}),
 * as {@link Msg}s, so that a problem's {@code errors[]} can be written in the request's language
 * without threading message codes through every check. Each known wording is a pattern whose
 * groups become the arguments of a message code whose English text is that same wording (a test
 * per service holds them equal); a finding no pattern matches stays as written.
 */
public final class Wordings {

  private record Wording(Pattern pattern, Function<Matcher, Msg> msg) {}

  private final List<Wording> wordings = new ArrayList<>();

  /** A wording whose groups, in order, are the arguments of {@code code}. */
  public Wordings when(String regex, String code) {
    return when(regex, m -> {
      Object[] args = new Object[m.groupCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = m.group(i + 1);
      }
      return Msg.msg(code, args);
    });
  }

  /** A wording whose message is built from the match (e.g. when a group is itself to be translated). */
  public Wordings when(String regex, Function<Matcher, Msg> msg) {
    wordings.add(new Wording(Pattern.compile(regex), msg));
    return this;
  }

  /** The finding in words of either language; as written when no wording matches. */
  public Msg of(String finding) {
    for (Wording w : wordings) {
      Matcher m = w.pattern().matcher(finding);
      if (m.matches()) {
        return w.msg().apply(m);
      }
    }
    return Msg.verbatim(finding);
  }

  /** {@link #of(String)} for each finding. */
  public List<Msg> of(List<String> findings) {
    return findings.stream().map(this::of).toList();
  }
}

package org.gongyu.chassis.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text for a person, by message code and arguments, resolved in the language of the request
 * ({@code Accept-Language}: zh-CN or en) from the service's {@code messages*.properties} and the
 * chassis' {@code chassis-messages*.properties}.
 *
 * <p>Arguments are turned into text before formatting (ids stay {@code 9901010001}, never
 * {@code 9,901,010,001}); an argument that is itself a {@code Msg} is resolved in the same
 * language, and {@link #joined} lists several in the language's manner. English messages use
 * {@link java.text.MessageFormat}: a literal apostrophe is written {@code ''}.
 *
 * @param code the message code
 * @param args the arguments ({@code {0}}, {@code {1}}, ...)
 */
public record Msg(String code, Object... args) implements MessageSourceResolvable {

  public Msg {
    args = args == null ? new Object[0] : args.clone();
  }

  /** A message by code. */
  public static Msg msg(String code, Object... args) {
    return new Msg(code, args);
  }

  /**
   * Texts that are not (yet) translated, such as rule findings composed by domain code: shown as
   * they are in every language.
   */
  public static Msg verbatim(String text) {
    return new Msg(null, text);
  }

  /** Several texts or messages, each resolved, joined with "; " (English) or "；" (Chinese). */
  public static Joined joined(List<?> parts) {
    return new Joined(List.copyOf(parts));
  }

  /** Several texts or messages, each resolved, listed with ", " (English) or "、" (Chinese). */
  public static Joined listed(List<?> parts) {
    return new Joined(List.copyOf(parts), true);
  }

  /** See {@link #joined(List)} and {@link #listed(List)}. */
  public record Joined(List<?> parts, boolean comma) {

    public Joined(List<?> parts) {
      this(parts, false);
    }
  }

  @Override
  public String[] getCodes() {
    return code == null ? null : new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return args.clone();
  }

  @Override
  public String getDefaultMessage() {
    return code == null ? String.valueOf(args[0]) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Msg m && java.util.Objects.equals(code, m.code) && Arrays.equals(args, m.args);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hashCode(code) + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return code == null ? String.valueOf(args[0]) : code + Arrays.toString(args);
  }
}

package org.gongyu.chassis.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * How every text field of a request body is read: only a JSON string is text (a number or a
 * boolean sent where text is expected is refused, not turned into {@code "12"} or {@code "true"}),
 * and a text may not hold control characters (NUL and the other C0/C1 controls, DEL) other than tab,
 * line feed and carriage return, nor an unpaired surrogate. Such input cannot be stored faithfully
 * (PostgreSQL refuses NUL in text), is never what a person typed, and hides data from the
 * personal-data checks; refused at the door, it is a 400 naming the field ({@link TextInputProblems})
 * instead of a 500 deep inside.
 */
public final class TextInput {

  private TextInput() {}

  /** The Jackson module that replaces the plain string reader for every {@code String} target. */
  public static SimpleModule module() {
    return new SimpleModule("gongyu-text-input").addDeserializer(String.class, new Reader());
  }

  /** The first character of {@code text} a text field may not hold, or -1 when there is none. */
  public static int firstForbidden(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return c;
      }
      if (Character.isLowSurrogate(c)) {
        return c;
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
        return c;
      }
    }
    return -1;
  }

  /** A refused text; the path to the field is added by Jackson as the exception travels out. */
  public static final class Refused extends MismatchedInputException {
    private final Integer codePoint;
    private final String sentKind;

    Refused(JsonParser p, Integer codePoint, String sentKind) {
      super(p, codePoint != null
          ? String.format("text contains the control character U+%04X", codePoint)
          : "expected text (a JSON string), got " + sentKind);
      this.codePoint = codePoint;
      this.sentKind = sentKind;
      setTargetType(null);
    }

    /** The control character found, or null when the value was not text at all. */
    public Integer codePoint() {
      return codePoint;
    }

    /** {@code number}, {@code boolean}, {@code object} or {@code array} when the value was not text. */
    public String sentKind() {
      return sentKind;
    }
  }

  static final class Reader extends StdScalarDeserializer<String> {
    Reader() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_STRING) {
        String text = p.getString();
        int bad = firstForbidden(text);
        if (bad >= 0) {
          throw new Refused(p, bad, null);
        }
        return text;
      }
      String kind = switch (t) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
        case VALUE_TRUE, VALUE_FALSE -> "boolean";
        case START_ARRAY -> "array";
        case START_OBJECT, PROPERTY_NAME -> "object";
        default -> String.valueOf(t);
      };
      throw new Refused(p, null, kind);
    }
  }
}

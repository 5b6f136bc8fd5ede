package org.gongyu.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A PromQL parser for the checks of the committed alert rules and dashboard (no promtool on this
 * machine and no PromQL parser among the Java packages served here). It follows the grammar of
 * Prometheus' own parser: literals, selectors with matchers, range vectors and subqueries, offset
 * and @, aggregations with by/without before or after the arguments, the binary operators with
 * their precedence (^ right-associative) and bool/on/ignoring/group_left/group_right, and function
 * calls; and it checks types as Prometheus does (rate() wants a range vector, a comparison of two
 * scalars needs bool, set operators want vectors, a range only follows a selector). Functions are
 * those of Prometheus 3; an unknown one is an error. {@link #parse} answers the metric names the
 * expression selects.
 */
final class PromQl {

  enum Type { SCALAR, STRING, VECTOR, MATRIX }

  static final class ParseException extends RuntimeException {
    ParseException(String message) {
      super(message);
    }
  }

  /** What an expression gives and the metric names it selects. */
  record Parsed(Type type, Set<String> metrics) {}

  /** Parses {@code expr} and checks its types agree; throws {@link ParseException} naming what is wrong. */
  static Parsed parse(String expr) {
    PromQl p = new PromQl(expr);
    Type t = p.expr(0);
    if (p.peek().kind != Kind.EOF) {
      throw p.error("unexpected " + p.peek());
    }
    return new Parsed(t, Set.copyOf(p.metrics));
  }

  /** Grafana's interval macros stand for a duration; anything else Grafana substitutes must sit in a string. */
  static String withGrafanaMacros(String expr) {
    return expr.replaceAll("\\$__(rate_interval|interval|range)\\b", "5m");
  }

  // ---- lexer

  private enum Kind { IDENT, NUMBER, DURATION, STRING, OP, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, COLON, AT, EOF }

  private record Token(Kind kind, String text, int pos) {
    @Override
    public String toString() {
      return kind == Kind.EOF ? "end of expression" : "'" + text + "' at " + pos;
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
  private static final Set<String> KEYWORD_OPS = Set.of("and", "or", "unless", "atan2");
  private static final Set<String> AGGREGATIONS = Set.of(
      "sum", "avg", "min", "max", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
      "limitk", "limit_ratio");
  private static final Set<String> AGG_WITH_PARAM = Set.of("topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio");

  private record Fn(List<Type> args, int optional, boolean variadic, Type returns) {}

  private static final Map<String, Fn> FUNCTIONS = functions();

  private static Map<String, Fn> functions() {
    Map<String, Fn> f = new java.util.HashMap<>();
    Type v = Type.VECTOR;
    Type m = Type.MATRIX;
    Type s = Type.SCALAR;
    Type str = Type.STRING;
    for (String name : List.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "acos", "acosh", "asin",
        "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad", "absent", "timestamp",
        "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar")) {
      f.put(name, new Fn(List.of(v), 0, false, v));
    }
    for (String name : List.of("rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets", "absent_over_time",
        "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "stddev_over_time",
        "stdvar_over_time", "last_over_time", "present_over_time", "mad_over_time")) {
      f.put(name, new Fn(List.of(m), 0, false, v));
    }
    f.put("quantile_over_time", new Fn(List.of(s, m), 0, false, v));
    f.put("predict_linear", new Fn(List.of(m, s), 0, false, v));
    f.put("holt_winters", new Fn(List.of(m, s, s), 0, false, v));
    f.put("double_exponential_smoothing", new Fn(List.of(m, s, s), 0, false, v));
    f.put("histogram_quantile", new Fn(List.of(s, v), 0, false, v));
    f.put("histogram_fraction", new Fn(List.of(s, s, v), 0, false, v));
    f.put("clamp", new Fn(List.of(v, s, s), 0, false, v));
    f.put("clamp_min", new Fn(List.of(v, s), 0, false, v));
    f.put("clamp_max", new Fn(List.of(v, s), 0, false, v));
    f.put("round", new Fn(List.of(v, s), 1, false, v));
    f.put("scalar", new Fn(List.of(v), 0, false, s));
    f.put("vector", new Fn(List.of(s), 0, false, v));
    f.put("time", new Fn(List.of(), 0, false, s));
    f.put("pi", new Fn(List.of(), 0, false, s));
    for (String name : List.of("minute", "hour", "day_of_week", "day_of_month", "day_of_year", "days_in_month", "month", "year")) {
      f.put(name, new Fn(List.of(v), 1, false, v));
    }
    f.put("label_replace", new Fn(List.of(v, str, str, str, str), 0, false, v));
    f.put("label_join", new Fn(List.of(v, str, str, str), 0, true, v));
    f.put("sort", new Fn(List.of(v), 0, false, v));
    f.put("sort_desc", new Fn(List.of(v), 0, false, v));
    f.put("sort_by_label", new Fn(List.of(v, str), 0, true, v));
    f.put("sort_by_label_desc", new Fn(List.of(v, str), 0, true, v));
    return Map.copyOf(f);
  }

  private final String src;
  private final List<Token> tokens;
  private int at;
  private final Set<String> metrics = new TreeSet<>();

  private PromQl(String src) {
    this.src = src;
    this.tokens = lex(src);
  }

  private List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        int start = i++;
        StringBuilder text = new StringBuilder();
        while (true) {
          if (i >= s.length()) {
            throw new ParseException("unterminated string at " + start + " in: " + s);
          }
          char d = s.charAt(i);
          if (d == c) {
            i++;
            break;
          }
          if (d == '\\' && c != '`') {
            if (i + 1 >= s.length()) {
              throw new ParseException("unterminated string at " + start + " in: " + s);
            }
            char e = s.charAt(i + 1);
            if ("abfnrtv\\\"'".indexOf(e) < 0 && !Character.isDigit(e) && e != 'x' && e != 'u' && e != 'U') {
              throw new ParseException("unknown escape \\" + e + " at " + i + " in: " + s);
            }
            text.append(d).append(e);
            i += 2;
            continue;
          }
          if (d == '\n' && c != '`') {
            throw new ParseException("newline in string at " + i + " in: " + s);
          }
          text.append(d);
          i++;
        }
        out.add(new Token(Kind.STRING, text.toString(), start));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
            || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                && !s.substring(start, i).startsWith("0x")))) {
          i++;
        }
        String text = s.substring(start, i);
        if (DURATION.matcher(text).matches()) {
          out.add(new Token(Kind.DURATION, text, start));
        } else {
          try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
              Long.parseLong(text.substring(2), 16);
            } else {
              Double.parseDouble(text);
            }
          } catch (NumberFormatException e) {
            throw new ParseException("bad number or duration '" + text + "' at " + start + " in: " + s);
          }
          out.add(new Token(Kind.NUMBER, text, start));
        }
      } else if (c == ':' && !out.isEmpty() && out.getLast().kind == Kind.DURATION) {
        out.add(new Token(Kind.COLON, ":", i)); // a subquery's [range:step]
        i++;
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) {
          i++;
        }
        String text = s.substring(start, i);
        if (KEYWORD_OPS.contains(text.toLowerCase(java.util.Locale.ROOT))) {
          out.add(new Token(Kind.OP, text.toLowerCase(java.util.Locale.ROOT), start));
        } else if (text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("nan")) {
          out.add(new Token(Kind.NUMBER, text, start));
        } else {
          out.add(new Token(Kind.IDENT, text, start));
        }
      } else {
        int start = i;
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        switch (two) {
          case "==", "!=", "<=", ">=", "=~", "!~" -> {
            out.add(new Token(Kind.OP, two, start));
            i += 2;
            continue;
          }
          default -> { }
        }
        Kind k = switch (c) {
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case '{' -> Kind.LBRACE;
          case '}' -> Kind.RBRACE;
          case '[' -> Kind.LBRACKET;
          case ']' -> Kind.RBRACKET;
          case ',' -> Kind.COMMA;
          case '@' -> Kind.AT;
          case '+', '-', '*', '/', '%', '^', '<', '>', '=' -> Kind.OP;
          default -> throw new ParseException("unexpected character '" + c + "' at " + i + " in: " + s);
        };
        out.add(new Token(k, String.valueOf(c), start));
        i++;
      }
    }
    out.add(new Token(Kind.EOF, "", s.length()));
    return out;
  }

  // ---- parser

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    return tokens.get(at++);
  }

  private boolean accept(Kind kind, String text) {
    Token t = peek();
    if (t.kind == kind && (text == null || t.text.equals(text))) {
      at++;
      return true;
    }
    return false;
  }

  private Token expect(Kind kind, String what) {
    Token t = next();
    if (t.kind != kind) {
      throw error("expected " + what + " but found " + t);
    }
    return t;
  }

  private ParseException error(String message) {
    return new ParseException(message + " in: " + src);
  }

  private static int precedence(String op) {
    return switch (op) {
      case "or" -> 1;
      case "and", "unless" -> 2;
      case "==", "!=", "<=", "<", ">=", ">" -> 3;
      case "+", "-" -> 4;
      case "*", "/", "%", "atan2" -> 5;
      case "^" -> 6;
      default -> -1;
    };
  }

  private static boolean comparison(String op) {
    return precedence(op) == 3;
  }

  private static boolean setOp(String op) {
    return op.equals("and") || op.equals("or") || op.equals("unless");
  }

  private Type expr(int minPrecedence) {
    Type left = unary();
    while (true) {
      Token t = peek();
      if (t.kind != Kind.OP || precedence(t.text) < 0 || precedence(t.text) < minPrecedence) {
        return left;
      }
      String op = next().text;
      int prec = precedence(op);
      modifiers(op);
      Type right = expr(op.equals("^") ? prec : prec + 1);
      left = binaryResult(op, left, right, lastBool);
    }
  }

  private boolean lastBool;

  /** The modifiers after a binary operator: bool, on/ignoring (labels), group_left/group_right (labels). */
  private void modifiers(String op) {
    lastBool = false;
    if (peek().kind == Kind.IDENT && peek().text.equals("bool")) {
      if (!comparison(op)) {
        throw error("bool only modifies a comparison, not '" + op + "'");
      }
      next();
      lastBool = true;
    }
    if (peek().kind == Kind.IDENT && (peek().text.equals("on") || peek().text.equals("ignoring"))) {
      next();
      labelList();
      if (peek().kind == Kind.IDENT && (peek().text.equals("group_left") || peek().text.equals("group_right"))) {
        if (setOp(op)) {
          throw error("no grouping modifier with the set operator '" + op + "'");
        }
        next();
        if (peek().kind == Kind.LPAREN) {
          labelList();
        }
      }
    }
  }

  private Type binaryResult(String op, Type left, Type right, boolean bool) {
    for (Type t : List.of(left, right)) {
      if (t != Type.SCALAR && t != Type.VECTOR) {
        throw error("binary '" + op + "' on a " + t.name().toLowerCase(java.util.Locale.ROOT) + " (only scalars and instant vectors)");
      }
    }
    if (setOp(op) && (left != Type.VECTOR || right != Type.VECTOR)) {
      throw error("'" + op + "' is defined between instant vectors only");
    }
    if (comparison(op) && left == Type.SCALAR && right == Type.SCALAR && !bool) {
      throw error("a comparison between scalars needs bool");
    }
    return left == Type.VECTOR || right == Type.VECTOR ? Type.VECTOR : Type.SCALAR;
  }

  private Type unary() {
    if (peek().kind == Kind.OP && (peek().text.equals("-") || peek().text.equals("+"))) {
      next();
      Type t = unary();
      if (t != Type.SCALAR && t != Type.VECTOR) {
        throw error("unary minus on a " + t);
      }
      return t;
    }
    return postfix(primary());
  }

  private Type postfix(Type t) {
    while (true) {
      if (peek().kind == Kind.LBRACKET) {
        boolean selector = lastWasSelector;
        next();
        duration("range");
        if (accept(Kind.COLON, null)) {
          if (t != Type.VECTOR) {
            throw error("a subquery needs an instant vector");
          }
          if (peek().kind == Kind.DURATION) {
            duration("subquery step");
          }
        } else if (!selector || t != Type.VECTOR) {
          throw error("a range only follows a vector selector (use a subquery [range:step] for an expression)");
        }
        expect(Kind.RBRACKET, "]");
        t = Type.MATRIX;
        lastWasSelector = false;
      } else if (peek().kind == Kind.IDENT && peek().text.equals("offset")) {
        next();
        accept(Kind.OP, "-");
        duration("offset");
      } else if (accept(Kind.AT, null)) {
        if (peek().kind == Kind.IDENT && (peek().text.equals("start") || peek().text.equals("end"))) {
          next();
          expect(Kind.LPAREN, "(");
          expect(Kind.RPAREN, ")");
        } else {
          accept(Kind.OP, "-");
          expect(Kind.NUMBER, "a timestamp after @");
        }
      } else {
        return t;
      }
    }
  }

  private void duration(String what) {
    Token t = next();
    if (t.kind != Kind.DURATION) {
      throw error("expected a duration (e.g. 5m) as the " + what + " but found " + t);
    }
    if (!validDuration(t.text)) {
      throw error("units out of order in duration '" + t.text + "'");
    }
  }

  private static final Pattern ORDERED = Pattern.compile("(\\d+y)?(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");

  static boolean validDuration(String d) {
    return !d.isEmpty() && ORDERED.matcher(d).matches() && !d.matches("0+(ms|s|m|h|d|w|y)");
  }

  private boolean lastWasSelector;

  private Type primary() {
    lastWasSelector = false;
    Token t = next();
    switch (t.kind) {
      case NUMBER -> {
        return Type.SCALAR;
      }
      case STRING -> {
        return Type.STRING;
      }
      case LPAREN -> {
        Type inner = expr(0);
        expect(Kind.RPAREN, ")");
        lastWasSelector = false; // (foo)[5m] is refused, as by Prometheus
        return inner;
      }
      case LBRACE -> {
        at--;
        selector(null);
        return Type.VECTOR;
      }
      case IDENT -> {
        String name = t.text;
        if (AGGREGATIONS.contains(name) && (peek().kind == Kind.LPAREN
            || (peek().kind == Kind.IDENT && (peek().text.equals("by") || peek().text.equals("without"))))) {
          Type result = aggregation(name);
          lastWasSelector = false;
          return result;
        }
        if (peek().kind == Kind.LPAREN) {
          Type result = call(name);
          lastWasSelector = false;
          return result;
        }
        selector(name);
        return Type.VECTOR;
      }
      default -> throw error("unexpected " + t);
    }
  }

  private Type aggregation(String name) {
    boolean grouped = false;
    if (peek().kind == Kind.IDENT && (peek().text.equals("by") || peek().text.equals("without"))) {
      next();
      labelList();
      grouped = true;
    }
    expect(Kind.LPAREN, "( after " + name);
    if (AGG_WITH_PARAM.contains(name)) {
      Type param = expr(0);
      Type wanted = name.equals("count_values") ? Type.STRING : Type.SCALAR;
      if (param != wanted) {
        throw error(name + "'s parameter must be a " + wanted.name().toLowerCase(java.util.Locale.ROOT));
      }
      expect(Kind.COMMA, ", after " + name + "'s parameter");
    }
    Type arg = expr(0);
    if (arg != Type.VECTOR) {
      throw error(name + "() aggregates an instant vector, not a " + arg.name().toLowerCase(java.util.Locale.ROOT));
    }
    expect(Kind.RPAREN, ") closing " + name);
    if (peek().kind == Kind.IDENT && (peek().text.equals("by") || peek().text.equals("without"))) {
      if (grouped) {
        throw error(name + " grouped twice");
      }
      next();
      labelList();
    }
    return Type.VECTOR;
  }

  private Type call(String name) {
    Fn fn = FUNCTIONS.get(name);
    if (fn == null) {
      throw error("unknown function " + name + "()");
    }
    expect(Kind.LPAREN, "(");
    List<Type> args = new ArrayList<>();
    if (peek().kind != Kind.RPAREN) {
      do {
        args.add(expr(0));
      } while (accept(Kind.COMMA, null));
    }
    expect(Kind.RPAREN, ") closing " + name + "()");
    int min = fn.args.size() - fn.optional;
    if (args.size() < min || (!fn.variadic && args.size() > fn.args.size())) {
      throw error(name + "() takes " + (fn.optional > 0 ? min + " to " : "") + fn.args.size() + " arguments, not " + args.size());
    }
    for (int i = 0; i < args.size(); i++) {
      Type wanted = fn.args.get(Math.min(i, fn.args.size() - 1));
      if (args.get(i) != wanted) {
        throw error(name + "() argument " + (i + 1) + " must be a " + describe(wanted) + ", not a " + describe(args.get(i)));
      }
    }
    return fn.returns;
  }

  private static String describe(Type t) {
    return switch (t) {
      case MATRIX -> "range vector";
      case VECTOR -> "instant vector";
      case SCALAR -> "scalar";
      case STRING -> "string";
    };
  }

  private void selector(String name) {
    boolean named = name != null;
    if (named) {
      metrics.add(name);
    }
    boolean nonEmptyMatcher = false;
    if (accept(Kind.LBRACE, null)) {
      if (peek().kind != Kind.RBRACE) {
        do {
          if (peek().kind == Kind.RBRACE) {
            break; // a trailing comma
          }
          Token label = next();
          if (label.kind != Kind.IDENT && label.kind != Kind.STRING) {
            throw error("expected a label name but found " + label);
          }
          if (label.kind == Kind.IDENT && !label.text.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw error("bad label name '" + label.text + "'");
          }
          Token op = next();
          if (op.kind != Kind.OP || !Set.of("=", "!=", "=~", "!~").contains(op.text)) {
            throw error("expected =, !=, =~ or !~ after " + label.text + " but found " + op);
          }
          Token value = expect(Kind.STRING, "a quoted label value");
          if (op.text.endsWith("~")) {
            try {
              Pattern.compile(value.text);
            } catch (PatternSyntaxException e) {
              throw error("bad regular expression \"" + value.text + "\": " + e.getDescription());
            }
          }
          if (label.text.equals("__name__")) {
            if (named) {
              throw error("metric name given twice");
            }
            if (op.text.equals("=")) {
              metrics.add(value.text);
            }
          }
          boolean matchesEmpty = switch (op.text) {
            case "=" -> value.text.isEmpty();
            case "!=" -> !value.text.isEmpty();
            case "=~" -> "".matches("(?:" + value.text + ")");
            default -> !"".matches("(?:" + value.text + ")");
          };
          nonEmptyMatcher |= !matchesEmpty;
        } while (accept(Kind.COMMA, null));
      }
      expect(Kind.RBRACE, "} closing the matchers");
      if (!named && !nonEmptyMatcher) {
        throw error("a selector needs a metric name or a matcher that does not match the empty string");
      }
    }
    lastWasSelector = true;
  }

  private void labelList() {
    expect(Kind.LPAREN, "( before the label list");
    if (peek().kind != Kind.RPAREN) {
      do {
        if (peek().kind == Kind.RPAREN) {
          break;
        }
        Token label = next();
        if (label.kind != Kind.IDENT || !label.text.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
          throw error("expected a label name but found " + label);
        }
      } while (accept(Kind.COMMA, null));
    }
    expect(Kind.RPAREN, ") closing the label list");
  }
}

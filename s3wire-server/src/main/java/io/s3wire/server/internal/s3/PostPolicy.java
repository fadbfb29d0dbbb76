package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.fault.MiniJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy document of a browser-form POST: its expiration and its conditions, parsed from the
 * base64 JSON of the {@code policy} field and checked against the form as S3 checks them.
 *
 * <p>Condition field names are case-insensitive (they name form fields, which are); values and the
 * condition operators are not. A policy that cannot be parsed is InvalidPolicyDocument; a form it
 * refuses is AccessDenied "Invalid according to Policy: ..."; a file outside content-length-range is
 * EntityTooLarge or EntityTooSmall ({@link #checkSize}).
 */
final class PostPolicy {
  /** The form fields a policy need not mention (S3's list; SigV2's signing fields among them). */
  private static final Set<String> EXEMPT = Set.of("x-amz-signature", "file", "policy", "awsaccesskeyid", "signature");

  enum Kind { EQ, STARTS_WITH, RANGE }

  /**
   * One condition: {@code field} is the lower-case form field name (no {@code $}); {@code min} and
   * {@code max} are for content-length-range; {@code text} is the condition as error messages show it.
   */
  record Condition(Kind kind, String field, String value, long min, long max, String text) {}

  private final Instant expiration;
  private final List<Condition> conditions;

  private PostPolicy(Instant expiration, List<Condition> conditions) {
    this.expiration = expiration;
    this.conditions = conditions;
  }

  List<Condition> conditions() {
    return conditions;
  }

  /** Parses the {@code policy} field; InvalidPolicyDocument for what is not a policy. */
  static PostPolicy parse(String base64) {
    String json;
    try {
      json = new String(Base64.getMimeDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("Invalid Policy: Invalid Base64 encoding.");
    }
    Object doc;
    try {
      doc = MiniJson.parse(json);
    } catch (IllegalArgumentException e) {
      throw invalid("Invalid Policy: Invalid JSON.");
    }
    if (!(doc instanceof Map<?, ?> top)) {
      throw invalid("Invalid Policy: Invalid JSON.");
    }
    Object exp = top.get("expiration");
    if (exp == null) {
      throw invalid("Invalid Policy: Policy missing expiration.");
    }
    Instant expiration;
    try {
      expiration = Instant.parse(String.valueOf(exp));
    } catch (DateTimeParseException e) {
      throw invalid("Invalid Policy: Invalid 'expiration' value: '" + exp + "'");
    }
    if (!(exp instanceof String)) {
      throw invalid("Invalid Policy: Invalid 'expiration' value: '" + exp + "'");
    }
    Object conds = top.get("conditions");
    if (conds == null) {
      throw invalid("Invalid Policy: Policy missing conditions.");
    }
    if (!(conds instanceof List<?> list)) {
      throw invalid("Invalid Policy: Invalid 'conditions' value.");
    }
    List<Condition> out = new ArrayList<>();
    for (Object c : list) {
      out.add(condition(c));
    }
    return new PostPolicy(expiration, List.copyOf(out));
  }

  private static Condition condition(Object c) {
    if (c instanceof Map<?, ?> simple) {
      if (simple.size() != 1) {
        throw invalid("Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
      }
      Map.Entry<?, ?> e = simple.entrySet().iterator().next();
      String name = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof String value)) {
        throw invalid("Invalid Policy: Invalid Simple-Condition: value must be a string.");
      }
      return new Condition(Kind.EQ, name.toLowerCase(Locale.ROOT), value, 0, 0, render("eq", "$" + name, value));
    }
    if (!(c instanceof List<?> parts) || parts.isEmpty() || !(parts.get(0) instanceof String op)) {
      throw invalid("Invalid Policy: Invalid Condition: each condition is an object or an array.");
    }
    switch (op) {
      case "eq", "starts-with" -> {
        if (parts.size() != 3 || !(parts.get(1) instanceof String field) || !(parts.get(2) instanceof String value)) {
          throw invalid("Invalid Policy: Invalid '" + op + "' condition: expected [\"" + op + "\", \"$field\", \"value\"].");
        }
        if (!field.startsWith("$") || field.length() < 2) {
          throw invalid("Invalid Policy: Invalid '" + op + "' condition: the field name must start with '$'.");
        }
        return new Condition(op.equals("eq") ? Kind.EQ : Kind.STARTS_WITH, field.substring(1).toLowerCase(Locale.ROOT),
            value, 0, 0, render(op, field, value));
      }
      case "content-length-range" -> {
        if (parts.size() != 3) {
          throw invalid("Invalid Policy: Invalid content-length-range condition: expected [\"content-length-range\", min, max].");
        }
        long min = length(parts.get(1));
        long max = length(parts.get(2));
        if (min > max) {
          throw invalid("Invalid Policy: Invalid content-length-range condition: the minimum exceeds the maximum.");
        }
        return new Condition(Kind.RANGE, "content-length", null, min, max,
            "[\"content-length-range\", " + min + ", " + max + "]");
      }
      default -> throw invalid("Invalid Policy: Invalid Condition: unknown condition type '" + op + "'.");
    }
  }

  private static long length(Object v) {
    try {
      long n = v instanceof Long l ? l : v instanceof String s ? Long.parseLong(s.trim()) : -1;
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw invalid("Invalid Policy: Invalid content-length-range condition: bounds must be non-negative integers.");
  }

  /** AccessDenied "Policy expired." once the server's clock is past the expiration. */
  void checkExpiration(Instant now) {
    if (now.isAfter(expiration)) {
      throw denied("Policy expired.");
    }
  }

  /**
   * Checks every condition but content-length-range against the form, then that every form field is
   * covered by a condition. {@code fields} holds the form's fields by lower-case name; the bucket is
   * the one addressed and {@code key} the key after {@code ${filename}} substitution.
   */
  void check(Map<String, String> fields, String bucket, String key) {
    Set<String> covered = new TreeSet<>();
    for (Condition c : conditions) {
      if (c.kind() == Kind.RANGE) {
        continue;
      }
      covered.add(c.field());
      String actual = c.field().equals("bucket") ? bucket : c.field().equals("key") ? key : fields.get(c.field());
      if (!holds(c, actual)) {
        throw denied("Policy Condition failed: " + c.text());
      }
    }
    List<String> extra = new ArrayList<>();
    for (String name : fields.keySet()) {
      if (!covered.contains(name) && !EXEMPT.contains(name) && !name.startsWith("x-ignore-")) {
        extra.add(name);
      }
    }
    if (!extra.isEmpty()) {
      throw denied("Extra input fields: " + String.join(", ", extra));
    }
  }

  private static boolean holds(Condition c, String actual) {
    if (c.kind() == Kind.EQ) {
      return c.value().equals(actual == null ? "" : actual);
    }
    if (actual == null) {
      return c.value().isEmpty();
    }
    if (c.field().equals("content-type")) {
      // S3 checks each of several comma-separated content types against the prefix.
      for (String type : actual.split(",", -1)) {
        if (!type.trim().startsWith(c.value())) {
          return false;
        }
      }
      return true;
    }
    return actual.startsWith(c.value());
  }

  /** The content-length-range bounds, intersected when the policy has several; {@code null} without one. */
  long[] sizeRange() {
    long[] range = null;
    for (Condition c : conditions) {
      if (c.kind() == Kind.RANGE) {
        range = range == null ? new long[] {c.min(), c.max()}
            : new long[] {Math.max(range[0], c.min()), Math.min(range[1], c.max())};
      }
    }
    return range;
  }

  static S3ErrorException denied(String why) {
    return new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Invalid according to Policy: " + why);
  }

  private static S3ErrorException invalid(String message) {
    return new S3ErrorException(S3ErrorCode.INVALID_POLICY_DOCUMENT, message);
  }

  private static String render(String op, String field, String value) {
    return "[\"" + op + "\", \"" + jsonEscape(field) + "\", \"" + jsonEscape(value) + "\"]";
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}

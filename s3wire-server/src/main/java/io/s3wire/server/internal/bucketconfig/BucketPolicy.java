package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.fault.MiniJson;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bucket policy: a JSON document checked for the structure S3 checks (a JSON object, a known
 * Version, statements with Effect, a principal, an action and a resource) and stored as given.
 * Policies are never evaluated here: they grant and deny nothing.
 */
public final class BucketPolicy {
  /** S3's limit on a bucket policy's size. */
  static final int MAX_BYTES = 20 * 1024;
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

  private BucketPolicy() {}

  /** Validates a PutBucketPolicy body; returns the document to store (the body itself). */
  public static byte[] validate(byte[] body) {
    if (body.length > MAX_BYTES) {
      throw malformed("Policy exceeds the maximum allowed document size.");
    }
    Map<?, ?> policy = parse(body);
    Object version = policy.get("Version");
    if (version != null && !VERSIONS.contains(version)) {
      throw malformed("The policy must contain a valid version string");
    }
    Object statements = policy.get("Statement");
    if (statements == null) {
      throw malformed("Missing required field Statement");
    }
    List<?> list = statements instanceof List<?> l ? l : List.of(statements);
    if (list.isEmpty()) {
      throw malformed("Missing required field Statement");
    }
    for (Object s : list) {
      if (!(s instanceof Map<?, ?> st)) {
        throw malformed(S3ErrorCode.MALFORMED_POLICY.message());
      }
      Object effect = st.get("Effect");
      if (effect == null) {
        throw malformed("Missing required field Effect");
      }
      if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
        throw malformed("Invalid effect: " + effect);
      }
      require(st, "Principal", "NotPrincipal");
      require(st, "Action", "NotAction");
      require(st, "Resource", "NotResource");
    }
    return body;
  }

  /**
   * Whether a stored policy makes the bucket public as GetBucketPolicyStatus reports it: some
   * statement allows every principal ({@code "*"} or {@code {"AWS": "*"}}) without a condition.
   */
  public static boolean isPublic(byte[] stored) {
    Object statements = parse(stored).get("Statement");
    List<?> list = statements instanceof List<?> l ? l : List.of(statements);
    for (Object s : list) {
      if (s instanceof Map<?, ?> st && "Allow".equals(st.get("Effect")) && st.get("Condition") == null
          && everyone(st.get("Principal"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean everyone(Object principal) {
    if ("*".equals(principal)) {
      return true;
    }
    if (principal instanceof Map<?, ?> m) {
      Object aws = m.get("AWS");
      return "*".equals(aws) || aws instanceof List<?> l && l.contains("*");
    }
    return false;
  }

  private static void require(Map<?, ?> statement, String field, String negated) {
    if (statement.get(field) == null && statement.get(negated) == null) {
      throw malformed("Missing required field " + field);
    }
  }

  private static Map<?, ?> parse(byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw malformed(S3ErrorCode.MALFORMED_POLICY.message());
    }
    Object value;
    try {
      value = MiniJson.parse(text);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw malformed(S3ErrorCode.MALFORMED_POLICY.message());
    }
    if (!(value instanceof Map<?, ?> m) || !text.strip().startsWith("{")) {
      throw malformed(S3ErrorCode.MALFORMED_POLICY.message());
    }
    return m;
  }

  private static S3ErrorException malformed(String message) {
    return new S3ErrorException(S3ErrorCode.MALFORMED_POLICY, message);
  }
}

package io.s3wire.internal;

import io.s3wire.CallOptions;
import io.s3wire.CustomerKey;
import io.s3wire.ObjectAcl;
import io.s3wire.ServerSideEncryption;
import io.s3wire.error.ClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Puts the request features of the operation records on the wire as S3 expects them: server-side
 * encryption, customer keys (marked sensitive, so every trace redacts them), tags, ACLs, version ids
 * and the caller's extras, which may not clash with what the operation sends.
 */
final class RequestHeaders {
  static final String SSE = "x-amz-server-side-encryption";
  static final String SSE_C = "x-amz-server-side-encryption-customer-";
  /** Where a copy's source key goes: {@code x-amz-copy-source-server-side-encryption-customer-*}. */
  static final String COPY_SOURCE_PREFIX = "x-amz-copy-source-";
  /** Where an object's own key goes: {@code x-amz-server-side-encryption-customer-*}. */
  static final String OBJECT_PREFIX = "x-amz-";
  private static final String CUSTOMER = "server-side-encryption-customer-";

  private RequestHeaders() {}

  /** {@code x-amz-server-side-encryption} and its KMS companions; nothing for {@code null}. */
  static void encryption(S3Call.Builder b, ServerSideEncryption sse) {
    if (sse == null) {
      return;
    }
    b.header(SSE, sse.algorithm());
    b.headerIfPresent(SSE + "-aws-kms-key-id", sse.kmsKeyId());
    if (!sse.kmsContext().isEmpty()) {
      b.header(SSE + "-context", Base64.getEncoder().encodeToString(json(sse.kmsContext()).getBytes(StandardCharsets.UTF_8)));
    }
    if (sse.bucketKeyEnabled() != null) {
      b.header(SSE + "-bucket-key-enabled", sse.bucketKeyEnabled().toString());
    }
  }

  /**
   * The SSE-C headers under {@code prefix} ({@link #OBJECT_PREFIX}, or {@link #COPY_SOURCE_PREFIX}
   * for a copy's source); nothing for {@code null}. The key header is marked sensitive.
   */
  static void customerKey(S3Call.Builder b, CustomerKey key, String prefix) {
    if (key == null) {
      return;
    }
    b.header(prefix + CUSTOMER + "algorithm", key.algorithm());
    b.sensitiveHeader(prefix + CUSTOMER + "key", key.encodedKey());
    b.header(prefix + CUSTOMER + "key-MD5", key.keyMd5());
  }

  /** {@code x-amz-tagging} as a URL-encoded query string; nothing for no tags. */
  static void tags(S3Call.Builder b, Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    tags.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(UriEncoding.query(k)).append('=').append(UriEncoding.query(v));
    });
    b.header("x-amz-tagging", sb.toString());
  }

  /** {@code x-amz-acl} or the {@code x-amz-grant-*} headers; nothing for {@code null}. */
  static void acl(S3Call.Builder b, ObjectAcl acl) {
    if (acl == null) {
      return;
    }
    b.headerIfPresent("x-amz-acl", acl.canned());
    acl.grants().forEach((permission, grantees) -> b.header(permission.header(), grantees));
  }

  /**
   * The caller's extras and listener, added last: an extra the operation already sends would change
   * what s3wire checks or computes, so it is refused.
   *
   * @throws ClientException naming the extra that clashes
   */
  static void options(S3Call.Builder b, CallOptions options) {
    if (options == null) {
      return;
    }
    options.headers().forEach((name, value) -> {
      if (b.hasHeader(name)) {
        throw new ClientException("extra header", "'" + name + "' is already sent by this operation; set it through"
            + " the request's own field");
      }
    });
    options.query().forEach((name, value) -> {
      if (b.hasQuery(name)) {
        throw new ClientException("extra query parameter", "'" + name + "' is already sent by this operation; set it"
            + " through the request's own field");
      }
    });
    options.headers().forEach(b::header);
    options.query().forEach(b::query);
    b.listener(options.listener());
  }

  /** A JSON object of string members, as the KMS encryption context travels. */
  static String json(Map<String, String> members) {
    StringBuilder sb = new StringBuilder("{");
    members.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append(',');
      }
      quote(sb, k);
      sb.append(':');
      quote(sb, v);
    });
    return sb.append('}').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}

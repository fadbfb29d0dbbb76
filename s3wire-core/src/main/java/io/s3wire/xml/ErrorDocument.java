package io.s3wire.xml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S3's {@code <Error>} document.
 *
 * @param code the S3 error code, e.g. {@code NoSuchKey}
 * @param message the server's message, or {@code null}
 * @param resource the bucket or object the error concerns, or {@code null}
 * @param requestId the request id, or {@code null}
 * @param hostId the extended request id ({@code x-amz-id-2}), or {@code null}
 * @param stringToSign for SignatureDoesNotMatch: the server's string to sign, when sent
 * @param canonicalRequest for SignatureDoesNotMatch: the server's canonical request, when sent
 * @param extra every other leaf element, by element name, in document order (e.g. {@code
 *     BucketName}, {@code Key}, {@code ServerTime}, {@code AWSAccessKeyId}); never {@code null}
 */
public record ErrorDocument(
    String code,
    String message,
    String resource,
    String requestId,
    String hostId,
    String stringToSign,
    String canonicalRequest,
    Map<String, String> extra) {

  public ErrorDocument {
    extra = extra == null || extra.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** An error with a code and message only. */
  public static ErrorDocument of(String code, String message) {
    return new ErrorDocument(code, message, null, null, null, null, null, Map.of());
  }
}

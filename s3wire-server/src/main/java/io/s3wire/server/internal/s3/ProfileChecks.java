package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.ServerProfile;
import java.util.Locale;
import java.util.Map;

/** Request rules that come from the profile's capabilities rather than from S3 itself. */
final class ProfileChecks {
  private ProfileChecks() {}

  static void check(S3Call call, ServerProfile profile) {
    if (!profile.acceptsFlexibleChecksums()) {
      for (Map.Entry<String, String> h : call.requestHeaders()) {
        String name = h.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("x-amz-checksum-") || name.equals("x-amz-sdk-checksum-algorithm")
            || name.equals("x-amz-trailer")) {
          // GCS maps x-amz-checksum-* onto x-goog-hash next to its own MD5 and rejects the pair.
          throw new S3ErrorException(S3ErrorCode.EXCESS_HEADER_VALUES,
              "Multiple HTTP header values where one was expected.", Map.of("Details", name));
        }
      }
    }
    if (!profile.acceptsAwsChunked() && isAwsChunked(call)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
          "aws-chunked request bodies (x-amz-content-sha256: STREAMING-*) are not supported",
          Map.of("ArgumentName", "x-amz-content-sha256"));
    }
  }

  /**
   * Refuses an unsigned trailer as Ceph RGW 16.2 does, then drops the checksum headers a profile
   * ignores. After the signature check: the dropped headers were signed.
   */
  static void emulate(S3Call call, ServerProfile profile) {
    if (profile.refusesUnsignedTrailers()
        && "STREAMING-UNSIGNED-PAYLOAD-TRAILER".equals(call.header("x-amz-content-sha256"))) {
      throw new S3ErrorException(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH, "",
          call.bucket == null ? Map.of() : Map.of("BucketName", call.bucket));
    }
    if (profile.ignoresChecksums()) {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (Map.Entry<String, String> h : call.requestHeaders()) {
        String name = h.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("x-amz-checksum-") || name.equals("x-amz-sdk-checksum-algorithm")) {
          names.add(h.getKey());
        }
      }
      names.forEach(call.requestHeaders()::remove);
    }
  }

  /** Drops the checksums from an answer's headers where the profile ignores checksums (RGW 16.2 has none to give). */
  static void answer(io.netty.handler.codec.http.HttpHeaders headers, ServerProfile profile) {
    if (profile.ignoresChecksums()) {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) {
          names.add(h.getKey());
        }
      }
      names.forEach(headers::remove);
    }
  }

  static boolean isAwsChunked(S3Call call) {
    String sha = call.header("x-amz-content-sha256");
    String enc = call.header("content-encoding");
    return sha != null && sha.startsWith("STREAMING-")
        || enc != null && enc.toLowerCase(Locale.ROOT).contains("aws-chunked");
  }
}

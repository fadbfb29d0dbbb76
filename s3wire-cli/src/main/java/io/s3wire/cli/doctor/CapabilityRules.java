package io.s3wire.cli.doctor;

import java.util.List;
import java.util.Set;

/**
 * Capabilities measured by the extra probes: flexible checksum headers (refused, or accepted but not
 * checked), and DeleteObjects without Content-MD5. A probe's failure counts only when an ordinary PUT
 * passed, so authentication or connectivity problems are not mistaken for a missing capability.
 */
final class CapabilityRules {
  private static final Set<String> CHECKSUM_REJECTIONS =
      Set.of("InvalidArgument", "ExcessHeaderValues", "NotImplemented", "InvalidRequest", "BadDigest", "InvalidDigest");

  private CapabilityRules() {}

  static void apply(Measurements m, List<Finding> out) {
    boolean putWorks = m.cells().stream().anyMatch(c -> c.operation() == Operation.PUT && c.passed());
    if (!putWorks) {
      return;
    }
    Outcome checksum = m.probes().get("checksum");
    if (checksum != null && !checksum.passed() && checksum.s3Error() != null
        && CHECKSUM_REJECTIONS.contains(checksum.s3Error())) {
      out.add(new Finding("checksum-rejected", Finding.PROBLEM,
          "Flexible checksum headers are rejected",
          "a PUT with x-amz-checksum-crc32 and x-amz-sdk-checksum-algorithm fails: " + checksum.describe(),
          "only the checksum headers; the same PUT without them passes",
          List.of("PUT with x-amz-sdk-checksum-algorithm: CRC32, x-amz-checksum-crc32: <base64>",
              "server: " + checksum.describe()),
          "The server does not implement the flexible checksum headers the AWS SDKs send by default since early 2025"
              + " (AWS CLI >= 2.23, Java SDK >= 2.30); it rejects them instead of ignoring them.",
          List.of("s3wire sends no flexible checksums unless the provider profile accepts them (acceptsFlexibleChecksums=false)",
              "AWS SDKs: set request_checksum_calculation = when_required (AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED)"),
          "PROVIDERS.md, Google Cloud Storage: the AWS SDKs' new default checksums break it (ExcessHeaderValues on"
              + " PutObject); Backblaze B2 rejects x-amz-sdk-checksum-algorithm"));
    }
    Outcome mismatch = m.probes().get("checksum-mismatch");
    if (checksum != null && checksum.passed() && mismatch != null && mismatch.passed()) {
      out.add(new Finding("checksum-ignored", Finding.NOTE,
          "Flexible checksum headers are accepted but not checked",
          "a PUT whose x-amz-checksum-crc32c does not match its body is stored: " + mismatch.describe(),
          "only the checksum's value; the server answers the same to a right and a wrong one",
          List.of("PUT with x-amz-checksum-crc32c: <CRC32C of other bytes>", "server: " + mismatch.describe()),
          "The server does not implement the flexible checksum headers and ignores them instead of checking them, so"
              + " clients that send them (the AWS SDKs by default since early 2025) believe their uploads were verified"
              + " when they were not. Content-MD5 is still checked.",
          List.of("s3wire sends no flexible checksums unless the provider profile accepts them; --write-profile writes"
              + " acceptsFlexibleChecksums=false for this server, and transfers check Content-MD5 and ETags instead",
              "AWS SDKs: send Content-MD5 where integrity matters; their CRC checksums are not verified here"),
          "PROVIDERS.md, Ceph RGW: a CRC32C header on a plain-HTTP upload is ignored, not checked (measured on 16.2.15)"));
    }
    Outcome delete = m.probes().get("delete-objects");
    if (delete != null && !delete.passed() && delete.serviceError() != null
        && String.valueOf(delete.serviceError().errorMessage()).contains("Content-MD5")) {
      out.add(new Finding("delete-objects-needs-md5", Finding.PROBLEM,
          "DeleteObjects without Content-MD5 is rejected",
          "POST ?delete without Content-MD5 fails: " + delete.describe(),
          "only the missing Content-MD5 header",
          List.of("POST /" + m.target().bucket() + "?delete (no Content-MD5)", "server: " + delete.describe()),
          "The server requires Content-MD5 (or x-amz-checksum-crc32) on multi-object delete, as S3 once did; clients"
              + " that dropped it for the newer checksum headers fail.",
          List.of("s3wire sends Content-MD5 on DeleteObjects when the profile says so (deleteObjectsNeedsContentMd5=true)",
              "other clients: send Content-MD5, or delete keys one by one"),
          "PROVIDERS.md, Google Cloud Storage: DeleteObjects requires Content-MD5; Amazon S3 API Reference, DeleteObjects"));
    }
  }
}

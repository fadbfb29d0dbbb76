package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.ClientException;
import io.s3wire.internal.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S3's input rules, each broken once: a ClientException that names the input and the rule. */
class ValidationTest {
  @ParameterizedTest
  @ValueSource(strings = {"abc", "my-bucket", "my.bucket.name", "a1b", "123", "a-b.c-d", "b23456789012345678901234567890123456789012345678901234567890123"})
  void acceptsValidBucketNames(String name) {
    Validation.bucketName(name);
  }

  @Test
  void rejectsBucketNamesWithTheRuleBroken() {
    assertRejected("ab", "bucket name", "'ab' must be 3 to 63 characters long, is 2");
    assertRejected("a".repeat(64), "bucket name", "must be 3 to 63 characters long, is 64");
    assertRejected("My-Bucket", "bucket name", "'My-Bucket' may hold only lower-case letters, digits, dots and hyphens; found 'M' at 0");
    assertRejected("my_bucket", "bucket name", "found '_' at 2");
    assertRejected("-bucket", "bucket name", "'-bucket' must start and end with a letter or digit");
    assertRejected("bucket-", "bucket name", "must start and end with a letter or digit");
    assertRejected("my..bucket", "bucket name", "'my..bucket' must not hold two adjacent dots");
    assertRejected("192.168.5.4", "bucket name", "'192.168.5.4' must not be formatted as an IP address");
    assertRejected("xn--bucket", "bucket name", "must not start with the reserved prefix xn--");
    assertRejected("bucket-s3alias", "bucket name", "must not end with the reserved suffix -s3alias");
    assertRejected("", "bucket name", "must not be empty");
  }

  @Test
  void keysAreOneTo1024BytesOfUtf8() {
    Validation.key("a".repeat(1024));
    Validation.key("é".repeat(512));
    assertRejected(() -> Validation.key(""), "key", "must not be empty");
    assertRejected(() -> Validation.key("a".repeat(1025)), "key", "is 1025 bytes in UTF-8, over S3's limit of 1024");
    // 513 two-byte characters: 513 chars are fine as characters, not as bytes.
    assertRejected(() -> Validation.key("é".repeat(513)), "key", "is 1026 bytes in UTF-8, over S3's limit of 1024");
    assertRejected(() -> Validation.key("a\uD800b"), "key", "holds an unpaired surrogate at 1, which UTF-8 cannot carry");
  }

  @Test
  void bucketKeyValidatesBoth() {
    assertThat(BucketKey.of("bucket", "a//b").toString()).isEqualTo("s3://bucket/a//b");
    assertRejected(() -> BucketKey.of("Bucket", "k"), "bucket name", "found 'B' at 0");
    assertRejected(() -> BucketKey.of("bucket", ""), "key", "must not be empty");
  }

  @Test
  void partNumbersAndSizes() {
    Validation.partNumber(1);
    Validation.partNumber(10_000);
    assertRejected(() -> Validation.partNumber(0), "part number", "must be 1..10000, was 0");
    assertRejected(() -> Validation.partNumber(10_001), "part number", "must be 1..10000, was 10001");
    Validation.partSize(1, 5L * 1024 * 1024, false);
    Validation.partSize(2, 1, true);
    assertRejected(() -> Validation.partSize(3, 5L * 1024 * 1024 - 1, false), "part 3",
        "is 5242879 bytes; every part but the last must be at least 5 MiB (5242880 bytes)");
    assertRejected(() -> new CompletedPart(10_001, "etag", 1), "part number", "must be 1..10000, was 10001");
  }

  @Test
  void rangesAreCheckedWhenMade() {
    assertThat(Range.of(0, 99).headerValue()).isEqualTo("bytes=0-99");
    assertThat(Range.from(100).headerValue()).isEqualTo("bytes=100-");
    assertThat(Range.lastBytes(5).headerValue()).isEqualTo("bytes=-5");
    assertRejected(() -> Range.of(10, 9), "range", "inverted: last byte 9 is before first byte 10");
    assertRejected(() -> Range.of(-1, 9), "range", "first byte must not be negative, was -1");
    assertRejected(() -> Range.lastBytes(0), "range", "a suffix length must be positive, was 0");
  }

  @Test
  void listRequestsAndMetadata() {
    assertRejected(() -> ListObjectsRequest.of("bucket").withMaxKeys(1001), "max-keys",
        "must be 1..1000 (or 0 for the server's default), was 1001");
    assertRejected(() -> ObjectMetadata.NONE.withUserMetadata("bad name", "v"), "user metadata",
        "name 'bad name' is not an HTTP token");
    assertRejected(() -> ObjectMetadata.NONE.withUserMetadata("n", "caf\u00e9"), "user metadata",
        "value of 'n' must be printable ASCII");
    assertThat(ObjectMetadata.NONE.withUserMetadata("Color", "blue").userMetadata()).containsEntry("color", "blue");
    assertRejected(() -> new CopyObjectRequest(BucketKey.of("bucket", "a"), BucketKey.of("bucket", "b"),
            MetadataDirective.COPY, ObjectMetadata.contentType("text/plain"), null),
        "metadata directive", "COPY keeps the source's metadata; give metadata only with REPLACE");
  }

  private static void assertRejected(String bucket, String subject, String messagePart) {
    assertRejected(() -> Validation.bucketName(bucket), subject, messagePart);
  }

  private static void assertRejected(Runnable r, String subject, String messagePart) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.subject()).isEqualTo(subject))
        .hasMessageStartingWith(subject + ": ")
        .hasMessageContaining(messagePart);
  }
}

package io.s3wire.provider;

import io.s3wire.config.AddressingStyle;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every setting of a {@link ProviderProfile}, with the key it has in override maps and profile
 * files (the record component's name) and a one-line meaning, for {@code doctor} and help texts.
 */
public enum Capability {
  /** {@link ProviderProfile#name()}: label of the profile; decides nothing. */
  NAME("name", "label of the profile; decides nothing", p -> p.name(), (b, v) -> b.name = requireText("name", v)),
  /** {@link ProviderProfile#defaultRegion()}: signing region when none is configured (empty: must be configured). */
  DEFAULT_REGION("defaultRegion", "signing region when none is configured (empty: must be configured)",
      p -> p.defaultRegion() == null ? "" : p.defaultRegion(), (b, v) -> b.defaultRegion = v.isEmpty() ? null : v),
  /** {@link ProviderProfile#addressingStyle()}: PATH, VIRTUAL or AUTO. */
  ADDRESSING_STYLE("addressingStyle", "PATH, VIRTUAL or AUTO", p -> p.addressingStyle().name(),
      (b, v) -> b.addressingStyle = style(v)),
  /** {@link ProviderProfile#supportsListObjectsV2()}: list-type=2 works (else ListObjects v1). */
  SUPPORTS_LIST_OBJECTS_V2("supportsListObjectsV2", "list-type=2 works (else ListObjects v1)",
      p -> str(p.supportsListObjectsV2()), (b, v) -> b.supportsListObjectsV2 = bool("supportsListObjectsV2", v)),
  /** {@link ProviderProfile#supportsDeleteObjects()}: POST ?delete works (else one DELETE per key). */
  SUPPORTS_DELETE_OBJECTS("supportsDeleteObjects", "POST ?delete works (else one DELETE per key)",
      p -> str(p.supportsDeleteObjects()), (b, v) -> b.supportsDeleteObjects = bool("supportsDeleteObjects", v)),
  /** {@link ProviderProfile#deleteObjectsNeedsContentMd5()}: POST ?delete must carry Content-MD5. */
  DELETE_OBJECTS_NEEDS_CONTENT_MD5("deleteObjectsNeedsContentMd5", "POST ?delete must carry Content-MD5",
      p -> str(p.deleteObjectsNeedsContentMd5()),
      (b, v) -> b.deleteObjectsNeedsContentMd5 = bool("deleteObjectsNeedsContentMd5", v)),
  /** {@link ProviderProfile#maxDeleteBatch()}: most keys per DeleteObjects request (1..1000). */
  MAX_DELETE_BATCH("maxDeleteBatch", "most keys per DeleteObjects request (1..1000)",
      p -> Integer.toString(p.maxDeleteBatch()), (b, v) -> b.maxDeleteBatch = integer("maxDeleteBatch", v)),
  /** {@link ProviderProfile#acceptsContentMd5()}: Content-MD5 on uploads is honoured. */
  ACCEPTS_CONTENT_MD5("acceptsContentMd5", "Content-MD5 on uploads is honoured", p -> str(p.acceptsContentMd5()),
      (b, v) -> b.acceptsContentMd5 = bool("acceptsContentMd5", v)),
  /** {@link ProviderProfile#acceptsFlexibleChecksums()}: x-amz-checksum-* headers are accepted. */
  ACCEPTS_FLEXIBLE_CHECKSUMS("acceptsFlexibleChecksums", "x-amz-checksum-* headers are accepted",
      p -> str(p.acceptsFlexibleChecksums()),
      (b, v) -> b.acceptsFlexibleChecksums = bool("acceptsFlexibleChecksums", v)),
  /** {@link ProviderProfile#acceptsSdkChecksumAlgorithmHeader()}: x-amz-sdk-checksum-algorithm is accepted. */
  /** {@link ProviderProfile#acceptsSdkChecksumAlgorithmHeader()}: x-amz-sdk-checksum-algorithm is accepted. */
  ACCEPTS_SDK_CHECKSUM_ALGORITHM_HEADER("acceptsSdkChecksumAlgorithmHeader",
      "x-amz-sdk-checksum-algorithm is accepted", p -> str(p.acceptsSdkChecksumAlgorithmHeader()),
      (b, v) -> b.acceptsSdkChecksumAlgorithmHeader = bool("acceptsSdkChecksumAlgorithmHeader", v)),
  /** {@link ProviderProfile#acceptsAwsChunked()}: aws-chunked signed streaming uploads work. */
  ACCEPTS_AWS_CHUNKED("acceptsAwsChunked", "aws-chunked signed streaming uploads work",
      p -> str(p.acceptsAwsChunked()), (b, v) -> b.acceptsAwsChunked = bool("acceptsAwsChunked", v)),
  /** {@link ProviderProfile#acceptsAwsChunkedTrailers()}: aws-chunked bodies may carry checksum trailers. */
  ACCEPTS_AWS_CHUNKED_TRAILERS("acceptsAwsChunkedTrailers", "aws-chunked bodies may carry checksum trailers",
      p -> str(p.acceptsAwsChunkedTrailers()),
      (b, v) -> b.acceptsAwsChunkedTrailers = bool("acceptsAwsChunkedTrailers", v)),
  /** {@link ProviderProfile#forbidsHostHeaderOnH2()}: an HTTP/2 request with a host header is reset or refused. */
  FORBIDS_HOST_HEADER_ON_H2("forbidsHostHeaderOnH2", "an HTTP/2 request with a host header is reset or refused",
      p -> str(p.forbidsHostHeaderOnH2()), (b, v) -> b.forbidsHostHeaderOnH2 = bool("forbidsHostHeaderOnH2", v)),
  /** {@link ProviderProfile#sends100ContinueOnH2()}: Expect: 100-continue is answered on HTTP/2. */
  SENDS_100_CONTINUE_ON_H2("sends100ContinueOnH2", "Expect: 100-continue is answered on HTTP/2",
      p -> str(p.sends100ContinueOnH2()), (b, v) -> b.sends100ContinueOnH2 = bool("sends100ContinueOnH2", v)),
  /** {@link ProviderProfile#supportsConditionalWrites()}: If-None-Match / If-Match on PUT are honoured. */
  SUPPORTS_CONDITIONAL_WRITES("supportsConditionalWrites", "If-None-Match / If-Match on PUT are honoured",
      p -> str(p.supportsConditionalWrites()),
      (b, v) -> b.supportsConditionalWrites = bool("supportsConditionalWrites", v)),
  /** {@link ProviderProfile#supportsObjectAcls()}: x-amz-acl on uploads is accepted. */
  SUPPORTS_OBJECT_ACLS("supportsObjectAcls", "x-amz-acl on uploads is accepted", p -> str(p.supportsObjectAcls()),
      (b, v) -> b.supportsObjectAcls = bool("supportsObjectAcls", v)),
  /** {@link ProviderProfile#httpsOnly()}: plain HTTP is refused. */
  HTTPS_ONLY("httpsOnly", "plain HTTP is refused", p -> str(p.httpsOnly()),
      (b, v) -> b.httpsOnly = bool("httpsOnly", v)),
  /** {@link ProviderProfile#acceptsFullObjectCrc32c()}: multipart uploads may carry a full-object CRC32C (x-amz-checksum-type: FULL_OBJECT). */
  /** {@link ProviderProfile#acceptsFullObjectCrc32c()}: multipart uploads may carry a full-object CRC32C (x-amz-checksum-type: FULL_OBJECT). */
  ACCEPTS_FULL_OBJECT_CRC32C("acceptsFullObjectCrc32c",
      "multipart uploads may carry a full-object CRC32C (x-amz-checksum-type: FULL_OBJECT)",
      p -> str(p.acceptsFullObjectCrc32c()), (b, v) -> b.acceptsFullObjectCrc32c = bool("acceptsFullObjectCrc32c", v));

  private final String key;
  private final String description;
  private final Function<ProviderProfile, String> reader;
  private final BiConsumer<ProviderProfile.Builder, String> writer;

  Capability(String key, String description, Function<ProviderProfile, String> reader,
      BiConsumer<ProviderProfile.Builder, String> writer) {
    this.key = key;
    this.description = description;
    this.reader = reader;
    this.writer = writer;
  }

  /**
   * The key in override maps and profile files.
   *
   * @return the record component's name, e.g. {@code acceptsAwsChunked}
   */
  public String key() {
    return key;
  }

  /**
   * What the capability means, for {@code doctor} and help texts.
   *
   * @return one line, without a final period
   */
  public String description() {
    return description;
  }

  /**
   * The profile's value as text, as a file holds it.
   *
   * @param profile the profile to read
   * @return {@code true}/{@code false}, a number, a style name, or the empty string for no region
   */
  public String valueOf(ProviderProfile profile) {
    return reader.apply(profile);
  }

  void apply(ProviderProfile.Builder b, String value) {
    writer.accept(b, value == null ? "" : value.trim());
  }

  /**
   * The capability with that key (compared case-insensitively).
   *
   * @param key a file or override key, surrounding blanks ignored
   * @return the capability
   * @throws IllegalArgumentException listing the known keys when there is none
   */
  public static Capability forKey(String key) {
    for (Capability c : values()) {
      if (c.key.equalsIgnoreCase(key.trim())) {
        return c;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Capability c : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(c.key);
    }
    throw new IllegalArgumentException("unknown provider capability '" + key + "'; known: " + known);
  }

  private static String str(boolean b) {
    return b ? "true" : "false";
  }

  private static boolean bool(String key, String v) {
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
  }

  private static int integer(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'", e);
    }
  }

  private static String requireText(String key, String v) {
    if (v.isEmpty()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
    return v;
  }

  private static AddressingStyle style(String v) {
    try {
      return AddressingStyle.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("addressingStyle must be PATH, VIRTUAL or AUTO, was '" + v + "'", e);
    }
  }
}

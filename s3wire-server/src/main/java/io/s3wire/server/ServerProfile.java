package io.s3wire.server;

import java.util.Objects;
import java.util.Set;

/**
 * How the server behaves like a given provider's front end, as data (capabilities), so profiles
 * can be added without code.
 *
 * @param name the profile's name ({@code s3}, {@code gcs})
 * @param forbidsHostHeaderOnH2 an HTTP/2 request carrying a regular {@code host} header is reset
 *     with RST_STREAM(PROTOCOL_ERROR) before any response (Google's front end)
 * @param acceptedRegions regions a signature may name; {@code *} accepts any
 * @param deleteObjectsNeedsContentMd5 DeleteObjects without Content-MD5 answers InvalidRequest
 * @param acceptsFlexibleChecksums {@code x-amz-checksum-*}, {@code x-amz-sdk-checksum-algorithm} and
 *     {@code x-amz-trailer} are accepted (else rejected with InvalidArgument, as GCS does)
 * @param acceptsAwsChunked {@code aws-chunked} bodies and STREAMING-* payload hashes are accepted
 * @param refusesUnsignedTrailers an upload with {@code x-amz-content-sha256:
 *     STREAMING-UNSIGNED-PAYLOAD-TRAILER} is answered {@code 400 XAmzContentSHA256Mismatch} with an
 *     empty {@code Message} and the {@code BucketName}, before its body is read (Ceph RGW 16.2)
 * @param ignoresChecksums {@code x-amz-checksum-*} and {@code x-amz-sdk-checksum-algorithm} request
 *     headers are dropped once the signature is checked: nothing is verified, stored or echoed, and
 *     a wrong checksum is accepted (Ceph RGW 16.2); trailers are still read as sent
 */
public record ServerProfile(
    String name,
    boolean forbidsHostHeaderOnH2,
    Set<String> acceptedRegions,
    boolean deleteObjectsNeedsContentMd5,
    boolean acceptsFlexibleChecksums,
    boolean acceptsAwsChunked,
    boolean refusesUnsignedTrailers,
    boolean ignoresChecksums) {

  /**
   * Copies the regions, so the profile is immutable.
   *
   * @param name the profile's name
   * @param forbidsHostHeaderOnH2 whether an HTTP/2 request with a {@code host} header is reset
   * @param acceptedRegions regions a signature may name, {@code *} for any; copied
   * @param deleteObjectsNeedsContentMd5 whether DeleteObjects requires Content-MD5
   * @param acceptsFlexibleChecksums whether {@code x-amz-checksum-*} headers and trailers are accepted
   * @param acceptsAwsChunked whether {@code aws-chunked} bodies are accepted
   * @param refusesUnsignedTrailers whether unsigned-trailer uploads are refused (Ceph RGW 16.2)
   * @param ignoresChecksums whether checksum headers are dropped unverified (Ceph RGW 16.2)
   */
  public ServerProfile {
    Objects.requireNonNull(name, "name");
    acceptedRegions = Set.copyOf(acceptedRegions);
  }

  /**
   * A profile that takes unsigned trailers and checks every checksum it is sent.
   *
   * @param name the profile's name
   * @param forbidsHostHeaderOnH2 whether an HTTP/2 request with a {@code host} header is reset
   * @param acceptedRegions regions a signature may name, {@code *} for any; copied
   * @param deleteObjectsNeedsContentMd5 whether DeleteObjects requires Content-MD5
   * @param acceptsFlexibleChecksums whether {@code x-amz-checksum-*} headers and trailers are accepted
   * @param acceptsAwsChunked whether {@code aws-chunked} bodies are accepted
   */
  public ServerProfile(String name, boolean forbidsHostHeaderOnH2, Set<String> acceptedRegions,
      boolean deleteObjectsNeedsContentMd5, boolean acceptsFlexibleChecksums, boolean acceptsAwsChunked) {
    this(name, forbidsHostHeaderOnH2, acceptedRegions, deleteObjectsNeedsContentMd5, acceptsFlexibleChecksums,
        acceptsAwsChunked, false, false);
  }

  /** Amazon S3 as the default: region {@code us-east-1}, checksums accepted. */
  public static final ServerProfile S3 = new ServerProfile("s3", false, Set.of("us-east-1"), false, true, true);

  /** Google Cloud Storage's XML API and its front end. */
  public static final ServerProfile GCS = new ServerProfile("gcs", true, Set.of("auto", "us-east-1"), true, false, false);

  /**
   * Ceph RGW 16.2's answers to checksummed uploads: unsigned trailers refused with
   * XAmzContentSHA256Mismatch, checksum headers silently ignored.
   */
  public static final ServerProfile CEPH = new ServerProfile("ceph", false, Set.of("us-east-1"), false, true, true,
      true, true);

  /**
   * {@return the profile named {@code s3}, {@code gcs} or {@code ceph}}
   *
   * @param name the name, any case; {@code aws}, {@code google} and {@code rgw} are aliases
   * @throws IllegalArgumentException for another name, listing the known ones
   */
  public static ServerProfile named(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "s3", "aws" -> S3;
      case "gcs", "google" -> GCS;
      case "ceph", "rgw" -> CEPH;
      default -> throw new IllegalArgumentException("unknown server profile '" + name + "' (known: s3, gcs, ceph)");
    };
  }

  /**
   * {@return whether a signature scoped to {@code region} is accepted}
   *
   * @param region the region of the request's credential scope
   */
  public boolean acceptsRegion(String region) {
    return acceptedRegions.contains("*") || acceptedRegions.contains(region);
  }

  /** {@return the region the server names as expected in errors} ({@code us-east-1} when accepted, else the first sorted) */
  public String expectedRegion() {
    return acceptedRegions.contains("us-east-1") && !acceptedRegions.contains("auto") ? "us-east-1"
        : acceptedRegions.stream().sorted().findFirst().orElse("us-east-1");
  }
}

package io.s3wire.provider;

import io.s3wire.config.AddressingStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in provider profiles. Facts and their sources are in {@code PROVIDERS.md}; where a fact
 * is unconfirmed the profile takes the choice that cannot break a request (send less, not more), and
 * {@code doctor} can probe for the rest.
 */
public final class ProviderProfiles {
  private ProviderProfiles() {}

  /**
   * Amazon S3: virtual-hosted where the bucket name allows, every checksum form, aws-chunked with trailers.
   *
   * @return the {@code aws} profile; every call returns an equal value
   */
  public static ProviderProfile aws() {
    return new ProviderProfile("aws", "us-east-1", AddressingStyle.AUTO,
        true, true, true, 1000, true,
        true, true, true, true,
        false, false, true, true, false, true);
  }

  /**
   * Google Cloud Storage's XML API: region {@code auto}, path style; the SDKs' flexible checksums and
   * aws-chunked break it, so none are sent; DeleteObjects only with Content-MD5; its HTTP/2 front end
   * resets streams that carry a {@code host} header; no preconditions on multipart requests.
   *
   * @return the {@code gcs} profile; every call returns an equal value
   */
  public static ProviderProfile gcs() {
    return new ProviderProfile("gcs", "auto", AddressingStyle.PATH,
        true, true, true, 1000, true,
        false, false, false, false,
        true, false, false, true, false, false);
  }

  /**
   * MinIO: path style, signed and unsigned streaming trailers, every checksum form.
   *
   * @return the {@code minio} profile; every call returns an equal value
   */
  public static ProviderProfile minio() {
    return new ProviderProfile("minio", "us-east-1", AddressingStyle.PATH,
        true, true, true, 1000, true,
        true, true, true, true,
        false, false, true, false, false, true);
  }

  /**
   * Cloudflare R2: region {@code auto}; aws-chunked (and its trailers) rejected with a misleading
   * Unauthorized; checksum headers accepted; no per-object ACLs.
   *
   * @return the {@code r2} profile; every call returns an equal value
   */
  public static ProviderProfile r2() {
    return new ProviderProfile("r2", "auto", AddressingStyle.PATH,
        true, true, false, 1000, true,
        true, true, false, false,
        false, false, true, false, false, false);
  }

  /**
   * Ceph RGW: flexible checksums arrived with bugs (16.2 ignores them: a wrong CRC32C is stored), so
   * none are sent and Content-MD5, which it checks, is; aws-chunked without trailers (16.2 refuses
   * unsigned ones); DeleteObjects works without Content-MD5. No conditional writes: 16.2 honours
   * {@code If-None-Match: *} on PUT but compares {@code If-Match} with the stored ETag without its
   * quotes, so the standard quoted form fails with 412 even when it matches. Checked against 16.2 by
   * the rgw test group ({@code RgwCephProfileTest}).
   *
   * @return the {@code ceph} profile; every call returns an equal value
   */
  public static ProviderProfile ceph() {
    return new ProviderProfile("ceph", "us-east-1", AddressingStyle.PATH,
        true, true, false, 1000, true,
        false, false, true, false,
        false, false, false, true, false, false);
  }

  /**
   * Backblaze B2: HTTPS only, both addressing styles, no object ACLs, rejects {@code
   * x-amz-sdk-checksum-algorithm}; the region is part of the endpoint, so none is assumed.
   *
   * @return the {@code b2} profile; every call returns an equal value
   */
  public static ProviderProfile b2() {
    return new ProviderProfile("b2", null, AddressingStyle.AUTO,
        true, true, true, 1000, true,
        false, false, false, false,
        false, false, false, false, true, false);
  }

  /**
   * An unknown S3-compatible service: the least that works everywhere. Path style, Content-MD5 on
   * DeleteObjects, no flexible checksums or aws-chunked, no {@code host} header on HTTP/2, no wait
   * for 100-continue on HTTP/2.
   *
   * @return the {@code generic} profile; every call returns an equal value
   */
  public static ProviderProfile generic() {
    return new ProviderProfile("generic", "us-east-1", AddressingStyle.PATH,
        true, true, true, 1000, true,
        false, false, false, false,
        true, false, false, false, false, false);
  }

  /**
   * Every built-in profile by name.
   *
   * @return name to profile, in a stable order (aws, gcs, minio, r2, ceph, b2, generic); a new map
   *     on each call
   */
  public static Map<String, ProviderProfile> all() {
    Map<String, ProviderProfile> m = new LinkedHashMap<>();
    for (ProviderProfile p : List.of(aws(), gcs(), minio(), r2(), ceph(), b2(), generic())) {
      m.put(p.name(), p);
    }
    return m;
  }

  /**
   * The built-in profile with that name (case-insensitive).
   *
   * @param name e.g. {@code minio}; surrounding blanks ignored
   * @return the profile
   * @throws IllegalArgumentException listing the known names when there is none
   */
  public static ProviderProfile named(String name) {
    ProviderProfile p = all().get(name.trim().toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new IllegalArgumentException("unknown provider '" + name + "'; known: " + String.join(", ", all().keySet()));
    }
    return p;
  }
}

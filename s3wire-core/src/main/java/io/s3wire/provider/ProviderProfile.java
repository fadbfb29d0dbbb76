package io.s3wire.provider;

import io.s3wire.config.AddressingStyle;
import java.util.Map;
import java.util.Objects;

/**
 * What an S3-compatible service accepts, as a set of capabilities the client consults; code asks
 * {@code profile.acceptsAwsChunked()}, never which provider it is talking to. Built-in profiles
 * come from {@link ProviderProfiles}; every capability can be overridden ({@link #toBuilder()},
 * {@link #withOverrides(Map)}) or loaded from a file ({@link ProviderProfileFile}). {@link
 * Capability} lists each one with its file key and meaning.
 *
 * @param name a label for messages and files (e.g. {@code gcs}); it decides nothing
 * @param defaultRegion the signing region when the user gives none, or {@code null} when the user
 *     must give one (e.g. it is part of the endpoint host)
 * @param addressingStyle path or virtual-hosted URLs
 * @param supportsListObjectsV2 whether {@code list-type=2} works; otherwise ListObjects v1 is used
 * @param supportsDeleteObjects whether {@code POST ?delete} works; otherwise one DELETE per key
 * @param deleteObjectsNeedsContentMd5 whether {@code POST ?delete} must carry {@code Content-MD5}
 * @param maxDeleteBatch the most keys in one DeleteObjects request (S3: 1000)
 * @param acceptsContentMd5 whether {@code Content-MD5} on uploads is honoured
 * @param acceptsFlexibleChecksums whether {@code x-amz-checksum-*} headers are accepted
 * @param acceptsSdkChecksumAlgorithmHeader whether {@code x-amz-sdk-checksum-algorithm} is accepted
 * @param acceptsAwsChunked whether {@code Content-Encoding: aws-chunked} signed streaming works
 * @param acceptsAwsChunkedTrailers whether aws-chunked bodies may carry checksum trailers
 * @param forbidsHostHeaderOnH2 whether an HTTP/2 request with a {@code host} header is reset (or
 *     refused with 400, as nginx does)
 * @param sends100ContinueOnH2 whether the server answers {@code Expect: 100-continue} on HTTP/2
 * @param supportsConditionalWrites whether {@code If-None-Match}/{@code If-Match} on PUT are honoured
 * @param supportsObjectAcls whether {@code x-amz-acl} on uploads is accepted
 * @param httpsOnly whether plain HTTP is refused
 * @param acceptsFullObjectCrc32c whether a multipart upload may be created with a full-object CRC32C
 *     ({@code x-amz-checksum-type: FULL_OBJECT}); R2 takes CRC32C only as a composite, Ceph mislabels it
 */
public record ProviderProfile(
    String name,
    String defaultRegion,
    AddressingStyle addressingStyle,
    boolean supportsListObjectsV2,
    boolean supportsDeleteObjects,
    boolean deleteObjectsNeedsContentMd5,
    int maxDeleteBatch,
    boolean acceptsContentMd5,
    boolean acceptsFlexibleChecksums,
    boolean acceptsSdkChecksumAlgorithmHeader,
    boolean acceptsAwsChunked,
    boolean acceptsAwsChunkedTrailers,
    boolean forbidsHostHeaderOnH2,
    boolean sends100ContinueOnH2,
    boolean supportsConditionalWrites,
    boolean supportsObjectAcls,
    boolean httpsOnly,
    boolean acceptsFullObjectCrc32c) {

  /**
   * Checks that the capabilities fit together.
   *
   * @param name a label for messages and files (e.g. {@code gcs}); it decides nothing
   * @param defaultRegion the signing region when the user gives none, or {@code null} when the user must give
   *     one (e.g. it is part of the endpoint host)
   * @param addressingStyle path or virtual-hosted URLs
   * @param supportsListObjectsV2 whether {@code list-type=2} works; otherwise ListObjects v1 is used
   * @param supportsDeleteObjects whether {@code POST ?delete} works; otherwise one DELETE per key
   * @param deleteObjectsNeedsContentMd5 whether {@code POST ?delete} must carry {@code Content-MD5}
   * @param maxDeleteBatch the most keys in one DeleteObjects request (S3: 1000)
   * @param acceptsContentMd5 whether {@code Content-MD5} on uploads is honoured
   * @param acceptsFlexibleChecksums whether {@code x-amz-checksum-*} headers are accepted
   * @param acceptsSdkChecksumAlgorithmHeader whether {@code x-amz-sdk-checksum-algorithm} is accepted
   * @param acceptsAwsChunked whether {@code Content-Encoding: aws-chunked} signed streaming works
   * @param acceptsAwsChunkedTrailers whether aws-chunked bodies may carry checksum trailers
   * @param forbidsHostHeaderOnH2 whether an HTTP/2 request with a {@code host} header is reset (or refused with
   *     400, as nginx does)
   * @param sends100ContinueOnH2 whether the server answers {@code Expect: 100-continue} on HTTP/2
   * @param supportsConditionalWrites whether {@code If-None-Match}/{@code If-Match} on PUT are honoured
   * @param supportsObjectAcls whether {@code x-amz-acl} on uploads is accepted
   * @param httpsOnly whether plain HTTP is refused
   * @param acceptsFullObjectCrc32c whether a multipart upload may be created with a full-object CRC32C ({@code
   *     x-amz-checksum-type: FULL_OBJECT}); R2 takes CRC32C only as a composite, Ceph mislabels it
   * @throws NullPointerException when {@code name} or {@code addressingStyle} is {@code null}
   * @throws IllegalArgumentException when {@code maxDeleteBatch} is outside 1..1000, or trailers or
   *     full-object CRC32C are accepted without what they need
   */
  public ProviderProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(addressingStyle, "addressingStyle");
    if (maxDeleteBatch < 1 || maxDeleteBatch > 1000) {
      throw new IllegalArgumentException("maxDeleteBatch must be 1..1000, was " + maxDeleteBatch);
    }
    if (acceptsFullObjectCrc32c && !acceptsFlexibleChecksums) {
      throw new IllegalArgumentException("acceptsFullObjectCrc32c needs acceptsFlexibleChecksums");
    }
    if (acceptsAwsChunkedTrailers && !acceptsAwsChunked) {
      throw new IllegalArgumentException("acceptsAwsChunkedTrailers needs acceptsAwsChunked");
    }
  }

  /**
   * A builder starting from this profile's values.
   *
   * @return a new builder; changing it leaves this profile as it is
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This profile with capabilities replaced by {@code overrides}, keyed as in files ({@link
   * Capability#key()}, e.g. {@code acceptsAwsChunked=false}).
   *
   * @param overrides file key to value as text; an empty map gives an equal profile
   * @return the new profile
   * @throws IllegalArgumentException naming an unknown key or a value that does not parse
   */
  public ProviderProfile withOverrides(Map<String, String> overrides) {
    Builder b = toBuilder();
    overrides.forEach(b::set);
    return b.build();
  }

  /** Sets capabilities one by one; {@link #build()} checks they fit together. */
  public static final class Builder {
    String name;
    String defaultRegion;
    AddressingStyle addressingStyle;
    boolean supportsListObjectsV2;
    boolean supportsDeleteObjects;
    boolean deleteObjectsNeedsContentMd5;
    int maxDeleteBatch;
    boolean acceptsContentMd5;
    boolean acceptsFlexibleChecksums;
    boolean acceptsSdkChecksumAlgorithmHeader;
    boolean acceptsAwsChunked;
    boolean acceptsAwsChunkedTrailers;
    boolean forbidsHostHeaderOnH2;
    boolean sends100ContinueOnH2;
    boolean supportsConditionalWrites;
    boolean supportsObjectAcls;
    boolean httpsOnly;
    boolean acceptsFullObjectCrc32c;

    Builder(ProviderProfile p) {
      name = p.name;
      defaultRegion = p.defaultRegion;
      addressingStyle = p.addressingStyle;
      supportsListObjectsV2 = p.supportsListObjectsV2;
      supportsDeleteObjects = p.supportsDeleteObjects;
      deleteObjectsNeedsContentMd5 = p.deleteObjectsNeedsContentMd5;
      maxDeleteBatch = p.maxDeleteBatch;
      acceptsContentMd5 = p.acceptsContentMd5;
      acceptsFlexibleChecksums = p.acceptsFlexibleChecksums;
      acceptsSdkChecksumAlgorithmHeader = p.acceptsSdkChecksumAlgorithmHeader;
      acceptsAwsChunked = p.acceptsAwsChunked;
      acceptsAwsChunkedTrailers = p.acceptsAwsChunkedTrailers;
      forbidsHostHeaderOnH2 = p.forbidsHostHeaderOnH2;
      sends100ContinueOnH2 = p.sends100ContinueOnH2;
      supportsConditionalWrites = p.supportsConditionalWrites;
      supportsObjectAcls = p.supportsObjectAcls;
      httpsOnly = p.httpsOnly;
      acceptsFullObjectCrc32c = p.acceptsFullObjectCrc32c;
    }

    /**
     * Sets {@link ProviderProfile#name()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder name(String v) { name = v; return this; }
    /**
     * Sets {@link ProviderProfile#defaultRegion()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder defaultRegion(String v) { defaultRegion = v; return this; }
    /**
     * Sets {@link ProviderProfile#addressingStyle()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder addressingStyle(AddressingStyle v) { addressingStyle = v; return this; }
    /**
     * Sets {@link ProviderProfile#supportsListObjectsV2()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder supportsListObjectsV2(boolean v) { supportsListObjectsV2 = v; return this; }
    /**
     * Sets {@link ProviderProfile#supportsDeleteObjects()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder supportsDeleteObjects(boolean v) { supportsDeleteObjects = v; return this; }
    /**
     * Sets {@link ProviderProfile#deleteObjectsNeedsContentMd5()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder deleteObjectsNeedsContentMd5(boolean v) { deleteObjectsNeedsContentMd5 = v; return this; }
    /**
     * Sets {@link ProviderProfile#maxDeleteBatch()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder maxDeleteBatch(int v) { maxDeleteBatch = v; return this; }
    /**
     * Sets {@link ProviderProfile#acceptsContentMd5()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder acceptsContentMd5(boolean v) { acceptsContentMd5 = v; return this; }
    /**
     * Sets {@link ProviderProfile#acceptsFlexibleChecksums()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder acceptsFlexibleChecksums(boolean v) { acceptsFlexibleChecksums = v; return this; }
    /**
     * Sets {@link ProviderProfile#acceptsSdkChecksumAlgorithmHeader()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder acceptsSdkChecksumAlgorithmHeader(boolean v) { acceptsSdkChecksumAlgorithmHeader = v; return this; }
    /**
     * Sets {@link ProviderProfile#acceptsAwsChunked()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder acceptsAwsChunked(boolean v) { acceptsAwsChunked = v; return this; }
    /**
     * Sets {@link ProviderProfile#acceptsAwsChunkedTrailers()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder acceptsAwsChunkedTrailers(boolean v) { acceptsAwsChunkedTrailers = v; return this; }
    /**
     * Sets {@link ProviderProfile#forbidsHostHeaderOnH2()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder forbidsHostHeaderOnH2(boolean v) { forbidsHostHeaderOnH2 = v; return this; }
    /**
     * Sets {@link ProviderProfile#sends100ContinueOnH2()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder sends100ContinueOnH2(boolean v) { sends100ContinueOnH2 = v; return this; }
    /**
     * Sets {@link ProviderProfile#supportsConditionalWrites()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder supportsConditionalWrites(boolean v) { supportsConditionalWrites = v; return this; }
    /**
     * Sets {@link ProviderProfile#supportsObjectAcls()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder supportsObjectAcls(boolean v) { supportsObjectAcls = v; return this; }
    /**
     * Sets {@link ProviderProfile#httpsOnly()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder httpsOnly(boolean v) { httpsOnly = v; return this; }
    /**
     * Sets {@link ProviderProfile#acceptsFullObjectCrc32c()}.
     *
     * @param v the new value
     * @return this builder
     */
    public Builder acceptsFullObjectCrc32c(boolean v) { acceptsFullObjectCrc32c = v; return this; }

    /**
     * Sets a capability by its file key from text, as an override map or a file gives it.
     *
     * @param key the capability's file key ({@link Capability#key()}), any case
     * @param value its value as text: {@code true}/{@code false}, a number or a style name
     * @return this builder
     * @throws IllegalArgumentException naming the key when it is unknown or the value does not parse
     */
    public Builder set(String key, String value) {
      Capability.forKey(key).apply(this, value);
      return this;
    }

    /**
     * The profile.
     *
     * @return a new profile with the values set so far
     * @throws IllegalArgumentException when capabilities contradict each other (trailers without
     *     aws-chunked, a batch size outside 1..1000)
     */
    public ProviderProfile build() {
      return new ProviderProfile(name, defaultRegion, addressingStyle, supportsListObjectsV2, supportsDeleteObjects,
          deleteObjectsNeedsContentMd5, maxDeleteBatch, acceptsContentMd5, acceptsFlexibleChecksums,
          acceptsSdkChecksumAlgorithmHeader, acceptsAwsChunked, acceptsAwsChunkedTrailers, forbidsHostHeaderOnH2,
          sends100ContinueOnH2, supportsConditionalWrites, supportsObjectAcls, httpsOnly, acceptsFullObjectCrc32c);
    }
  }
}

package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.Map;

/**
 * The answer to GetObjectAttributes ({@code <GetObjectAttributesResponse>}): the attributes the
 * request named in {@code x-amz-object-attributes}, each {@code null} (or empty) when not named or
 * not applicable. S3 writes them in the order of the components.
 *
 * @param eTag {@code <ETag>}, without quotes as S3 writes it here
 * @param checksums the object's checksum in {@code <Checksum>}; a COMPOSITE one without the
 *     {@code -N} that HeadObject and CompleteMultipartUpload append
 * @param checksumType {@code <Checksum><ChecksumType>}: {@code FULL_OBJECT} or {@code COMPOSITE}
 * @param objectParts {@code <ObjectParts>}, only for a multipart object
 * @param objectSize {@code <ObjectSize>} in bytes
 */
public record GetObjectAttributesResult(String eTag, Map<ChecksumAlgorithm, String> checksums, String checksumType,
    GetObjectAttributesParts objectParts, String storageClass, Long objectSize) {
  public GetObjectAttributesResult {
    checksums = ChecksumValues.copy(checksums);
  }
}

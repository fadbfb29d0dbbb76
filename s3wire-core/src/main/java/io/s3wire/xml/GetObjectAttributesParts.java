package io.s3wire.xml;

import java.util.List;

/**
 * GetObjectAttributes' {@code <ObjectParts>}: how many parts a multipart object has and, for an
 * object whose parts S3 lists there, one page of them. S3 sends the count alone for an object
 * whose checksum is FULL_OBJECT (or that has none); the page elements then are {@code null}.
 *
 * @param partsCount {@code <PartsCount>} (the SDKs call it TotalPartsCount)
 * @param partNumberMarker {@code <PartNumberMarker>}, or {@code null} when absent
 * @param nextPartNumberMarker {@code <NextPartNumberMarker>}, or {@code null} when absent
 * @param maxParts {@code <MaxParts>}, or {@code null} when absent
 * @param truncated {@code <IsTruncated>}, or {@code null} when absent
 * @param parts the {@code <Part>} elements, in part order
 */
public record GetObjectAttributesParts(int partsCount, Integer partNumberMarker, Integer nextPartNumberMarker,
    Integer maxParts, Boolean truncated, List<ObjectPart> parts) {
  public GetObjectAttributesParts {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** The count alone, as S3 answers for a multipart object it lists no parts of. */
  public static GetObjectAttributesParts countOnly(int partsCount) {
    return new GetObjectAttributesParts(partsCount, null, null, null, null, List.of());
  }
}

package io.s3wire.server;

import java.util.List;
import java.util.Objects;

/**
 * A stored object together with the parts a multipart upload made it from: their sizes, which is
 * what GetObject and HeadObject with {@code partNumber} need to find a part's bytes, and their
 * checksums, which those answers and GetObjectAttributes report.
 *
 * @param info the object
 * @param partSizes the byte sizes of its parts in part order (they add up to {@code info.size()});
 *     empty for an object stored whole by a put or copy, or when the store does not know its parts
 *     (then S3's rule for single-part objects applies: part 1 is the whole object)
 * @param partChecksums each part's own (FULL_OBJECT) checksum, in part order, as UploadPart kept it;
 *     empty when the object is stored whole or the store kept no part checksums (every part has
 *     one, or the list is empty)
 */
public record ObjectParts(StoredObject info, List<Long> partSizes, List<ObjectChecksum> partChecksums) {
  /**
   * Copies the lists and checks that they fit the object.
   *
   * @param info the object
   * @param partSizes the byte sizes of its parts in part order, or empty
   * @param partChecksums one checksum per part, or empty
   * @throws IllegalArgumentException when the sizes do not add up to the object's size or the
   *     checksums are not one per part
   */
  public ObjectParts {
    Objects.requireNonNull(info, "info");
    partSizes = List.copyOf(partSizes);
    partChecksums = List.copyOf(partChecksums);
    if (!partSizes.isEmpty() && partSizes.stream().mapToLong(Long::longValue).sum() != info.size()) {
      throw new IllegalArgumentException("part sizes " + partSizes + " do not add up to the object's "
          + info.size() + " bytes");
    }
    if (!partChecksums.isEmpty() && partChecksums.size() != partSizes.size()) {
      throw new IllegalArgumentException(partChecksums.size() + " part checksums for " + partSizes.size() + " parts");
    }
  }

  /**
   * An object's parts without their checksums.
   *
   * @param info the object
   * @param partSizes the byte sizes of its parts in part order, adding up to {@code info.size()}
   */
  public ObjectParts(StoredObject info, List<Long> partSizes) {
    this(info, partSizes, List.of());
  }

  /**
   * {@return an object stored whole, with no known parts}
   *
   * @param info the object
   */
  public static ObjectParts whole(StoredObject info) {
    return new ObjectParts(info, List.of());
  }

  /**
   * The part checksums an object keeps, given each part's ({@code null} for a part that has none):
   * all of them when every part has one, else none, since a list with a gap could not say which
   * part a checksum belongs to.
   *
   * @param perPart each part's checksum in part order, {@code null} for a part without one
   * @return every checksum, or an empty list
   */
  public static List<ObjectChecksum> everyOrNone(List<ObjectChecksum> perPart) {
    return perPart.contains(null) ? List.of() : List.copyOf(perPart);
  }

  /** {@return whether a multipart upload made the object (its parts are known)} */
  public boolean isMultipart() {
    return !partSizes.isEmpty();
  }

  /**
   * {@return the checksum of part {@code n}, or {@code null} when the store kept none or there is no such part}
   *
   * @param n the part number, 1-based
   */
  public ObjectChecksum partChecksum(int n) {
    return partChecksums.isEmpty() || n < 1 || n > partChecksums.size() ? null : partChecksums.get(n - 1);
  }
}

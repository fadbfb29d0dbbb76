package io.s3wire.server;

import java.util.List;
import java.util.Objects;

/**
 * A stored object together with the sizes of the parts a multipart upload made it from, which is
 * what GetObject and HeadObject with {@code partNumber} need to find a part's bytes.
 *
 * @param info the object
 * @param partSizes the byte sizes of its parts in part order (they add up to {@code info.size()});
 *     empty for an object stored whole by a put or copy, or when the store does not know its parts
 *     (then S3's rule for single-part objects applies: part 1 is the whole object)
 */
public record ObjectParts(ObjectInfo info, List<Long> partSizes) {
  public ObjectParts {
    Objects.requireNonNull(info, "info");
    partSizes = List.copyOf(partSizes);
    if (!partSizes.isEmpty() && partSizes.stream().mapToLong(Long::longValue).sum() != info.size()) {
      throw new IllegalArgumentException("part sizes " + partSizes + " do not add up to the object's "
          + info.size() + " bytes");
    }
  }

  /** An object stored whole. */
  public static ObjectParts whole(ObjectInfo info) {
    return new ObjectParts(info, List.of());
  }
}

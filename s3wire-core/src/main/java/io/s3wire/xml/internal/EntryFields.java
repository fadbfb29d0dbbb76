package io.s3wire.xml.internal;

import io.s3wire.xml.Owner;
import java.time.Instant;

/**
 * The child elements a listing entry ({@code <Contents>}, {@code <Version>}, {@code <DeleteMarker>})
 * shares, collected while its children are read; one instance per entry.
 */
final class EntryFields {
  String key;
  Instant lastModified;
  String eTag;
  long size;
  String storageClass;
  Owner owner;

  /** Reads the element the cursor is on if it is one of the shared fields; {@code false}, with nothing read, if not. */
  boolean read(XmlCursor c) {
    switch (c.name()) {
      case "Key" -> key = c.text();
      case "LastModified" -> lastModified = c.instantText();
      case "ETag" -> eTag = c.text();
      case "Size" -> size = c.longText();
      case "StorageClass" -> storageClass = c.text();
      case "Owner" -> owner = Roots.owner(c);
      default -> {
        return false;
      }
    }
    return true;
  }
}

package io.s3wire.xml;

import java.util.List;

/** The answer to DeleteObjects: per key, deleted or an error. */
public record DeleteResult(List<DeletedObject> deleted, List<DeleteError> errors) {
  public DeleteResult {
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}

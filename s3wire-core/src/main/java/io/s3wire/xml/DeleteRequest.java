package io.s3wire.xml;

import java.util.List;

/**
 * The {@code <Delete>} body of DeleteObjects ({@code POST /bucket?delete}).
 *
 * @param quiet when {@code true} the server reports only failures
 */
public record DeleteRequest(boolean quiet, List<ObjectIdentifier> objects) {
  public DeleteRequest {
    objects = objects == null ? List.of() : List.copyOf(objects);
  }
}

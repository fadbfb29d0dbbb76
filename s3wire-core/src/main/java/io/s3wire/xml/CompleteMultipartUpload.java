package io.s3wire.xml;

import java.util.List;

/** The body of CompleteMultipartUpload ({@code POST /bucket/key?uploadId=...}): the parts, in order. */
public record CompleteMultipartUpload(List<CompletedPart> parts) {
  public CompleteMultipartUpload {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }
}

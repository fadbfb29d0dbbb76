package io.s3wire;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param commonPrefixes the "directories" rolled up by the delimiter
 * @param nextToken what fetches the next page (a continuation token, or a v1 marker), or {@code
 *     null} on the last page
 */
public record ListObjectsPage(List<S3Object> objects, List<String> commonPrefixes, boolean truncated, String nextToken) {
  public ListObjectsPage {
    objects = List.copyOf(objects);
    commonPrefixes = List.copyOf(commonPrefixes);
  }
}

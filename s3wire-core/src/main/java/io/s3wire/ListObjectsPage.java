package io.s3wire;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects the objects of this page, in key order
 * @param commonPrefixes the "directories" rolled up by the delimiter
 * @param truncated whether more pages follow
 * @param nextToken what fetches the next page (a continuation token, or a v1 marker), or {@code
 *     null} on the last page
 */
public record ListObjectsPage(List<S3Object> objects, List<String> commonPrefixes, boolean truncated, String nextToken) {
  /**
   * Copies both lists into unmodifiable ones.
   *
   * @param objects the objects of this page
   * @param commonPrefixes the rolled-up prefixes
   * @param truncated whether more pages follow
   * @param nextToken the next page's token, or {@code null}
   */
  public ListObjectsPage {
    objects = List.copyOf(objects);
    commonPrefixes = List.copyOf(commonPrefixes);
  }
}

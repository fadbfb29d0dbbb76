package io.s3wire.xml;

/**
 * One {@code <Deleted>} entry of DeleteResult.
 *
 * @param deleteMarker {@code null} when the server did not say
 */
public record DeletedObject(String key, String versionId, Boolean deleteMarker, String deleteMarkerVersionId) {
  public static DeletedObject of(String key) {
    return new DeletedObject(key, null, null, null);
  }
}

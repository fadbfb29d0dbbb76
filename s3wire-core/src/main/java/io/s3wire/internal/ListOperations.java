package io.s3wire.internal;

import io.s3wire.ListObjectsPage;
import io.s3wire.ListObjectsRequest;
import io.s3wire.S3Object;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.xml.ListBucketResult;
import io.s3wire.xml.ObjectSummary;
import io.s3wire.xml.S3Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page of ListObjectsV2, or of ListObjects (v1) where the provider has no v2. Keys travel with
 * {@code encoding-type=url} so any key (control characters included) survives the XML, and are
 * decoded by the reader.
 */
public final class ListOperations {
  private final Pipeline pipeline;

  public ListOperations(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Fetches the page after {@code token} ({@code null} for the first). The page's {@code nextToken}
   * is a continuation token (v2) or a marker (v1).
   */
  public CompletableFuture<ListObjectsPage> page(ListObjectsRequest request, String token) {
    boolean v2 = pipeline.capabilities().profile().supportsListObjectsV2();
    S3Call.Builder b = S3Call.builder(v2 ? "ListObjectsV2" : "ListObjects", "GET").bucket(request.bucket());
    if (v2) {
      b.query("list-type", "2").queryIfPresent("continuation-token", token).queryIfPresent("start-after", request.startAfter());
    } else {
      b.queryIfPresent("marker", token != null ? token : request.startAfter());
    }
    b.queryIfPresent("prefix", request.prefix())
        .queryIfPresent("delimiter", request.delimiter())
        .queryIfPresent("max-keys", request.maxKeys() > 0 ? request.maxKeys() : null)
        .query("encoding-type", "url");
    S3Call call = b.build();
    return pipeline.execute(call)
        .thenCompose(r -> Xml.read(call, r, S3Xml::readListBucketResult))
        .thenApply(r -> {
          ListObjectsPage page = toPage(r, v2);
          if (page.truncated() && page.nextToken() == null) {
            // Stopping here would silently drop the rest of the listing.
            throw Futures.asCompletion(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
                "the answer to " + call.describe() + " says more keys follow but gives no "
                    + (v2 ? "NextContinuationToken" : "marker"), RetrySafety.PROCESSED, null));
          }
          return page;
        });
  }

  private static ListObjectsPage toPage(ListBucketResult r, boolean v2) {
    List<S3Object> objects = new ArrayList<>(r.contents().size());
    for (ObjectSummary s : r.contents()) {
      objects.add(new S3Object(s.key(), s.size(), Headers.unquoted(s.eTag()), s.lastModified(), s.storageClass()));
    }
    String next = null;
    if (r.truncated()) {
      if (v2) {
        next = r.nextContinuationToken();
      } else if (r.nextMarker() != null) {
        next = r.nextMarker();
      } else {
        // v1 without a delimiter sends no NextMarker: the last key is the marker.
        String lastKey = objects.isEmpty() ? null : objects.get(objects.size() - 1).key();
        String lastPrefix = r.commonPrefixes().isEmpty() ? null : r.commonPrefixes().get(r.commonPrefixes().size() - 1);
        next = lastKey == null ? lastPrefix : lastPrefix == null || lastKey.compareTo(lastPrefix) > 0 ? lastKey : lastPrefix;
      }
    }
    return new ListObjectsPage(objects, r.commonPrefixes(), r.truncated(), next);
  }
}

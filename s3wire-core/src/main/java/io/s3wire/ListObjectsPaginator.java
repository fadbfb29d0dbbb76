package io.s3wire;

import io.s3wire.internal.Futures;
import io.s3wire.internal.PagePublisher;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing of a bucket: iterating fetches one page at a time, following the continuation token
 * (or v1 marker) of the page before, until the server says the listing is complete. Each iteration
 * starts again from the first page. A failed page throws its {@code S3Exception} from {@code next()}.
 */
public final class ListObjectsPaginator implements Iterable<ListObjectsPage> {
  private final S3AsyncClient client;
  private final ListObjectsRequest request;

  ListObjectsPaginator(S3AsyncClient client, ListObjectsRequest request) {
    this.client = client;
    this.request = request;
  }

  /**
   * The listing as a cold publisher of pages with back-pressure, for {@link
   * S3AsyncClient#listObjectsPublisher}: a page is fetched on demand, following the next token while
   * the page before was truncated.
   */
  static Flow.Publisher<ListObjectsPage> publisher(S3AsyncClient client, ListObjectsRequest request) {
    return new PagePublisher<>(token -> client.listObjectsPage(request, token),
        page -> page.truncated() ? page.nextToken() : null);
  }

  @Override
  public Iterator<ListObjectsPage> iterator() {
    return new Iterator<>() {
      private String token;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public ListObjectsPage next() {
        if (done) {
          throw new NoSuchElementException("the listing is complete");
        }
        ListObjectsPage page = Futures.await(client.listObjectsPage(request, token));
        token = page.nextToken();
        done = !page.truncated() || token == null;
        return page;
      }
    };
  }

  /**
   * The pages as a lazy stream.
   *
   * @return a sequential stream fetching a page when it is reached; a failed page throws its
   *     {@code S3Exception} from the terminal operation
   */
  public Stream<ListObjectsPage> pages() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Every object of every page, lazily.
   *
   * @return the objects in listing order
   */
  public Stream<S3Object> objects() {
    return pages().flatMap(p -> p.objects().stream());
  }

  /**
   * Every common prefix of every page, lazily.
   *
   * @return the prefixes in listing order
   */
  public Stream<String> commonPrefixes() {
    return pages().flatMap(p -> p.commonPrefixes().stream());
  }
}

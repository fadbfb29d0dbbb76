package io.s3wire.internal;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.ServiceExceptions;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import io.s3wire.xml.ErrorBodyException;
import io.s3wire.xml.S3XmlException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads a result document from a 2xx response. An {@code <Error>} document where a result was
 * expected (S3 sends status 200 and then the failure for CompleteMultipartUpload and CopyObject)
 * becomes a {@code ServiceException}; a document that cannot be read is a protocol violation that
 * names the operation.
 */
final class Xml {
  private Xml() {}

  static <T> CompletableFuture<T> read(S3Call call, HttpResponse response, Function<byte[], T> reader) {
    return Bodies.readAll(response).thenApply(body -> {
      try {
        return reader.apply(body);
      } catch (ErrorBodyException e) {
        // Read again by ServiceExceptions, which keeps error bodies' reading in one place.
        var failure = ServiceExceptions.from(response.status(), response.headers(), body);
        response.attempts().forEach(failure::addAttempt);
        throw Futures.asCompletion(failure);
      } catch (S3XmlException e) {
        TransportException failure = new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
            "the answer to " + call.describe() + " is not a readable S3 document: " + e.getMessage(),
            RetrySafety.PROCESSED, e);
        response.attempts().forEach(failure::addAttempt);
        throw Futures.asCompletion(failure);
      }
    });
  }
}

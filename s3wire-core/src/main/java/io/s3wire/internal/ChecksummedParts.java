package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * UploadPart with a flexible checksum, in the most capable form the server takes: aws-chunked with
 * the checksum in a trailer, the checksum in a header, or Content-MD5 only ({@link UploadEncoding}).
 * A part refused in one form ({@link EncodingGate}) is sent once more in the next when its body can
 * be replayed, and the endpoint's uploads use that form from then on ({@link UploadEncodings}). In
 * the simpler forms the client reads the part once beforehand for its checksum and MD5; the returned
 * part carries the checksum either way, so CompleteMultipartUpload names the same values.
 *
 * <p>A server that answers without echoing the checksum may have ignored it (Ceph RGW 16.2 does):
 * the part's ETag is then compared with the MD5 of its bytes (read again if they were not hashed on
 * the way), the report says so, and the endpoint's later parts go as Content-MD5, which such servers
 * check. Thread-safe.
 */
final class ChecksummedParts {
  private static final String OPERATION = "UploadPart";

  private final Pipeline pipeline;

  ChecksummedParts(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** One part to send, and what to call it in reports. */
  private record Part(MultipartUpload upload, int number, RequestBody body, ChecksumAlgorithm algorithm) {
    BucketKey object() {
      return upload.object();
    }

    String subject() {
      return "part " + number + " of " + upload.object();
    }

    S3Call.Builder call() {
      return MultipartOperations.partCall(OPERATION, upload, number);
    }
  }

  /** The checksum and the MD5 of a body, read once. */
  private record Digested(byte[] checksum, byte[] md5) {}

  /** Sends the part with its checksum in an aws-chunked trailer, or the form the endpoint needs instead. */
  CompletableFuture<CompletedPart> withTrailer(MultipartUpload upload, int n, RequestBody body, ChecksumAlgorithm algorithm) {
    Part p = new Part(upload, n, body, algorithm);
    UploadEncoding form = pipeline.encodings().use(UploadEncoding.TRAILER);
    return form == UploadEncoding.TRAILER ? stepDownOn(UploadEncoding.TRAILER, p, sendTrailer(p)) : digestThenSend(p, form);
  }

  /** Sends the part with {@code value} in its checksum header, or the form the endpoint needs instead. */
  CompletableFuture<CompletedPart> withHeader(MultipartUpload upload, int n, RequestBody body, ChecksumAlgorithm algorithm,
      byte[] value) {
    Part p = new Part(upload, n, body, algorithm);
    UploadEncoding form = pipeline.encodings().use(UploadEncoding.HEADER);
    return form == UploadEncoding.HEADER ? stepDownOn(UploadEncoding.HEADER, p, sendHeader(p, value, null))
        : digestThenSend(p, form);
  }

  /** On evidence that {@code used} is refused: remembers it, reports it, and sends the part once in the next form. */
  private CompletableFuture<CompletedPart> stepDownOn(UploadEncoding used, Part p, CompletableFuture<CompletedPart> sent) {
    return sent.exceptionallyCompose(err -> {
      Throwable cause = Futures.unwrap(err);
      String evidence = EncodingGate.evidence(used, cause);
      if (evidence == null) {
        return CompletableFuture.failedFuture(cause);
      }
      UploadEncoding lower = used.lower();
      boolean again = p.body().isReplayable();
      pipeline.encodings().stepDown(OPERATION, p.subject(), used, lower, evidence + (again
          ? "; sending the part once more with " + lower.words()
          : "; the part's body is a one-shot stream, so it is not sent again"));
      if (!again) {
        return CompletableFuture.failedFuture(cause);
      }
      // A verdict reached meanwhile (another part's) may already ask for a simpler form still.
      return digestThenSend(p, pipeline.encodings().use(lower)).exceptionallyCompose(err2 -> {
        Throwable second = Futures.unwrap(err2);
        if (second != cause) {
          second.addSuppressed(cause);
        }
        return CompletableFuture.failedFuture(second);
      });
    });
  }

  /** Reads the part for its checksum and MD5 (on the client's blocking pool), then sends it in {@code form}. */
  private CompletableFuture<CompletedPart> digestThenSend(Part p, UploadEncoding form) {
    return CompletableFuture.supplyAsync(() -> digest(p, true), pipeline.blocking()).thenCompose(d ->
        form == UploadEncoding.HEADER ? stepDownOn(UploadEncoding.HEADER, p, sendHeader(p, d.checksum(), d.md5()))
            : sendMd5(p, d));
  }

  private CompletableFuture<CompletedPart> sendTrailer(Part p) {
    TrailingChecksumBody chunked = new TrailingChecksumBody(p.body(), p.algorithm());
    S3Call call = p.call().header("Content-Encoding", "aws-chunked")
        .header("x-amz-decoded-content-length", Long.toString(chunked.decodedLength()))
        .header("x-amz-trailer", chunked.trailer()).body(chunked).build();
    return pipeline.execute(call).thenCompose(r -> {
      r.close();
      byte[] sent = chunked.checksum();
      if (sent == null) {
        throw Futures.asCompletion(integrityFailure(r, p.subject() + " was answered before its body was sent to the end"));
      }
      return confirm(p, r, UploadEncoding.TRAILER, p.algorithm().base64(sent), null);
    });
  }

  /** {@code md5}: the MD5 of the body when the client read it beforehand, else {@code null}. */
  private CompletableFuture<CompletedPart> sendHeader(Part p, byte[] value, byte[] md5) {
    String checksum = p.algorithm().base64(value);
    S3Call call = p.call().header(p.algorithm().headerName(), checksum).body(p.body()).build();
    return pipeline.execute(call).thenCompose(r -> {
      r.close();
      return confirm(p, r, UploadEncoding.HEADER, checksum, md5);
    });
  }

  private CompletableFuture<CompletedPart> sendMd5(Part p, Digested d) {
    S3Call.Builder b = p.call().body(p.body());
    if (pipeline.capabilities().profile().acceptsContentMd5()) {
      b.header("Content-MD5", Base64.getEncoder().encodeToString(d.md5()));
    }
    return pipeline.execute(b.build()).thenApply(r -> {
      r.close();
      String eTag = Headers.unquoted(r.headers().first("ETag").orElse(null));
      ObjectOperations.checkMd5(p.object(), HexFormat.of().formatHex(d.md5()), eTag, r);
      return new CompletedPart(p.number(), eTag, p.body().contentLength(), p.algorithm(), p.algorithm().base64(d.checksum()));
    });
  }

  /**
   * The part as the server answered it, sent with {@code checksum}: an echo must match it; without
   * one, the ETag is compared with the MD5 of the bytes ({@code md5}, or read again) and the report
   * says so.
   */
  private CompletableFuture<CompletedPart> confirm(Part p, HttpResponse r, UploadEncoding used, String checksum,
      byte[] md5) {
    String echoed = r.headers().first(p.algorithm().headerName()).orElse(null);
    if (echoed != null && !echoed.equals(checksum)) {
      throw Futures.asCompletion(integrityFailure(r, p.subject() + " was sent with " + p.algorithm() + " " + checksum
          + " but the server answered " + echoed));
    }
    String eTag = Headers.unquoted(r.headers().first("ETag").orElse(null));
    CompletedPart part = new CompletedPart(p.number(), eTag, p.body().contentLength(), p.algorithm(), checksum);
    if (echoed != null) {
      return CompletableFuture.completedFuture(part);
    }
    if (eTag == null || !ObjectOperations.isMd5(eTag) || ObjectOperations.isKmsEncrypted(r)) {
      unconfirmed(p, used, "nothing: the part's ETag is not the MD5 of its bytes");
      return CompletableFuture.completedFuture(part);
    }
    if (md5 == null && !p.body().isReplayable()) {
      unconfirmed(p, used, "nothing: the part's body is a one-shot stream that cannot be read again for its MD5");
      return CompletableFuture.completedFuture(part);
    }
    CompletableFuture<byte[]> known = md5 != null ? CompletableFuture.completedFuture(md5)
        : CompletableFuture.supplyAsync(() -> digest(p, false).md5(), pipeline.blocking());
    return known.thenApply(m -> {
      ObjectOperations.checkMd5(p.object(), HexFormat.of().formatHex(m), eTag, r);
      unconfirmed(p, used, "comparing the part's ETag with the MD5 of its bytes");
      return part;
    });
  }

  private void unconfirmed(Part p, UploadEncoding used, String checkedBy) {
    pipeline.encodings().unconfirmed(OPERATION, p.subject(), used, p.algorithm().toString(), checkedBy);
  }

  /** Reads the body to its end for its MD5 and, with {@code withChecksum}, its checksum (blocking). */
  private static Digested digest(Part p, boolean withChecksum) {
    MessageDigest md5 = Digests.md5();
    MessageDigest checksum = withChecksum ? p.algorithm().newDigest() : null;
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try (ReadableByteChannel ch = p.body().open()) {
      int n;
      while ((n = ch.read(buf)) >= 0) {
        if (n == 0) {
          throw new ClientException("body", "the body of " + p.subject() + " gave 0 bytes with room to read while it was"
              + " hashed; a RequestBody's channel must block until it has a byte or its end");
        }
        buf.flip();
        md5.update(buf.duplicate());
        if (checksum != null) {
          checksum.update(buf);
        }
        buf.clear();
      }
    } catch (IOException e) {
      throw new ClientException("body", "cannot read " + p.subject() + " to hash it: " + e.getMessage(), e);
    }
    return new Digested(checksum == null ? null : checksum.digest(), md5.digest());
  }

  private static TransportException integrityFailure(HttpResponse r, String what) {
    TransportException e = new TransportException(TransportException.Kind.IO, "integrity check failed: " + what,
        RetrySafety.PROCESSED, null);
    r.attempts().forEach(e::addAttempt);
    return e;
  }
}

package io.s3wire.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.http.HttpTransport;
import io.s3wire.wire.WireListener;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one client holds: the pipeline, the operations over it, a small pool of daemon threads
 * for reading blocking sources, and the transport (closed with the client only when the client made
 * it).
 */
public final class ClientCore implements AutoCloseable {
  public final Pipeline pipeline;
  public final BucketOperations buckets;
  public final ObjectOperations objects;
  public final Downloads downloads;
  public final ListOperations listings;
  public final DeleteOperations deletes;
  public final MultipartOperations multipart;
  public final StreamUpload streamUpload;
  private final Endpoint endpoint;
  private final String region;
  private final io.s3wire.auth.CredentialsProvider credentials;
  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final ExecutorService blocking;

  /** The settings a core is built from, already resolved and validated by the public builder. */
  public record Settings(
      Endpoint endpoint,
      String region,
      Credentials credentials,
      Capabilities capabilities,
      HttpTransport transport,
      boolean ownsTransport,
      WireListener listener,
      io.s3wire.retry.RetryPolicy retry,
      int partSize,
      Clock clock,
      String userAgent,
      io.s3wire.PayloadSigning payloadSigning,
      io.s3wire.auth.CredentialsProvider credentialsProvider) {}

  public ClientCore(Settings s) {
    this(s, io.s3wire.metrics.CallListener.NONE);
  }

  /** As above, every call's start, attempts and end told to {@code calls}. */
  public ClientCore(Settings s, io.s3wire.metrics.CallListener calls) {
    this.endpoint = s.endpoint();
    this.region = s.region();
    this.credentials = s.credentialsProvider() != null ? s.credentialsProvider()
        : io.s3wire.auth.CredentialsProvider.of(s.credentials());
    this.transport = s.transport();
    this.ownsTransport = s.ownsTransport();
    this.blocking = Executors.newCachedThreadPool(daemonThreads());
    this.pipeline = new Pipeline(s.transport(), s.listener(), s.endpoint(), s.capabilities(),
        new SigV4RequestSigner(credentials, s.region()), new ClockSkew(s.clock()), s.retry(), blocking, s.userAgent(),
        s.payloadSigning(), calls);
    this.buckets = new BucketOperations(pipeline, s.region());
    this.objects = new ObjectOperations(pipeline);
    this.downloads = new Downloads(objects);
    this.listings = new ListOperations(pipeline);
    this.deletes = new DeleteOperations(pipeline, objects);
    this.multipart = new MultipartOperations(pipeline, objects);
    this.streamUpload = new StreamUpload(objects, multipart, blocking, s.partSize());
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** The signing region. */
  public String region() {
    return region;
  }

  /** The credentials requests are signed with at this moment (refreshed when they expire). */
  public Credentials credentials() {
    return credentials.resolve();
  }

  public HttpTransport transport() {
    return transport;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "s3wire-source-reader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    blocking.shutdownNow();
    if (ownsTransport) {
      transport.close();
    }
  }
}

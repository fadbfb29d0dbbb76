package io.s3wire.server;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A memory-store server and a file-store server, both on {@link Peers#onOneDigitDay()}: the pair a
 * peer-client test class starts once ({@code @BeforeAll}) to run each case on both stores; with
 * {@link #startWithHttp2}, also a TLS memory-store server, on which {@link Peers#sync} runs the same
 * case over HTTP/2.
 */
final class TwoStores implements AutoCloseable {
  final S3Server memory;
  final S3Server file;
  private final S3Server tls;

  private TwoStores(S3Server memory, S3Server file, S3Server tls) {
    this.memory = memory;
    this.file = file;
    this.tls = tls;
  }

  /** Starts both servers; the file store lives in a new temporary directory named from {@code dirPrefix}. */
  static TwoStores start(String dirPrefix) throws IOException {
    return new TwoStores(Peers.onOneDigitDay().start(), fileServer(dirPrefix), null);
  }

  /** Starts both servers and a third, on a memory store over TLS, for a run over HTTP/2. */
  static TwoStores startWithHttp2(String dirPrefix) throws IOException {
    return new TwoStores(Peers.onOneDigitDay().start(), fileServer(dirPrefix), Peers.onOneDigitDay().tls(true).start());
  }

  private static S3Server fileServer(String dirPrefix) throws IOException {
    return Peers.onOneDigitDay()
        .store(ObjectStore.file(Files.createTempDirectory(dirPrefix), Peers.oneDigitDayClock())).start();
  }

  /**
   * The servers as parameterised-test arguments: {@code ("memory", server)}, {@code ("file", server)}
   * and, if started, {@code ("memory-h2-tls", server)}.
   */
  Stream<Arguments> arguments() {
    Stream<Arguments> two = Stream.of(Arguments.of("memory", memory), Arguments.of("file", file));
    return tls == null ? two : Stream.concat(two, Stream.of(Arguments.of("memory-h2-tls", tls)));
  }

  /** Closes the servers and the file store. */
  @Override
  public void close() throws IOException {
    memory.close();
    file.close();
    file.store().close();
    if (tls != null) {
      tls.close();
    }
  }
}

package io.s3wire.server;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A memory-store server and a file-store server, both on {@link Peers#onOneDigitDay()}: the pair a
 * peer-client test class starts once ({@code @BeforeAll}) to run each case on both stores.
 */
final class TwoStores implements AutoCloseable {
  final S3Server memory;
  final S3Server file;

  private TwoStores(S3Server memory, S3Server file) {
    this.memory = memory;
    this.file = file;
  }

  /** Starts both servers; the file store lives in a new temporary directory named from {@code dirPrefix}. */
  static TwoStores start(String dirPrefix) throws IOException {
    S3Server memory = Peers.onOneDigitDay().start();
    S3Server file = Peers.onOneDigitDay()
        .store(ObjectStore.file(Files.createTempDirectory(dirPrefix), Peers.oneDigitDayClock())).start();
    return new TwoStores(memory, file);
  }

  /** The servers as parameterised-test arguments: {@code ("memory", server)} and {@code ("file", server)}. */
  Stream<Arguments> arguments() {
    return Stream.of(Arguments.of("memory", memory), Arguments.of("file", file));
  }

  /** Closes both servers and the file store. */
  @Override
  public void close() throws IOException {
    memory.close();
    file.close();
    file.store().close();
  }
}

package io.s3wire.http.internal;

import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.internal.tcnative.SSLContext;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes NSS key-log lines (TLS 1.3 traffic secrets, TLS 1.2 CLIENT_RANDOM) for a BoringSSL
 * context, so Wireshark/tshark can decrypt a capture.
 *
 * <p>Netty 4.2 has no public option for this. netty-tcnative's {@code SSLContext.setKeyLogCallback}
 * works when given the native {@code SSL_CTX*}, which {@link ReferenceCountedOpenSslContext} keeps
 * in its protected {@code ctx} field: read here by reflection, in this one class. ({@code
 * sslCtxPointer()} is not that pointer's equivalent for this call: passing it crashes the JVM.)
 *
 * <p>HTTP/3's QUIC handshakes run in the QUIC codec's own BoringSSL, which takes a key log directly
 * ({@code QuicSslContextBuilder.keylog}): this class is that log too ({@link #open}).
 *
 * <p>The callback runs on the event loop during handshakes; each line is one small append to a file
 * opened once, which the transport closes with {@link #close()}.
 */
final class OpenSslKeyLog implements AutoCloseable, io.netty.handler.codec.quic.BoringSSLKeylog {
  private final FileChannel out;

  private OpenSslKeyLog(FileChannel out) {
    this.out = out;
  }

  /** Installs the callback on {@code context} (an OPENSSL-provider context) writing to {@code file}. */
  static OpenSslKeyLog install(SslContext context, Path file) {
    if (!(context instanceof ReferenceCountedOpenSslContext)) {
      throw new ClientException("keyLogFile", "the key log needs the OPENSSL provider's context, got " + context.getClass().getName());
    }
    long ctx;
    try {
      Field f = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
      f.setAccessible(true);
      ctx = f.getLong(context);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ClientException("keyLogFile", "cannot reach BoringSSL's context to install the key log: " + e, e);
    }
    if (ctx == 0) {
      throw new ClientException("keyLogFile", "BoringSSL's context is not initialised");
    }
    OpenSslKeyLog log = open(file);
    SSLContext.setKeyLogCallback(ctx, (ssl, line) -> log.write(line));
    return log;
  }

  /** A key log appending to {@code file}, for a QUIC context's {@code keylog} option. */
  static OpenSslKeyLog open(Path file) {
    try {
      return new OpenSslKeyLog(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new ClientException("keyLogFile", "cannot open " + file + " for writing: " + e.getMessage(), e);
    }
  }

  @Override
  public void logKey(javax.net.ssl.SSLEngine engine, String line) {
    write(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private synchronized void write(byte[] line) {
    ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    try {
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    } catch (IOException ignored) {
      // A key log that cannot be written must not break the handshake; the file shows the gap.
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // Nothing more to write.
    }
  }
}

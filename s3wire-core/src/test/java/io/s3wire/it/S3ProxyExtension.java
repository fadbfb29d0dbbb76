package io.s3wire.it;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one s3proxy per test run: started on first use, stopped when the run ends (it lives in
 * the root context's store, which JUnit closes last).
 */
public final class S3ProxyExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(S3ProxyExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == S3ProxyPeer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(NS).getOrComputeIfAbsent("peer", k -> new Holder(), Holder.class).peer;
  }

  /** Closes the peer when JUnit closes the root store. */
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final S3ProxyPeer peer;

    Holder() {
      try {
        peer = S3ProxyPeer.start(Path.of("target", "s3proxy"));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start s3proxy: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      peer.close();
    }
  }
}

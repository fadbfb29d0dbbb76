package io.s3wire.http.internal;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.Slf4JLoggerFactory;

/**
 * Sends Netty's own log through SLF4J, like s3wire's. Netty otherwise picks SLF4J only when a
 * binding is present and falls back to {@code java.util.logging}, which prints its warnings (and
 * stack traces) to the terminal of an application that never asked for them.
 *
 * <p>Netty's logger factory is global to the JVM: it is set once, when the first s3wire transport
 * is made, and Netty classes loaded before keep their loggers. An application that chose Netty's
 * logging itself keeps its choice by setting the system property {@value #KEEP_PROPERTY} to
 * {@code true}.
 */
final class NettyLogging {
  static final String KEEP_PROPERTY = "io.s3wire.keepNettyLogging";
  private static volatile boolean installed;

  private NettyLogging() {}

  static void install() {
    if (installed) {
      return;
    }
    synchronized (NettyLogging.class) {
      if (!installed && !Boolean.getBoolean(KEEP_PROPERTY)) {
        InternalLoggerFactory.setDefaultFactory(Slf4JLoggerFactory.INSTANCE);
      }
      installed = true;
    }
  }
}

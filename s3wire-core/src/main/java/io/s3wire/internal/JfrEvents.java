package io.s3wire.internal;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR events of s3wire, enabled by default (a recording started with {@code jcmd <pid>
 * JFR.start} has them) and costing one check per call when no recording runs. No stack traces:
 * they would cost more than the facts.
 */
final class JfrEvents {
  private JfrEvents() {}

  /** One S3 request, from its start to its response head or failure, retries included. */
  @Name("io.s3wire.Call")
  @Label("S3 Call")
  @Category({"s3wire"})
  @Description("One S3 request of an s3wire client, retries included, until its response head or failure")
  @Enabled(true)
  @StackTrace(false)
  static final class Call extends Event {
    @Label("Operation") String operation;
    @Label("Bucket") String bucket;
    @Label("Key") String key;
    @Label("Attempts") int attempts;
    @Label("Status") int status;
    @Label("Bytes Sent") @DataAmount long bytesSent;
    @Label("Bytes Received") @DataAmount long bytesReceived;
    @Label("Failure") String failure;
  }

  /** One attempt of an S3 request. */
  @Name("io.s3wire.Attempt")
  @Label("S3 Attempt")
  @Category({"s3wire"})
  @Description("One attempt of an S3 request of an s3wire client")
  @Enabled(true)
  @StackTrace(false)
  static final class Attempt extends Event {
    @Label("Operation") String operation;
    @Label("Bucket") String bucket;
    @Label("Retry Number") int retry;
    @Label("Protocol") String protocol;
    @Label("ALPN") String alpn;
    @Label("TLS Provider") String tlsProvider;
    @Label("Status") int status;
    @Label("Bytes Sent") @DataAmount long bytesSent;
    @Label("Bytes Received") @DataAmount long bytesReceived;
    @Label("Fell Back To HTTP/1.1") boolean fellBack;
    @Label("Failure") String failure;
  }
}

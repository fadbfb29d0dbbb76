package io.s3wire.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * s3proxy 2.6.0 in a child JVM as the benchmarks' peer server: jclouds' transient (in-memory)
 * store, SigV2 or SigV4 with the benchmark's credentials, logging at WARN.
 */
final class S3proxyChild {
  private S3proxyChild() {}

  /**
   * Starts s3proxy on {@code port}; {@code largestSignedBody} is the largest body with a signed
   * payload hash it must accept.
   */
  static ChildJvm start(Path dir, List<String> prefix, List<String> jvmArgs, Path classpathFile, int port,
      long largestSignedBody) throws Exception {
    if (classpathFile == null) {
      throw new IOException("no --s3proxy-classpath given (bench/run.sh resolves it from s3wire-bench/peers/s3proxy)");
    }
    String cp = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
    List<String> jvm = new ArrayList<>(jvmArgs);
    Path logback = dir.resolve("s3proxy-logback.xml");
    Files.writeString(logback, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
        + "<encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender>"
        + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>", StandardCharsets.UTF_8);
    jvm.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
    Path props = dir.resolve("s3proxy.properties");
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ServerBench.ACCESS_KEY,
        "s3proxy.credential=" + ServerBench.SECRET_KEY,
        // s3proxy buffers a SigV4 body whose payload hash is signed (not aws-chunked) to check it,
        // and by default refuses one over 32 MiB (400 MaxMessageLengthExceeded). s3wire's client
        // signs the payload over plain HTTP, so the limit is raised to fit the benchmark's object.
        "s3proxy.v4-max-non-chunked-request-size=" + (largestSignedBody + (1 << 20)),
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused",
        ""), StandardCharsets.UTF_8);
    return ChildJvm.start(ServerBench.S3PROXY, dir, prefix, jvm, cp, "org.gaul.s3proxy.Main",
        List.of("--properties", props.toAbsolutePath().toString()), port);
  }
}

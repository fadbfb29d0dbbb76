package io.s3wire.cli.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.rgw.RgwCluster;
import io.s3wire.server.internal.fault.MiniJson;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command line as a user configured for one of RGW's fronts runs it: AWS environment variables
 * (with {@code AWS_CA_BUNDLE} for the TLS front), a HOME of its own, {@code --provider ceph}.
 */
final class RgwCli {
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  /** RGW's own plain-HTTP front end, or nginx with TLS and HTTP/2 before it. */
  enum Front {
    PLAIN, TLS;

    URI endpoint() {
      return this == PLAIN ? RgwCluster.get().endpoint() : RgwCluster.get().tlsEndpoint();
    }
  }

  private final Front front;
  private final Path home;

  RgwCli(Front front, Path home) {
    this.front = front;
    this.home = home;
  }

  Map<String, String> env() {
    RgwCluster rgw = RgwCluster.get();
    Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", rgw.accessKey(),
        "AWS_SECRET_ACCESS_KEY", rgw.secretKey(), "AWS_REGION", rgw.region(),
        "AWS_ENDPOINT_URL", front.endpoint().toString()));
    if (front == Front.TLS) {
      env.put("AWS_CA_BUNDLE", rgw.ca().toString());
    }
    return env;
  }

  /** {@code s3wire ARGS... --provider ceph}; never shows the secret key. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--provider");
    all.add("ceph");
    CliRun r = CliRun.run(env(), all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("no secret in the output").doesNotContain(RgwCluster.get().secretKey());
    return r;
  }

  /** {@link #run}, which must exit 0. */
  CliRun ok(String... args) {
    CliRun r = run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  /** A new bucket's name, unique in this run. */
  static String bucket(String what) {
    return "s3w-cli-" + what + "-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> jsonLines(String out) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add((Map<String, Object>) MiniJson.parse(line));
      }
    }
    return lines;
  }
}

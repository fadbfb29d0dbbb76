package io.s3wire.cli.doctor;

import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import io.s3wire.server.internal.fault.MiniJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code s3wire doctor --json} against an embedded server the test configured, as a user would. */
final class DoctorTestServer {
  static final String BUCKET = "doctor-bucket";

  private DoctorTestServer() {}

  /** The environment of a user whose AWS settings point at {@code server}. */
  static Map<String, String> env(S3Server server, Path home, Path ca) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("AWS_ACCESS_KEY_ID", server.accessKey());
    env.put("AWS_SECRET_ACCESS_KEY", server.secretKey());
    env.put("AWS_REGION", "us-east-1");
    if (ca != null) {
      env.put("AWS_CA_BUNDLE", ca.toString());
    }
    return env;
  }

  static Path ca(S3Server server, Path dir) throws IOException {
    Path ca = dir.resolve("ca.pem");
    server.writeCertificatePem(ca);
    return ca;
  }

  static void bucket(S3Server server) throws IOException {
    server.store().createBucket(BUCKET);
  }

  /** The parsed JSON document of one run. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> runJson(S3Server server, Map<String, String> env, String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "doctor";
    args[1] = "--endpoint=" + server.endpoint();
    args[2] = "--bucket=" + BUCKET;
    args[3] = "--json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    CliRun run = CliRun.run(env, args);
    if (run.exitCode() != 0) {
      throw new AssertionError("doctor failed: " + run);
    }
    return (Map<String, Object>) MiniJson.parse(run.out());
  }

  /** The ids of the findings of one severity ({@code problem} or {@code note}). */
  @SuppressWarnings("unchecked")
  static List<String> ids(Map<String, Object> doc, String severity) {
    return ((List<Object>) doc.get("findings")).stream().map(f -> (Map<String, Object>) f)
        .filter(f -> severity.equals(f.get("severity"))).map(f -> (String) f.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> finding(Map<String, Object> doc, String id) {
    return ((List<Object>) doc.get("findings")).stream().map(f -> (Map<String, Object>) f)
        .filter(f -> id.equals(f.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no finding " + id + " in " + doc.get("findings")));
  }
}

package io.s3wire.cli.commands;

import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An embedded server and the environment a user of it would have; runs the real entry point against it. */
final class LocalS3 implements AutoCloseable {
  static final String ACCESS_KEY = "cli-test-access";
  static final String SECRET_KEY = "cli-test-secret-value-0123456789";

  final S3Server server;
  final Map<String, String> env;

  LocalS3(Path home) throws IOException {
    this(S3Server.builder().credentials(ACCESS_KEY, SECRET_KEY).start(), home);
  }

  LocalS3(S3Server server, Path home) {
    this.server = server;
    this.env = Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
        "AWS_REGION", "us-east-1");
  }

  /** {@code s3wire COMMAND ARGS... --endpoint URL}. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoint");
    all.add(server.endpoint().toString());
    return CliRun.run(env, all.toArray(String[]::new));
  }

  /** A run with {@code stdin} as standard input; the bytes written to standard output are returned in {@code out}. */
  BinaryRun runWithStreams(byte[] stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StdStreams.use(new ByteArrayInputStream(stdin), stdout);
    try {
      CliRun r = run(args);
      return new BinaryRun(r, stdout.toByteArray());
    } finally {
      StdStreams.reset();
    }
  }

  record BinaryRun(CliRun run, byte[] stdout) {}

  @Override
  public void close() {
    server.close();
  }
}

/**
 * The {@code s3wire} command line ({@code io.s3wire.cli.Main}). It exports nothing: it is an
 * application, not a library. picocli reads the commands' annotated fields reflectively, so the
 * packages that hold commands are opened to it.
 */
module io.s3wire.cli {
  requires io.s3wire;
  requires io.s3wire.server;
  requires info.picocli;
  // Whether Netty's native QUIC library loaded: probe and doctor say so before offering h3.
  requires io.netty.codec.classes.quic;
  // JSON: fault rules and policies (server), the doctor's report (CLI).
  requires com.fasterxml.jackson.jr.ob;
  requires java.logging;

  opens io.s3wire.cli to info.picocli;
  opens io.s3wire.cli.commands to info.picocli;
  opens io.s3wire.cli.doctor to info.picocli;
}

package io.s3wire.server.boundary;

import io.s3wire.S3Client;
import io.s3wire.boundary.ApiSurface;
import io.s3wire.boundary.JavadocWarnings;
import io.s3wire.boundary.Ratchet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Javadoc warnings in the server's exported package may only go down (see core's
 * JavadocRatchetTest): it is at zero, so every new public member needs its comment.
 */
class ServerJavadocRatchetTest {
  /** Warnings per exported package when the ratchet was set; a package absent here must have none. */
  static final Map<String, Integer> CEILING = Map.of();

  @Test
  @Timeout(300)
  void exportedPackagesGainNoJavadocWarnings() throws Exception {
    Path core = ApiSurface.of(S3Client.class).reference().location().map(Path::of).orElseThrow();
    JavadocWarnings.Report report = JavadocWarnings.run("io.s3wire.server", Path.of("src/main/java"),
        name -> name.matches("(netty-|slf4j-api-|jackson-(jr-objects|core)-|bc(pkix|prov|util)-|junit-jupiter-api-|junit-platform-commons-|opentest4j-"
            + "|apiguardian-api-).*"),
        List.of(core));
    Ratchet.check(report, CEILING);
  }
}

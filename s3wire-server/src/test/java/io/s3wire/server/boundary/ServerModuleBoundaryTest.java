package io.s3wire.server.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.S3Client;
import io.s3wire.boundary.ApiSurface;
import io.s3wire.server.S3Server;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The boundary the server's module descriptor draws, checked as core's ModuleBoundaryTest checks core's:
 * exports, leaks of unexported types (core's included), unique names across both modules' APIs, and
 * resolution as a module with its dependencies.
 */
class ServerModuleBoundaryTest {
  private static final ApiSurface CORE = ApiSurface.of(S3Client.class);
  private static final ApiSurface SERVER = ApiSurface.of(S3Server.class);

  @Test
  void exportsOnlyTheServerPackage() {
    assertThat(SERVER.descriptor().name()).isEqualTo("io.s3wire.server");
    assertThat(SERVER.apiPackages()).containsExactly("io.s3wire.server");
    assertThat(SERVER.descriptor().requires())
        .anySatisfy(r -> assertThat(r.name()).isEqualTo("io.s3wire"));
  }

  @Test
  void noPublicSignatureMentionsAnUnexportedType() {
    Set<String> api = new TreeSet<>(CORE.apiPackages());
    api.addAll(SERVER.apiPackages());
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : SERVER.apiTypes()) {
      leaks.addAll(ApiSurface.leaks(type, t -> ApiSurface.isApiOrForeign(t, api)));
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void exportedTypesHaveUniqueSimpleNamesWithinTheServer() {
    assertThat(ApiSurface.duplicateSimpleNames(SERVER.apiTypes())).isEmpty();
  }

  @Test
  void exportedTypesHaveUniqueSimpleNamesAcrossCoreAndServer() {
    List<Class<?>> both = new ArrayList<>(CORE.apiTypes());
    both.addAll(SERVER.apiTypes());
    assertThat(ApiSurface.duplicateSimpleNames(both)).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void resolvesAsAModuleAndServesFromIt() throws Exception {
    List<Path> path = new ArrayList<>();
    path.add(SERVER.reference().location().map(Path::of).orElseThrow());
    path.add(CORE.reference().location().map(Path::of).orElseThrow());
    Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.getFileName().toString().matches("(netty-|slf4j-api-|jackson-(jr-objects|core)-|bc(pkix|prov|util)-).*"))
        .forEach(path::add);
    ModuleLayer boot = ModuleLayer.boot();
    Configuration cf = boot.configuration().resolve(ModuleFinder.of(path.toArray(Path[]::new)),
        ModuleFinder.of(), Set.of("io.s3wire.server"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    Module module = layer.findModule("io.s3wire.server").orElseThrow();
    assertThat(module.isExported("io.s3wire.server")).isTrue();
    assertThat(module.isExported("io.s3wire.server.internal.s3")).isFalse();

    // A server started from the layer's classes runs the whole module graph: Netty, BouncyCastle, core.
    Class<?> server = Class.forName("io.s3wire.server.S3Server", true, layer.findLoader("io.s3wire.server"));
    assertThat(server.getModule()).isSameAs(module);
    Object builder = server.getMethod("builder").invoke(null);
    builder = builder.getClass().getMethod("host", String.class).invoke(builder, "127.0.0.1");
    builder = builder.getClass().getMethod("port", int.class).invoke(builder, 0);
    Object built = builder.getClass().getMethod("build").invoke(builder);
    try (AutoCloseable running = (AutoCloseable) server.getMethod("start").invoke(built)) {
      assertThat((int) server.getMethod("port").invoke(running)).isPositive();
    }
  }
}

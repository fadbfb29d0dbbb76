package io.s3wire.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.S3Client;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary core's module descriptor draws: what it exports, that no exported signature leaks an
 * unexported type, that exported names are unique, and that the module resolves with its
 * dependencies as modules (tests otherwise run on the class path, where the descriptor is ignored).
 */
class ModuleBoundaryTest {
  private static final ApiSurface CORE = ApiSurface.of(S3Client.class);

  @Test
  void exportsNoInternalPackageToEveryone() {
    assertThat(CORE.descriptor().name()).isEqualTo("io.s3wire");
    assertThat(CORE.apiPackages())
        .contains("io.s3wire", "io.s3wire.auth", "io.s3wire.error", "io.s3wire.http", "io.s3wire.wire")
        .allSatisfy(p -> assertThat(p).doesNotContain(".internal").isNotEqualTo("io.s3wire.xml"));
  }

  @Test
  void noPublicSignatureMentionsAnUnexportedType() {
    Set<String> api = CORE.apiPackages();
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : CORE.apiTypes()) {
      leaks.addAll(ApiSurface.leaks(type, t -> ApiSurface.isApiOrForeign(t, api)));
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theLeakCheckSeesAnInternalTypeInASignature() {
    // The check above must be able to fail: here io.s3wire.internal is not counted as API.
    Set<String> withoutInternal = Set.of("io.s3wire");
    assertThat(ApiSurface.leaks(Leaky.class, t -> ApiSurface.isApiOrForeign(t, withoutInternal)))
        .anySatisfy(l -> assertThat(l).contains("Leaky.value()").contains("io.s3wire.internal.Futures"));
  }

  @Test
  void exportedTypesHaveUniqueSimpleNames() {
    assertThat(ApiSurface.duplicateSimpleNames(CORE.apiTypes())).isEmpty();
  }

  @Test
  void resolvesAsAModuleWithItsDependenciesAndLoadsItsClasses() throws Exception {
    List<Path> path = new ArrayList<>();
    path.add(CORE.reference().location().map(Path::of).orElseThrow());
    // Netty's and SLF4J's API jars, as a user's module path would hold them; nothing else from the test class path.
    Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.getFileName().toString().startsWith("netty-")
            || p.getFileName().toString().startsWith("slf4j-api-"))
        .forEach(path::add);
    ModuleLayer boot = ModuleLayer.boot();
    // Resolution fails when a module named by a non-static `requires` is missing or misnamed.
    Configuration cf = boot.configuration().resolve(ModuleFinder.of(path.toArray(Path[]::new)),
        ModuleFinder.of(), Set.of("io.s3wire"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    Module module = layer.findModule("io.s3wire").orElseThrow();
    ClassLoader loader = layer.findLoader("io.s3wire");

    Class<?> client = Class.forName("io.s3wire.S3Client", true, loader);
    assertThat(client.getModule()).isSameAs(module);
    assertThat(client).isNotSameAs(S3Client.class);
    assertThat(module.isExported("io.s3wire")).isTrue();
    assertThat(module.isExported("io.s3wire.internal")).isFalse();
    assertThat(module.isExported("io.s3wire.xml")).isFalse();
    // Every class links against its dependencies in the layer: a class whose signatures name a type
    // from a module that was not resolved fails here with NoClassDefFoundError.
    for (String name : CORE.classNames()) {
      Class<?> c = Class.forName(name, false, loader);
      c.getDeclaredMethods();
      c.getDeclaredFields();
    }
  }

  /** A type whose public signature leaks an internal one, for the check's own test. */
  public static final class Leaky {
    /** Mentions an internal type on purpose. */
    public io.s3wire.internal.Futures value() {
      return null;
    }
  }
}

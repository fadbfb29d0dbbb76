package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file store's versions on disk: they survive reopening, and objects of the unversioned layout still load. */
@Timeout(30)
class FileStoreVersionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-05T06:07:08Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private static InputStream body(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(ObjectStore store, String key, String versionId) throws Exception {
    StoredObject info = store.version("b", key, versionId).object();
    try (ObjectContent c = store.getObjectVersion("b", key, versionId, 0, info.size());
        InputStream in = c.newInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> versions(ObjectStore store) throws Exception {
    List<String> out = new ArrayList<>();
    store.listVersions("b", "", "", "").forEachRemaining(v -> out.add(v.key() + " " + v.versionId() + " "
        + (v.deleteMarker() ? "marker" : v.object().size()) + (v.latest() ? " latest" : "")));
    return out;
  }

  @Test
  void versionsAndMarkersSurviveReopening() throws Exception {
    String v1;
    String v2;
    String marker;
    List<String> before;
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      store.createBucket("b");
      store.setVersioning("b", BucketVersioning.ENABLED);
      v1 = store.putObject("b", "k", ObjectAttributes.empty(), body("one")).versionId();
      v2 = store.putObject("b", "k", ObjectAttributes.empty(), body("second")).versionId();
      marker = store.delete("b", "k", null).versionId();
      store.putObject("b", "other", ObjectAttributes.empty(), body("x"));
      before = versions(store);
    }
    // A crash between publishing a version's data and its metadata leaves an orphan data file.
    String h = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest("k".getBytes(StandardCharsets.UTF_8)));
    Path orphan = Files.writeString(dir.resolve("buckets/b/objects/" + h + ".0123456789abcdef0123456789abcdef.data"),
        "half");
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      assertThat(store.versioning("b")).isEqualTo(BucketVersioning.ENABLED);
      assertThat(versions(store)).isEqualTo(before).containsExactly("k " + marker + " marker latest", "k " + v2 + " 6",
          "k " + v1 + " 3", "other " + store.headObject("b", "other").versionId() + " 1 latest");
      assertThat(read(store, "k", v1)).isEqualTo("one");
      assertThat(read(store, "k", v2)).isEqualTo("second");
      assertThatThrownBy(() -> store.headObject("b", "k")).isInstanceOfSatisfying(S3ErrorException.class, e -> {
        assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_KEY);
        assertThat(e.extra()).containsEntry("header:x-amz-delete-marker", "true");
      });
      assertThat(orphan).doesNotExist();
      store.delete("b", "k", v2);
      store.delete("b", "k", marker);
      assertThat(store.headObject("b", "k").versionId()).isEqualTo(v1);
    }
    try (ObjectStore store = ObjectStore.file(dir, CLOCK);
        Stream<Path> files = Files.list(dir.resolve("buckets/b/objects"))) {
      assertThat(versions(store)).first().isEqualTo("k " + v1 + " 3 latest");
      // Two metadata files and the data of the two versions left; the removed version's data is gone.
      assertThat(files.count()).isEqualTo(4);
    }
  }

  @Test
  void objectsOfTheUnversionedLayoutLoadAndBecomeNullVersions() throws Exception {
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      store.createBucket("b");
      store.putObject("b", "k", ObjectAttributes.empty(), body("old"));
    }
    Path meta;
    try (Stream<Path> files = Files.list(dir.resolve("buckets/b/objects"))) {
      meta = files.filter(p -> p.toString().endsWith(".meta")).findFirst().orElseThrow();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      p.load(in);
    }
    // What older builds wrote and read: one object, no version fields.
    assertThat(p.stringPropertyNames()).contains("key", "size", "etag", "lastModified", "data")
        .doesNotContain("versions", "versionId");
    assertThat(Files.exists(dir.resolve("buckets/b/versioning.properties"))).isFalse();

    String v1;
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      assertThat(store.versioning("b")).isEqualTo(BucketVersioning.UNVERSIONED);
      assertThat(versions(store)).containsExactly("k null 3 latest");
      assertThat(store.version("b", "k", "null").latest()).isTrue();
      store.setVersioning("b", BucketVersioning.ENABLED);
      v1 = store.putObject("b", "k", ObjectAttributes.empty(), body("newer")).versionId();
    }
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      assertThat(versions(store)).containsExactly("k " + v1 + " 5 latest", "k null 3");
      assertThat(read(store, "k", "null")).isEqualTo("old");
      store.setVersioning("b", BucketVersioning.SUSPENDED);
      assertThat(store.putObject("b", "k", ObjectAttributes.empty(), body("replaced")).versionId()).isEqualTo("null");
    }
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      assertThat(store.versioning("b")).isEqualTo(BucketVersioning.SUSPENDED);
      assertThat(versions(store)).containsExactly("k null 8 latest", "k " + v1 + " 5");
      assertThat(read(store, "k", "null")).isEqualTo("replaced");
    }
  }
}

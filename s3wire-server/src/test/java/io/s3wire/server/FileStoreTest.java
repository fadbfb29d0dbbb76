package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** FileStore: keys never become paths, interrupted writes never show, reopening finds every object. */
@Timeout(60)
class FileStoreTest {
  @TempDir
  Path root;

  private static InputStream body(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Path> allFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void hostileKeysStayInsideTheRootAndRoundTrip() throws Exception {
    Path store = root.resolve("store");
    Path outside = root.resolve("outside");
    Files.createDirectories(outside);
    List<String> keys = List.of("../../outside/escaped", "/etc/passwd", "..", ".", "a/../../b", "nul\u0000byte",
        "x".repeat(1024), "C:\\windows\\system32", "dir/", "\u202e\u00e9\ud83d\ude00", "../outside");
    try (ObjectStore s = ObjectStore.file(store)) {
      s.createBucket("bucket");
      for (String k : keys) {
        s.putObject("bucket", k, ObjectAttributes.empty(), body("value of " + k));
      }
      for (String k : keys) {
        try (ObjectContent c = s.getObject("bucket", k, 0, s.headObject("bucket", k).size());
            InputStream in = c.newInputStream()) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("value of " + k);
        }
      }
    }
    assertThat(allFiles(outside)).isEmpty();
    for (Path p : allFiles(store)) {
      assertThat(p.toRealPath()).startsWith(store.toRealPath());
      String name = p.getFileName().toString();
      assertThat(name).matches("[0-9a-f]{64}(\\.[0-9a-f]{32}\\.data|\\.meta)|bucket\\.properties");
    }
    try (ObjectStore reopened = ObjectStore.file(store)) {
      List<String> listed = new ArrayList<>();
      reopened.listObjects("bucket", "", "").forEachRemaining(o -> listed.add(o.key()));
      assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
    }
  }

  @Test
  void aFailedUploadLeavesNothingAndTheOldObjectStays() throws Exception {
    try (ObjectStore s = ObjectStore.file(root)) {
      s.createBucket("bucket");
      s.putObject("bucket", "k", ObjectAttributes.empty(), body("old"));
      InputStream failing = new InputStream() {
        int n;

        @Override
        public int read() throws IOException {
          if (n++ > 100_000) {
            throw new IOException("client went away");
          }
          return 'y';
        }
      };
      assertThatThrownBy(() -> s.putObject("bucket", "k", ObjectAttributes.empty(), failing))
          .hasMessage("client went away");
      assertThatThrownBy(() -> s.putObject("bucket", "new", ObjectAttributes.empty(), failing))
          .hasMessage("client went away");
      assertThat(s.headObject("bucket", "k").size()).isEqualTo(3);
      assertThatThrownBy(() -> s.headObject("bucket", "new")).isInstanceOfSatisfying(S3ErrorException.class,
          e -> assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_KEY));
      try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
        assertThat(tmp).isEmpty();
      }
    }
  }

  @Test
  void reopeningDeletesLeftoversOfAKilledWriterAndKeepsEveryObject() throws Exception {
    try (ObjectStore s = ObjectStore.file(root)) {
      s.createBucket("bucket");
      s.putObject("bucket", "a", new ObjectAttributes(java.util.Map.of("content-type", "text/plain"),
          java.util.Map.of("colour", "blue")), body("aaa"));
      s.putObject("bucket", "b", ObjectAttributes.empty(), body("bb"));
      String id = s.createMultipartUpload("bucket", "mp", ObjectAttributes.empty(), null, null);
      s.uploadPart("bucket", "mp", id, 1, ObjectStore.DEFAULT_CHECKSUM, body("part"));
    }
    // What a SIGKILL mid-write leaves: a temp file and an orphan data file no metadata names.
    Files.writeString(root.resolve("tmp").resolve("dead.tmp"), "partial");
    Path orphan = root.resolve("buckets/bucket/objects").resolve("0".repeat(64) + "." + "1".repeat(32) + ".data");
    Files.writeString(orphan, "partial");
    try (ObjectStore s = ObjectStore.file(root)) {
      StoredObject a = s.headObject("bucket", "a");
      assertThat(a.size()).isEqualTo(3);
      assertThat(a.etag()).isEqualTo("\"47bce5c74f589f4867dbd57e9ca9f808\"");
      assertThat(a.attributes().header("content-type")).isEqualTo("text/plain");
      assertThat(a.attributes().userMetadata()).containsEntry("colour", "blue");
      assertThat(s.headObject("bucket", "b").size()).isEqualTo(2);
      assertThat(s.listMultipartUploads("bucket")).extracting(StoredUpload::key).containsExactly("mp");
      assertThat(Files.exists(orphan)).isFalse();
      try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
        assertThat(tmp).isEmpty();
      }
      assertThatThrownBy(() -> s.deleteBucket("bucket")).isInstanceOfSatisfying(S3ErrorException.class,
          e -> assertThat(e.code()).isEqualTo(S3ErrorCode.BUCKET_NOT_EMPTY));
      assertThatThrownBy(() -> s.listParts("bucket", "mp", "../../../etc")).isInstanceOfSatisfying(
          S3ErrorException.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_UPLOAD));
    }
  }
}

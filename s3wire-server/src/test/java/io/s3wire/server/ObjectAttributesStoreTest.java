package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags and encryption are part of an object's stored attributes in both built-in stores: kept by
 * put and multipart, replaced in place without touching data, ETag or time, found after a reopen.
 */
class ObjectAttributesStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T10:00:00Z"), ZoneOffset.UTC);
  static final ObjectEncryption KMS = ObjectEncryption.kms("aws:kms", "arn:aws:kms:us-east-1:000000000000:key/k1",
      "eyJhIjoiYiJ9", true);
  static final ObjectEncryption CUSTOMER = ObjectEncryption.customer("AES256", "md5==", "c2FsdA==:aG1hYw==");

  @TempDir Path dir;

  private static Map<String, String> tags(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static ObjectAttributes attrs(Map<String, String> tags, ObjectEncryption e) {
    return new ObjectAttributes(Map.of("content-type", "text/plain"), Map.of("m", "1"), tags, e);
  }

  private static void keepsAndReplaces(ObjectStore store) throws Exception {
    store.createBucket("b");
    StoredObject put = store.putObject("b", "k", attrs(tags("z", "1", "a", "two words"), KMS),
        new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
    StoredObject head = store.headObject("b", "k");
    assertThat(head.attributes().tags()).containsExactly(Map.entry("z", "1"), Map.entry("a", "two words"));
    assertThat(head.attributes().encryption()).isEqualTo(KMS);

    StoredObject changed = store.replaceObjectAttributes("b", "k", a -> a.withTags(tags("only", "")));
    assertThat(changed.attributes().tags()).containsExactly(Map.entry("only", ""));
    assertThat(changed.etag()).isEqualTo(put.etag());
    assertThat(changed.lastModified()).isEqualTo(put.lastModified());
    assertThat(changed.checksum()).isEqualTo(put.checksum());
    assertThat(changed.attributes().encryption()).isEqualTo(KMS);
    assertThat(changed.attributes().userMetadata()).containsEntry("m", "1");
    assertThat(store.headObject("b", "k")).isEqualTo(changed);
    try (ObjectContent c = store.getObject("b", "k", 0, 5); var in = c.newInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    assertThatThrownBy(() -> store.replaceObjectAttributes("b", "absent", a -> a))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_KEY));

    String id = store.createMultipartUpload("b", "mp", attrs(tags("t", "v"), CUSTOMER));
    assertThat(store.upload("b", "mp", id).attributes().encryption()).isEqualTo(CUSTOMER);
    store.uploadPart("b", "mp", id, 1, new ByteArrayInputStream(new byte[] {1, 2}));
    StoredObject mp = store.completeMultipartUpload("b", "mp", id, List.of(1), "\"e-1\"");
    assertThat(mp.attributes().tags()).containsExactly(Map.entry("t", "v"));
    assertThat(mp.attributes().encryption()).isEqualTo(CUSTOMER);

    StoredObject plain = store.putObject("b", "plain", new ObjectAttributes(Map.of(), Map.of()),
        new ByteArrayInputStream(new byte[0]));
    assertThat(plain.attributes().encryption()).isEqualTo(ObjectEncryption.SSE_S3);
    assertThat(plain.attributes().tags()).isEmpty();
  }

  @Test
  void memoryStore() throws Exception {
    keepsAndReplaces(ObjectStore.memory(CLOCK));
  }

  @Test
  void fileStoreChangesMetadataInPlaceAndFindsItAfterReopen() throws Exception {
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      keepsAndReplaces(store);
    }
    List<String> dataBefore = dataFiles();
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      assertThat(store.headObject("b", "k").attributes().tags()).containsExactly(Map.entry("only", ""));
      assertThat(store.headObject("b", "k").attributes().encryption()).isEqualTo(KMS);
      assertThat(store.headObject("b", "mp").attributes().encryption()).isEqualTo(CUSTOMER);
      assertThat(store.headObject("b", "plain").attributes().encryption()).isEqualTo(ObjectEncryption.SSE_S3);
      store.replaceObjectAttributes("b", "mp", a -> a.withTags(tags("é ü", "ñ=+/@")));
    }
    // The data were not rewritten: the same data files, and nothing left in tmp/.
    assertThat(dataFiles()).isEqualTo(dataBefore);
    try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
    try (ObjectStore store = ObjectStore.file(dir, CLOCK)) {
      assertThat(store.headObject("b", "mp").attributes().tags()).containsExactly(Map.entry("é ü", "ñ=+/@"));
    }
  }

  @Test
  void decoratorsPassTheChangeOn() throws Exception {
    ObjectStore store = ObjectStore.withLatency(ObjectStore.memory(CLOCK), java.time.Duration.ZERO);
    store.createBucket("b");
    store.putObject("b", "k", attrs(Map.of(), ObjectEncryption.SSE_S3), new ByteArrayInputStream(new byte[1]));
    assertThat(store.replaceObjectAttributes("b", "k", a -> a.withTags(tags("a", "b"))).attributes().tags())
        .containsEntry("a", "b");
    ObjectStore readOnly = ObjectStore.readOnly(store);
    assertThatThrownBy(() -> readOnly.replaceObjectAttributes("b", "k", a -> a))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.ACCESS_DENIED));
  }

  private List<String> dataFiles() throws Exception {
    try (Stream<Path> s = Files.walk(dir.resolve("buckets"))) {
      return s.map(p -> dir.relativize(p).toString()).filter(n -> n.endsWith(".data")).sorted().toList();
    }
  }
}

package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes as S3 documents them (If-None-Match: * and If-Match on PutObject,
 * CompleteMultipartUpload and CopyObject's destination), checked atomically with the store's commit:
 * of writers racing on one key exactly one wins (also as streams of one HTTP/2 connection).
 */
@Timeout(120)
class ConditionalWritesTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final int WRITERS = 8;

  @TempDir
  Path dir;

  private ObjectStore store(String kind) throws IOException {
    return kind.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
  }

  private static void assertS3Error(Throwable t, int status, String code) {
    assertThat(t).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    });
  }

  /** A server on the store {@code kind} names, over TLS for the HTTP/2 run ({@link Peers#sync}). */
  private static S3Server server(String kind, ObjectStore store) throws IOException {
    return Peers.onOneDigitDay().store(store).tls(kind.endsWith("-h2-tls")).start();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file", "memory-h2-tls"})
  void putCompleteAndCopyHonourIfNoneMatchAndIfMatch(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = server(kind, store);
        S3Client s3 = Peers.sync(server)) {
      s3.createBucket(r -> r.bucket("bkt"));
      String first = s3.putObject(r -> r.bucket("bkt").key("k").ifNoneMatch("*"), RequestBody.fromString("one")).eTag();
      assertThatThrownBy(() -> s3.putObject(r -> r.bucket("bkt").key("k").ifNoneMatch("*"), RequestBody.fromString("two")))
          .satisfies(t -> assertS3Error(t, 412, "PreconditionFailed"));
      assertThatThrownBy(() -> s3.putObject(r -> r.bucket("bkt").key("k").ifMatch("\"0123456789abcdef0123456789abcdef\""),
          RequestBody.fromString("two"))).satisfies(t -> assertS3Error(t, 412, "PreconditionFailed"));
      String second = s3.putObject(r -> r.bucket("bkt").key("k").ifMatch(first), RequestBody.fromString("two")).eTag();
      assertThat(s3.getObjectAsBytes(r -> r.bucket("bkt").key("k")).asUtf8String()).isEqualTo("two");
      assertThatThrownBy(() -> s3.putObject(r -> r.bucket("bkt").key("missing").ifMatch(second),
          RequestBody.fromString("x"))).satisfies(t -> assertS3Error(t, 404, "NoSuchKey"));

      String id = s3.createMultipartUpload(r -> r.bucket("bkt").key("k")).uploadId();
      String part = s3.uploadPart(r -> r.bucket("bkt").key("k").uploadId(id).partNumber(1),
          RequestBody.fromString("three")).eTag();
      assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket("bkt").key("k").uploadId(id).ifNoneMatch("*")
          .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build()))))
          .satisfies(t -> assertS3Error(t, 412, "PreconditionFailed"));
      assertThat(s3.listMultipartUploads(r -> r.bucket("bkt")).uploads()).hasSize(1);
      assertThat(s3.getObjectAsBytes(r -> r.bucket("bkt").key("k")).asUtf8String()).isEqualTo("two");
      s3.completeMultipartUpload(r -> r.bucket("bkt").key("k").uploadId(id).ifMatch(second)
          .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build())));
      assertThat(s3.getObjectAsBytes(r -> r.bucket("bkt").key("k")).asUtf8String()).isEqualTo("three");

      assertThatThrownBy(() -> s3.copyObject(r -> r.sourceBucket("bkt").sourceKey("k").destinationBucket("bkt")
          .destinationKey("k").metadataDirective("REPLACE").ifNoneMatch("*")))
          .satisfies(t -> assertS3Error(t, 412, "PreconditionFailed"));
      s3.copyObject(r -> r.sourceBucket("bkt").sourceKey("k").destinationBucket("bkt").destinationKey("copy")
          .ifNoneMatch("*"));
      assertThat(s3.getObjectAsBytes(r -> r.bucket("bkt").key("copy")).asUtf8String()).isEqualTo("three");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void errorDocumentsAreS3s(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = S3Server.builder().anonymous(true).store(store).start()) {
      store.createBucket("b");
      store.putObject("b", "k", ObjectAttributes.empty(), new ByteArrayInputStream(new byte[] {1}));
      HttpResponse<String> exists = put(server, "/b/k", "If-None-Match", "*");
      assertThat(exists.statusCode()).isEqualTo(412);
      assertThat(exists.body()).contains("<Code>PreconditionFailed</Code>"
          + "<Message>At least one of the pre-conditions you specified did not hold</Message>"
          + "<Condition>If-None-Match</Condition><Resource>/b/k</Resource>");
      HttpResponse<String> byTag = put(server, "/b/k", "If-None-Match", "\"55a54008ad1ba589aa210d2629c1df41\"");
      assertThat(byTag.statusCode()).isEqualTo(501);
      assertThat(byTag.body()).contains("<Code>NotImplemented</Code>").contains("<Header>If-None-Match</Header>");
      HttpResponse<String> missing = put(server, "/b/none", "If-Match", "\"55a54008ad1ba589aa210d2629c1df41\"");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("<Code>NoSuchKey</Code>");
      assertThat(store.headObject("b", "k").size()).isEqualTo(1);
    }
  }

  private static HttpResponse<String> put(S3Server server, String path, String header, String value) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(Peers.uri(server, path)).header(header, value)
        .PUT(HttpRequest.BodyPublishers.ofString("new body")).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A body that waits until every writer has started reading its body, so all reach the commit together. */
  private static InputStream gated(CyclicBarrier barrier, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int next = -1;

      @Override
      public int read() throws IOException {
        if (next < 0) {
          try {
            barrier.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          } catch (java.util.concurrent.BrokenBarrierException | TimeoutException e) {
            throw new IOException(e);
          }
          next = 0;
        }
        return next < bytes.length ? bytes[next++] & 0xff : -1;
      }
    };
  }

  /** Runs {@code writers} at once; returns how many succeeded and checks every other failed with {@code code}. */
  private static int race(List<java.util.concurrent.Callable<StoredObject>> writers, S3ErrorCode code) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      List<Future<StoredObject>> results = new ArrayList<>();
      for (var w : writers) {
        results.add(pool.submit(w));
      }
      int won = 0;
      for (Future<StoredObject> f : results) {
        try {
          f.get(60, TimeUnit.SECONDS);
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOfSatisfying(S3ErrorException.class,
              s -> assertThat(s.code()).isEqualTo(code));
        }
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void racingIfNoneMatchPutsLeaveExactlyOneWinner(String kind) throws Exception {
    try (ObjectStore store = store(kind)) {
      store.createBucket("b");
      CyclicBarrier barrier = new CyclicBarrier(WRITERS);
      List<java.util.concurrent.Callable<StoredObject>> writers = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        String text = "writer " + i;
        writers.add(() -> store.putObject("b", "k", ObjectAttributes.empty(), ObjectStore.DEFAULT_CHECKSUM,
            gated(barrier, text), WriteCondition.ifAbsent()));
      }
      assertThat(race(writers, S3ErrorCode.PRECONDITION_FAILED)).isEqualTo(1);
      assertThat(store.headObject("b", "k").size()).isEqualTo("writer 0".length());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void racingIfMatchPutsFromOneVersionLeaveExactlyOneWinner(String kind) throws Exception {
    try (ObjectStore store = store(kind)) {
      store.createBucket("b");
      String base = store.putObject("b", "k", ObjectAttributes.empty(), new ByteArrayInputStream(new byte[] {0}))
          .etag();
      CyclicBarrier barrier = new CyclicBarrier(WRITERS);
      List<java.util.concurrent.Callable<StoredObject>> writers = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        String text = "writer " + i;
        writers.add(() -> store.putObject("b", "k", ObjectAttributes.empty(), ObjectStore.DEFAULT_CHECKSUM,
            gated(barrier, text), WriteCondition.ifMatch(base)));
      }
      assertThat(race(writers, S3ErrorCode.PRECONDITION_FAILED)).isEqualTo(1);
      assertThat(store.headObject("b", "k").etag()).isNotEqualTo(base);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void racingIfNoneMatchCompletionsLeaveExactlyOneWinnerAndTheOtherUploadsOpen(String kind) throws Exception {
    try (ObjectStore store = store(kind)) {
      store.createBucket("b");
      CyclicBarrier barrier = new CyclicBarrier(WRITERS);
      List<java.util.concurrent.Callable<StoredObject>> writers = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        String id = store.createMultipartUpload("b", "k", ObjectAttributes.empty());
        StoredPart p = store.uploadPart("b", "k", id, 1, new ByteArrayInputStream(("part " + i).getBytes(
            StandardCharsets.UTF_8)));
        writers.add(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          return store.completeMultipartUpload("b", "k", id, List.of(1), "\"" + p.etag().replace("\"", "") + "-1\"",
              null, WriteCondition.ifAbsent());
        });
      }
      assertThat(race(writers, S3ErrorCode.PRECONDITION_FAILED)).isEqualTo(1);
      assertThat(store.listMultipartUploads("b")).hasSize(WRITERS - 1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file", "memory-h2-tls"})
  void racingSdkClientsLeaveExactlyOneWinner(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = server(kind, store);
        S3Client s3 = Peers.sync(server)) {
      store.createBucket("bkt");
      CyclicBarrier barrier = new CyclicBarrier(WRITERS);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
          String text = "writer " + i;
          statuses.add(pool.submit(() -> {
            barrier.await(30, TimeUnit.SECONDS);
            try {
              return s3.putObject(r -> r.bucket("bkt").key("k").ifNoneMatch("*"), RequestBody.fromString(text))
                  .sdkHttpResponse().statusCode();
            } catch (S3Exception e) {
              return e.statusCode();
            }
          }));
        }
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> f : statuses) {
          seen.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(seen).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}

package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A worker that dies of an Error still answers its request: the client never waits out a timeout. */
@Timeout(60)
class DyingWorkerTest {
  /** The memory store, except that reading an object's description throws an Error, as a missing class would. */
  private static ObjectStore dyingOnHead(ObjectStore delegate) {
    return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("headObject") || method.getName().equals("headObjectParts")) {
            throw new NoClassDefFoundError("io/s3wire/Missing");
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void anErrorInAHandlerAnswers500AndTheServerGoesOn() throws Exception {
    ObjectStore memory = ObjectStore.memory();
    try (S3Server server = S3Server.builder().anonymous(true).store(dyingOnHead(memory)).build().start()) {
      memory.createBucket("b");
      HttpResponse<byte[]> died = RawS3.send(server, "GET", "/b/k", null);
      assertThat(died.statusCode()).isEqualTo(500);
      assertThat(RawS3.text(died)).contains("<Code>InternalError</Code>").doesNotContain("Missing");
      // The next request is served by a fresh worker.
      HttpResponse<byte[]> list = RawS3.send(server, "GET", "/b?list-type=2", null);
      assertThat(list.statusCode()).isEqualTo(200);
    }
  }
}

package io.s3wire.server.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes what {@link Router} does with a request line before any handler runs: {@link
 * RequestTarget#parse} returns a target or throws {@link IllegalArgumentException} (answered 400
 * InvalidArgument); the target's path is {@code /bucket/key} of its parts; {@link Operation#resolve}
 * never throws, and every operation it resolves to is either refused by the router itself or has a
 * handler in {@link Operations#table()} (the router calls it without a null check). Seeds: {@code
 * RequestRoutingFuzzTestInputs/targets/}.
 */
class RequestRoutingFuzzTest {
  private static final String[] METHODS = {"GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH"};
  private static final Map<Operation, OperationHandler> TABLE = Operations.table();

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void targets(FuzzedDataProvider data) {
    EXECUTIONS.ran();
    String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(10);
    boolean copySource = data.consumeBoolean();
    String uri = data.consumeRemainingAsString();

    RequestTarget target = FuzzChecks.valueOrTyped(uri.length(), List.of(IllegalArgumentException.class),
        () -> RequestTarget.parse(uri));
    if (target == null) {
      return;
    }
    assertThat(target.path()).startsWith("/");
    if (target.bucket() == null) {
      assertThat(target.path()).isEqualTo("/");
      assertThat(target.key()).isNull();
    } else if (target.key() != null) {
      assertThat(target.path()).isEqualTo("/" + target.bucket() + "/" + target.key());
    } else {
      assertThat(target.path()).isIn("/" + target.bucket(), "/" + target.bucket() + "/");
    }
    Operation op = FuzzChecks.valueOrTyped(uri.length(), List.of(),
        () -> Operation.resolve(method, target.bucket(), target.key(), target.query(), copySource));
    if (op != Operation.NOT_IMPLEMENTED && op != Operation.METHOD_NOT_ALLOWED) {
      assertThat(TABLE).as("handler of %s for %s %s", op, method, uri).containsKey(op);
    }
  }
}

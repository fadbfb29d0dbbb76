package io.s3wire.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the fault-rule JSON through its public entry point, {@link FaultRules#parse} (whatever JSON
 * parser is behind it): a document gives rules or throws {@link IllegalArgumentException} naming what
 * is wrong, never another exception (no stack overflow on deep nesting), within the allocation budget.
 * Seeds: {@code FaultRulesFuzzTestInputs/rules/}.
 */
class FaultRulesFuzzTest {
  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void rules(byte[] input) {
    EXECUTIONS.ran();
    String json = new String(input, StandardCharsets.UTF_8);
    FuzzChecks.valueOrTyped(input.length, List.of(IllegalArgumentException.class), () -> FaultRules.parse(json));
  }
}

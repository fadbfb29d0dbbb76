package io.s3wire.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK interceptor that records how each request's checksum travels, as the SDK sends it (after
 * signing): the operation and its {@code x-amz-content-sha256}, {@code x-amz-trailer}, {@code
 * x-amz-sdk-checksum-algorithm} and {@code x-amz-checksum-*} headers (names and values of checksum
 * headers only: no credentials). Thread-safe.
 */
final class SdkWireLog implements ExecutionInterceptor {
  /** One request: its operation and the checksum-related headers by lower-case name. */
  record Sent(String operation, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Map<String, String> kept = new TreeMap<>();
    context.httpRequest().headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("x-amz-content-sha256") || lower.equals("x-amz-trailer")
          || lower.equals("x-amz-sdk-checksum-algorithm") || lower.startsWith("x-amz-checksum-")) {
        kept.put(lower, String.join(",", values));
      }
    });
    sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), kept));
  }

  /** The requests of {@code operation} so far, in the order sent. */
  List<Sent> of(String operation) {
    return sent.stream().filter(s -> s.operation().equals(operation)).toList();
  }
}

package io.s3wire.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered, immutable list of header fields as the caller gave them (names keep their case and
 * repeats are kept). Per-version rules (lower-case names on HTTP/2, no connection-specific fields)
 * are applied by the transport's normaliser, not here.
 *
 * <p>{@link #toString()} redacts sensitive values (see {@code io.s3wire.wire.Redaction}).
 */
public final class HttpHeaders {
  /** One header field. */
  public record Field(String name, String value) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

  private final List<Field> fields;

  private HttpHeaders(List<Field> fields) {
    this.fields = fields;
  }

  public static HttpHeaders empty() {
    return EMPTY;
  }

  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder(new ArrayList<>());
  }

  public Builder toBuilder() {
    return new Builder(new ArrayList<>(fields));
  }

  public List<Field> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The first value of the named field, compared case-insensitively. */
  public Optional<String> first(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  /** Every value of the named field, compared case-insensitively, in order. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        values.add(f.value());
      }
    }
    return values;
  }

  public boolean contains(String name) {
    return first(name).isPresent();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpHeaders h && h.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return toString(io.s3wire.wire.Redaction.DEFAULT);
  }

  /** The fields as {@code [name: value, ...]} with values redacted by {@code redaction}. */
  public String toString(io.s3wire.wire.Redaction redaction) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(f.name()).append(": ").append(redaction.headerValue(f.name(), f.value()));
    }
    return sb.append(']').toString();
  }

  /** Collects fields; {@link #set} replaces every field of that name. */
  public static final class Builder {
    private final List<Field> fields;

    private Builder(List<Field> fields) {
      this.fields = fields;
    }

    public Builder add(String name, String value) {
      fields.add(new Field(name, value));
      return this;
    }

    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    public Builder remove(String name) {
      fields.removeIf(f -> f.name().equalsIgnoreCase(name));
      return this;
    }

    public Builder addAll(HttpHeaders other) {
      fields.addAll(other.fields);
      return this;
    }

    public HttpHeaders build() {
      return fields.isEmpty() ? EMPTY : new HttpHeaders(Collections.unmodifiableList(new ArrayList<>(fields)));
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

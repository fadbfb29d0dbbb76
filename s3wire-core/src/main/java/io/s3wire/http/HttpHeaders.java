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

  private static final HttpHeaders EMPTY = new HttpHeaders(List.of(), java.util.Set.of());

  private final List<Field> fields;
  /** Lower-case names the caller marked sensitive: redacted wherever these headers are printed. */
  private final java.util.Set<String> sensitive;

  private HttpHeaders(List<Field> fields, java.util.Set<String> sensitive) {
    this.fields = fields;
    this.sensitive = sensitive;
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
    Builder b = new Builder(new ArrayList<>(fields));
    b.sensitive.addAll(sensitive);
    return b;
  }

  /** The lower-case names of headers marked sensitive (on top of the defaults of {@code io.s3wire.wire.Redaction}). */
  public java.util.Set<String> sensitiveNames() {
    return sensitive;
  }

  /** These fields, with {@code names} (any case) also marked sensitive. */
  public HttpHeaders markSensitive(java.util.Collection<String> names) {
    java.util.Set<String> all = new java.util.HashSet<>(sensitive);
    for (String n : names) {
      all.add(lower(n));
    }
    return all.equals(sensitive) ? this : new HttpHeaders(fields, java.util.Set.copyOf(all));
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

  /** The fields as {@code [name: value, ...]} with values redacted by {@code redaction} and this list's marks. */
  public String toString(io.s3wire.wire.Redaction redaction) {
    redaction = redaction.withSensitiveHeaders(sensitive);
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
    private final java.util.Set<String> sensitive = new java.util.HashSet<>();

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
      sensitive.addAll(other.sensitive);
      return this;
    }

    /** Marks header {@code name} (any case) sensitive: its value is redacted wherever it is printed. */
    public Builder markSensitive(String name) {
      sensitive.add(lower(name));
      return this;
    }

    public HttpHeaders build() {
      if (fields.isEmpty() && sensitive.isEmpty()) {
        return EMPTY;
      }
      return new HttpHeaders(Collections.unmodifiableList(new ArrayList<>(fields)), java.util.Set.copyOf(sensitive));
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

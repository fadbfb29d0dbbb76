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
  /**
   * One header field, as given: the name keeps its case.
   *
   * @param name the field name, not {@code null}
   * @param value the field value, not {@code null}; may be empty
   */
  public record Field(String name, String value) {
    /**
     * Checks that neither part is {@code null}.
     *
     * @param name the field name
     * @param value the field value
     * @throws NullPointerException when {@code name} or {@code value} is {@code null}
     */
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

  /**
   * The list without fields.
   *
   * @return a shared empty instance
   */
  public static HttpHeaders empty() {
    return EMPTY;
  }

  /**
   * A list of the given fields, in order.
   *
   * @param namesAndValues name, value, name, value, ...; none {@code null}
   * @return the headers
   * @throws IllegalArgumentException when a name has no value
   */
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

  /**
   * A builder starting empty.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder(new ArrayList<>());
  }

  /**
   * A builder holding these fields and sensitive marks, to derive another list; this one does not change.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(new ArrayList<>(fields));
    b.sensitive.addAll(sensitive);
    return b;
  }

  /**
   * The names of headers marked sensitive, on top of the defaults of {@code io.s3wire.wire.Redaction}.
   *
   * @return an immutable set of lower-case names; empty for none
   */
  public java.util.Set<String> sensitiveNames() {
    return sensitive;
  }

  /**
   * These fields, with {@code names} (any case) also marked sensitive so printing redacts their values.
   *
   * @param names header names, in any case
   * @return this list when nothing new is marked, otherwise a new one
   */
  public HttpHeaders markSensitive(java.util.Collection<String> names) {
    java.util.Set<String> all = new java.util.HashSet<>(sensitive);
    for (String n : names) {
      all.add(lower(n));
    }
    return all.equals(sensitive) ? this : new HttpHeaders(fields, java.util.Set.copyOf(all));
  }

  /**
   * Every field in the order given, repeats included.
   *
   * @return an unmodifiable list
   */
  public List<Field> fields() {
    return fields;
  }

  /**
   * How many fields there are, counting repeats of a name.
   *
   * @return the count, zero or more
   */
  public int size() {
    return fields.size();
  }

  /**
   * Whether there is no field at all.
   *
   * @return {@code true} when {@link #size()} is zero
   */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /**
   * The first value of the named field, compared case-insensitively.
   *
   * @param name the field name, in any case
   * @return the value, or empty when no field has that name
   */
  public Optional<String> first(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Every value of the named field, compared case-insensitively, in order.
   *
   * @param name the field name, in any case
   * @return a new list; empty when no field has that name
   */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        values.add(f.value());
      }
    }
    return values;
  }

  /**
   * Whether a field of that name is present, compared case-insensitively.
   *
   * @param name the field name, in any case
   * @return {@code true} when at least one field has that name
   */
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

  /**
   * The fields as {@code [name: value, ...]} with values redacted by {@code redaction} and this list's marks.
   *
   * @param redaction the redaction rules to apply, not {@code null}
   * @return the text, safe to log
   */
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

    /**
     * Adds a field after the others, keeping any of the same name.
     *
     * @param name the field name, not {@code null}
     * @param value the field value, not {@code null}
     * @return this builder
     */
    public Builder add(String name, String value) {
      fields.add(new Field(name, value));
      return this;
    }

    /**
     * Replaces every field of that name (any case) with one field.
     *
     * @param name the field name, not {@code null}
     * @param value the field value, not {@code null}
     * @return this builder
     */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /**
     * Removes every field of that name, compared case-insensitively.
     *
     * @param name the field name, in any case
     * @return this builder
     */
    public Builder remove(String name) {
      fields.removeIf(f -> f.name().equalsIgnoreCase(name));
      return this;
    }

    /**
     * Adds every field of {@code other} after these, and its sensitive marks.
     *
     * @param other the headers to append, not {@code null}
     * @return this builder
     */
    public Builder addAll(HttpHeaders other) {
      fields.addAll(other.fields);
      sensitive.addAll(other.sensitive);
      return this;
    }

    /**
     * Marks header {@code name} (any case) sensitive: its value is redacted wherever it is printed.
     *
     * @param name the header name, in any case
     * @return this builder
     */
    public Builder markSensitive(String name) {
      sensitive.add(lower(name));
      return this;
    }

    /**
     * Builds an immutable list of the fields added so far; the builder may go on.
     *
     * @return the headers, safe to share between threads
     */
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

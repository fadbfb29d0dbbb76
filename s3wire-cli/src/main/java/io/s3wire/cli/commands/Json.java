package io.s3wire.cli.commands;

import io.s3wire.wire.internal.JsonLine;

/** One JSON object per output line (JSON Lines); {@code null} strings are left out. */
final class Json {
  private final JsonLine line = new JsonLine();

  Json str(String name, String value) {
    if (value != null) {
      line.string(name, value);
    }
    return this;
  }

  Json num(String name, long value) {
    line.number(name, value);
    return this;
  }

  Json bool(String name, boolean value) {
    line.bool(name, value);
    return this;
  }

  Json raw(String name, CharSequence json) {
    line.raw(name, json);
    return this;
  }

  String build() {
    return line.build();
  }
}

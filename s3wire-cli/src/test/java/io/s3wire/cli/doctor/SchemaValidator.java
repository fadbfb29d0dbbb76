package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a parsed JSON value against the subset of JSON Schema (2020-12) that
 * docs/doctor-schema.json uses: type (one or a list), required, properties, additionalProperties
 * (false or a schema), items, enum, anyOf and {@code $ref} to {@code #/$defs/...}. A keyword outside
 * that subset fails validation, so the schema cannot silently grow past what is checked.
 */
final class SchemaValidator {
  private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "required",
      "properties", "additionalProperties", "items", "enum", "anyOf", "$ref", "$defs");

  private final Map<String, Object> root;

  SchemaValidator(Map<String, Object> root) {
    this.root = root;
  }

  /** The violations, each with its JSON path; empty when {@code value} is valid. */
  List<String> validate(Object value) {
    List<String> errors = new ArrayList<>();
    check(root, value, "$", errors);
    return errors;
  }

  @SuppressWarnings("unchecked")
  private void check(Map<String, Object> schema, Object v, String path, List<String> errors) {
    for (String k : schema.keySet()) {
      if (!KNOWN.contains(k)) {
        errors.add(path + ": schema keyword '" + k + "' is not supported by this validator");
      }
    }
    if (schema.containsKey("$ref")) {
      String ref = (String) schema.get("$ref");
      String name = ref.substring("#/$defs/".length());
      Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
      check((Map<String, Object>) defs.get(name), v, path, errors);
    }
    if (schema.containsKey("anyOf")) {
      boolean any = false;
      for (Object alt : (List<Object>) schema.get("anyOf")) {
        List<String> e = new ArrayList<>();
        check((Map<String, Object>) alt, v, path, e);
        any |= e.isEmpty();
      }
      if (!any) {
        errors.add(path + ": matches no alternative of anyOf");
      }
    }
    if (schema.containsKey("type")) {
      Object t = schema.get("type");
      List<Object> types = t instanceof List<?> l ? (List<Object>) l : List.of(t);
      if (types.stream().noneMatch(x -> hasType(v, (String) x))) {
        errors.add(path + ": expected " + types + " but was " + describe(v));
        return;
      }
    }
    if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(v)) {
      errors.add(path + ": " + v + " is not one of " + schema.get("enum"));
    }
    if (v instanceof Map<?, ?> obj) {
      Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
      for (Object r : (List<Object>) schema.getOrDefault("required", List.of())) {
        if (!obj.containsKey(r)) {
          errors.add(path + ": missing required property '" + r + "'");
        }
      }
      Object additional = schema.get("additionalProperties");
      for (Map.Entry<?, ?> e : obj.entrySet()) {
        String key = (String) e.getKey();
        if (props.containsKey(key)) {
          check((Map<String, Object>) props.get(key), e.getValue(), path + "." + key, errors);
        } else if (Boolean.FALSE.equals(additional)) {
          errors.add(path + ": property '" + key + "' is not allowed");
        } else if (additional instanceof Map<?, ?> m) {
          check((Map<String, Object>) m, e.getValue(), path + "." + key, errors);
        }
      }
    }
    if (v instanceof List<?> list && schema.containsKey("items")) {
      for (int i = 0; i < list.size(); i++) {
        check((Map<String, Object>) schema.get("items"), list.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private static boolean hasType(Object v, String type) {
    return switch (type) {
      case "object" -> v instanceof Map;
      case "array" -> v instanceof List;
      case "string" -> v instanceof String;
      case "integer" -> v instanceof Long || v instanceof Integer;
      case "number" -> v instanceof Number;
      case "boolean" -> v instanceof Boolean;
      case "null" -> v == null;
      default -> false;
    };
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }
}

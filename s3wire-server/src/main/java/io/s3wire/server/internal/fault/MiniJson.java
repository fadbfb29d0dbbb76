package io.s3wire.server.internal.fault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the server's small JSON documents (fault rules, bucket policies, POST policies) into Map
 * (member order kept), List, String, Long, Double, Boolean and null, through jackson-jr. Malformed
 * text is an {@link IllegalArgumentException} that says where and what: {@code invalid JSON at
 * offset N (line L, column C): ...}. Thread-safe.
 */
public final class MiniJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JSON READER = JSON.builder(FACTORY).enable(JSON.Feature.PRESERVE_FIELD_ORDERING).build();

  private MiniJson() {}

  /**
   * The value of {@code text}, one JSON document with nothing after it.
   *
   * @throws IllegalArgumentException when the text is not one well-formed JSON value
   */
  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw invalid(p.currentLocation(), "unexpected end");
      }
      Object value = normalise(READER.anyFrom(p), p);
      if (p.nextToken() != null) {
        throw invalid(p.currentTokenLocation(), "trailing characters");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw invalid(e.getLocation(), e.getOriginalMessage());
    } catch (IOException e) {
      // Reading a String fails only on malformed JSON, reported above.
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException invalid(JsonLocation at, String what) {
    String where = at == null ? "" : " at offset " + Math.max(0, at.getCharOffset()) + " (line " + at.getLineNr()
        + ", column " + at.getColumnNr() + ")";
    // Jackson's message may quote the whole source; keep its first line, which names the problem.
    String first = what == null ? "malformed" : what.lines().findFirst().orElse(what);
    return new IllegalArgumentException("invalid JSON" + where + ": " + first);
  }

  /** Integers as Long, as callers expect; a number too large for a long is an error, not a silent BigInteger. */
  private static Object normalise(Object v, JsonParser p) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger big) {
      throw invalid(p.currentTokenLocation(), "the number " + big + " does not fit in 64 bits");
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put((String) k, normalise(val, p)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(val -> out.add(normalise(val, p)));
      return out;
    }
    return v;
  }
}

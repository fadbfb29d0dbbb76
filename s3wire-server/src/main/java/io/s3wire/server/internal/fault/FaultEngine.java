package io.s3wire.server.internal.fault;

import io.s3wire.http.HttpProtocol;
import io.s3wire.server.FaultRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Holds the active fault rules and decides which apply to a request; thread-safe. */
public final class FaultEngine {
  private record Active(FaultRule rule, Pattern path, AtomicLong matched, AtomicLong fired) {}

  private final CopyOnWriteArrayList<Active> rules = new CopyOnWriteArrayList<>();

  public void set(List<FaultRule> newRules) {
    List<Active> a = new ArrayList<>();
    for (FaultRule r : newRules) {
      a.add(new Active(r, r.match().pathGlob() == null ? null : glob(r.match().pathGlob()), new AtomicLong(), new AtomicLong()));
    }
    rules.clear();
    rules.addAll(a);
  }

  public void add(FaultRule rule) {
    rules.add(new Active(rule, rule.match().pathGlob() == null ? null : glob(rule.match().pathGlob()), new AtomicLong(), new AtomicLong()));
  }

  public List<FaultRule> rules() {
    return rules.stream().map(Active::rule).toList();
  }

  /** How often each active rule fired (its action was applied), in rule order; equal rules are summed. */
  public Map<FaultRule, Long> fired() {
    Map<FaultRule, Long> out = new LinkedHashMap<>();
    for (Active a : rules) {
      out.merge(a.rule, a.fired.get(), Long::sum);
    }
    return out;
  }

  /** The actions of every rule that applies to this request, in rule order; counts the match. */
  public List<FaultRule.Action> match(String method, String path, HeaderPresence headers, HttpProtocol protocol) {
    if (rules.isEmpty()) {
      return List.of();
    }
    List<FaultRule.Action> out = new ArrayList<>();
    for (Active a : rules) {
      FaultRule.Match m = a.rule.match();
      if (m.method() != null && !m.method().equalsIgnoreCase(method)) {
        continue;
      }
      if (a.path != null && !a.path.matcher(path).matches()) {
        continue;
      }
      if (m.headerPresent() != null && !headers.has(m.headerPresent())) {
        continue;
      }
      if (m.protocol() != null && m.protocol() != protocol) {
        continue;
      }
      long count = a.matched.incrementAndGet();
      boolean applies = switch (m.which()) {
        case ALL -> true;
        case NTH -> count == m.n();
        case EVERY_NTH -> count % m.n() == 0;
        case FIRST_N -> count <= m.n();
      };
      if (applies) {
        a.fired.incrementAndGet();
        out.add(a.rule.action());
      }
    }
    return out;
  }

  /** Answers whether a request carries a header. */
  public interface HeaderPresence {
    boolean has(String name);
  }

  /** {@code *} matches within one path segment, {@code **} across segments, {@code ?} one character. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}

package dev.tracepaper.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The families of hostile documents: a wrong type in every position of the valid model, alias
 * bombs, deep nesting, huge files, broken encodings, and hostile text in descriptions. Generated
 * here because they are systematic (or too big to commit); the hand-written cases that each teach
 * one thing are files under {@code src/test/resources/hostile/}.
 */
final class HostileDocuments {

  /** The values put in place of each node, turn by turn: every kind of YAML value. */
  private static final List<Object> WRONG =
      List.of("text", 42, true, 2.5, List.of(1, 2), Map.of("x", 1), "");

  /** Text that breaks a naive escaper in Java, Javadoc, GraphQL, YAML, JSON, JS or FreeMarker. */
  static final List<String> STRINGS =
      List.of(
          "*/ class X { /*",
          "${AWS::StackName} ${x} #{y} <#if true>",
          "\"\"\" triple \"\"\" quotes",
          "back\\slash \\u0041 \\n",
          "line\nbreak\r\nand\ttab",
          "'single' `back` \"double\"",
          "</script><!-- -->",
          "\u202Eright-to-left\u2028\u2029",
          "emoji \uD83D\uDE00 and \u0000 nul",
          "# not a comment: [ { & * ! | > % @",
          "a".repeat(100_000));

  private HostileDocuments() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new ArrayList<>();
    wrongTypes(cases);
    bombs(cases);
    encodings(cases);
    for (int i = 0; i < STRINGS.size(); i++) {
      cases.add(
          HostileCase.text("string: description " + i, BaseModel.describedAs(STRINGS.get(i))));
    }
    return cases;
  }

  /** Each node of the valid model replaced by a value of another kind, one case per node. */
  @SuppressWarnings("unchecked")
  private static void wrongTypes(List<HostileCase> cases) {
    Load load = new Load(LoadSettings.builder().build());
    Map<String, Object> valid = (Map<String, Object>) load.loadFromString(BaseModel.valid());
    List<List<Object>> paths = new ArrayList<>();
    collect(valid, new ArrayList<>(), paths);
    Dump dump = new Dump(DumpSettings.builder().build());
    for (int i = 0; i < paths.size(); i++) {
      List<Object> path = paths.get(i);
      for (int k = 0; k < 2; k++) {
        Object wrong = WRONG.get((i * 2 + k) % WRONG.size());
        Object copy = load.loadFromString(BaseModel.valid());
        if (replace(copy, path, 0, wrong)) {
          cases.add(
              HostileCase.text("wrong-type: " + path + " = " + wrong, dump.dumpToString(copy)));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<Object> path, List<List<Object>> into) {
    if (!path.isEmpty()) {
      into.add(List.copyOf(path));
    }
    if (node instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        path.add(key);
        collect(map.get(key), path, into);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        path.add(i);
        collect(list.get(i), path, into);
        path.remove(path.size() - 1);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean replace(Object node, List<Object> path, int at, Object wrong) {
    Object step = path.get(at);
    boolean last = at == path.size() - 1;
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> m = (Map<Object, Object>) map;
      if (last) {
        if (m.get(step) != null && m.get(step).getClass().equals(wrong.getClass())) {
          return false;
        }
        m.put(step, wrong);
        return true;
      }
      return replace(m.get(step), path, at + 1, wrong);
    }
    if (node instanceof List<?> list) {
      List<Object> l = (List<Object>) list;
      if (last) {
        l.set((Integer) step, wrong);
        return true;
      }
      return replace(l.get((Integer) step), path, at + 1, wrong);
    }
    return false;
  }

  private static void bombs(List<HostileCase> cases) {
    StringBuilder laughs = new StringBuilder("a: &a0 [lol]\n");
    for (int i = 1; i <= 12; i++) {
      laughs.append("a").append(i).append(": &a").append(i).append(" [");
      laughs.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
      laughs.append("]\n");
    }
    cases.add(HostileCase.text("bomb: billion laughs", "tracepaper: 1\n" + laughs));
    StringBuilder aliases = new StringBuilder("tracepaper: 1\nx: &x v\nl: [");
    aliases.append(String.join(", ", java.util.Collections.nCopies(100_000, "*x"))).append("]\n");
    cases.add(HostileCase.text("bomb: 100000 aliases", aliases.toString()));
    cases.add(
        HostileCase.text(
            "bomb: alias as a mapping key",
            "tracepaper: 1\nk: &k aggregates\n*k : {}\napp: &app {name: shop, package: a.b}\n"));
    for (int depth : List.of(65, 1_000, 100_000)) {
      cases.add(
          HostileCase.text(
              "deep: " + depth + " flow sequences",
              "tracepaper: 1\nx: " + "[".repeat(depth) + "]".repeat(depth) + "\n"));
      cases.add(
          HostileCase.text(
              "deep: " + depth + " flow mappings",
              "tracepaper: 1\nx: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n"));
    }
    StringBuilder block = new StringBuilder("tracepaper: 1\nx:\n");
    for (int i = 1; i <= 200; i++) {
      block.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    cases.add(HostileCase.text("deep: 200 block mappings", block.toString()));
    cases.add(HostileCase.text("huge: 1 MB line", "tracepaper: 1\nx: " + "y".repeat(1 << 20)));
    StringBuilder keys = new StringBuilder("tracepaper: 1\naggregates:\n");
    for (int i = 0; i < 20_000; i++) {
      keys.append("  A").append(i).append(": {}\n");
    }
    cases.add(HostileCase.text("huge: 20000 empty aggregates", keys.toString()));
  }

  private static void encodings(List<HostileCase> cases) {
    byte[] valid = BaseModel.valid().getBytes(StandardCharsets.UTF_8);
    cases.add(
        HostileCase.bytes(
            "encoding: utf-8 bom",
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid)));
    cases.add(
        HostileCase.bytes("encoding: utf-16", BaseModel.valid().getBytes(StandardCharsets.UTF_16)));
    cases.add(
        HostileCase.bytes(
            "encoding: invalid utf-8", concat(valid, new byte[] {'#', (byte) 0xC3, (byte) 0x28})));
    cases.add(
        HostileCase.bytes(
            "encoding: lone surrogate",
            concat(valid, new byte[] {'#', (byte) 0xED, (byte) 0xA0, (byte) 0x80})));
    cases.add(HostileCase.bytes("encoding: nul byte", concat(new byte[] {0}, valid)));
    cases.add(
        HostileCase.bytes(
            "encoding: binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}));
    cases.add(HostileCase.bytes("encoding: empty", new byte[0]));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

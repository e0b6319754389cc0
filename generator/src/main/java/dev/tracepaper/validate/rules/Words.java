package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.Flow;
import java.util.List;

/** Small helpers for writing messages. */
final class Words {

  private Words() {}

  /** "command" or "policy". */
  static String kind(Flow flow) {
    return flow instanceof Command ? "command" : "policy";
  }

  /** "command `LendBook`", "policy `WithdrawWhenLost`". */
  static String describe(Flow flow) {
    return "%s `%s`".formatted(kind(flow), flow.name());
  }

  static String capital(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** "`A`", "`A` and `B`", "`A`, `B` and `C`". */
  static String quotedList(List<String> names) {
    return quotedList(names, "and");
  }

  /** As {@link #quotedList(List)}, joining the last two with {@code conjunction}. */
  static String quotedList(List<String> names, String conjunction) {
    List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
    if (quoted.size() <= 1) {
      return String.join("", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " "
        + conjunction
        + " "
        + quoted.get(quoted.size() - 1);
  }
}

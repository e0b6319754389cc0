package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.Flow;
import dev.tracepaper.naming.Case;
import dev.tracepaper.validate.rules.shape.Phrases;
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
    return Phrases.flow(flow);
  }

  static String capital(String text) {
    return Case.capitalize(text);
  }

  /** "`A`", "`A` and `B`", "`A`, `B` and `C`". */
  static String quotedList(List<String> names) {
    return quotedList(names, "and");
  }

  /** As {@link #quotedList(List)}, joining the last two with {@code conjunction}. */
  static String quotedList(List<String> names, String conjunction) {
    return Phrases.names(names, conjunction);
  }
}

package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.Case;
import java.util.Collection;
import java.util.List;

/** How messages name the elements of a model. */
public final class Phrases {

  private Phrases() {}

  public static String aggregate(Aggregate aggregate) {
    return "aggregate `%s`".formatted(aggregate.name());
  }

  public static String event(Event event) {
    return "event `%s`".formatted(event.name());
  }

  public static String view(View view) {
    return "view `%s`".formatted(view.name());
  }

  /** "command `LendBook`" or "policy `WithdrawWhenLost`" */
  public static String flow(Flow flow) {
    return (flow instanceof Command ? "command" : "policy") + " `%s`".formatted(flow.name());
  }

  public static String capital(String text) {
    return Case.capitalize(text);
  }

  /** "`a`, `b` and `c`" */
  public static String names(Collection<String> names) {
    return names(names, "and");
  }

  /** As {@link #names(Collection)}, joining the last two with {@code conjunction}. */
  public static String names(Collection<String> names, String conjunction) {
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

package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Emit;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Phrases;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;

/**
 * A flow that succeeds emits the events of its {@code emits}, in order, leaving out only those
 * whose {@code if} does not hold; a test's {@code then.events} is complete and in order: it must
 * name the events of {@code emits} in that order, every event without {@code if} among them.
 */
public final class ExpectedEventsDiffer implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      List<TestCase.ExpectedEvent> expected = site.test().then().events().orElse(List.of());
      if (site.test().then().events().isEmpty() || site.test().then().error().isPresent()) {
        continue;
      }
      var aggregate = site.flow().aggregate();
      List<Emit> emits = site.flow().flow().emits();
      List<String> emitted = emits.stream().map(Emit::event).toList();
      List<String> named = expected.stream().map(TestCase.ExpectedEvent::event).toList();
      boolean allKnown =
          emitted.stream().allMatch(e -> aggregate.event(e).isPresent())
              && named.stream().allMatch(e -> aggregate.event(e).isPresent());
      if (!allKnown || possible(emits, named)) {
        continue;
      }
      boolean conditional = emits.stream().anyMatch(Emit::conditional);
      report.error(
          expected.isEmpty() ? site.test().then().location() : expected.get(0).location(),
          "%s expects %s, but %s emits %s."
              .formatted(
                  site.phrase(),
                  named.isEmpty() ? "no event" : Phrases.names(named),
                  site.flow().phrase(),
                  emitted.isEmpty() ? "no event" : described(emits)),
          conditional
              ? "expect the events the %s emits, in that order: each one without `if`, and those"
                      .formatted(site.flow().isCommand() ? "command" : "policy")
                  + " with `if` whose condition holds in this test"
              : "expect the events the %s emits, all of them and in that order"
                  .formatted(site.flow().isCommand() ? "command" : "policy"));
    }
  }

  /** "`A`, `B` (if its condition holds) and `C`" */
  private static String described(List<Emit> emits) {
    List<String> parts =
        emits.stream()
            .map(e -> "`" + e.event() + "`" + (e.conditional() ? " (if its condition holds)" : ""))
            .toList();
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /**
   * Whether some choice of conditions gives exactly {@code named}: the events of {@code emits} in
   * order, each conditional one present or left out.
   */
  static boolean possible(List<Emit> emits, List<String> named) {
    // reachable[j]: the first j named events can be matched by the emits seen so far.
    boolean[] reachable = new boolean[named.size() + 1];
    reachable[0] = true;
    for (Emit emit : emits) {
      boolean[] next = new boolean[named.size() + 1];
      for (int j = 0; j <= named.size(); j++) {
        if (!reachable[j]) {
          continue;
        }
        if (emit.conditional()) {
          next[j] = true;
        }
        if (j < named.size() && named.get(j).equals(emit.event())) {
          next[j + 1] = true;
        }
      }
      reachable = next;
    }
    return reachable[named.size()];
  }
}

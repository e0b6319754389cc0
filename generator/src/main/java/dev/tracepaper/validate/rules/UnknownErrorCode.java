package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A test's {@code then.error} is a {@code code} of one of the flow's rules or of its aggregate's
 * {@code unique} constraints, or a system code; any other code can never be the outcome.
 */
public final class UnknownErrorCode implements Rule {

  /** The codes the system itself fails with. */
  public static final List<String> SYSTEM_CODES =
      List.of("VALIDATION", "NOT_FOUND", "ALREADY_EXISTS", "CONFLICT", "UNAUTHORIZED");

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      site.test().then().error().ifPresent(code -> check(site, code, report));
    }
  }

  private static void check(TestSite site, Located<String> code, Reporter report) {
    Set<String> ruleCodes = new LinkedHashSet<>();
    site.flow().flow().rules().stream()
        .map(BusinessRule::code)
        .map(Located::value)
        .forEach(ruleCodes::add);
    site.flow().aggregate().unique().stream()
        .flatMap(u -> u.code().stream())
        .map(Located::value)
        .forEach(ruleCodes::add);
    if (ruleCodes.contains(code.value()) || SYSTEM_CODES.contains(code.value())) {
      return;
    }
    Set<String> known = new LinkedHashSet<>(ruleCodes);
    known.addAll(SYSTEM_CODES);
    String guess = Suggestions.didYouMean(code.value(), known);
    boolean unique = !site.flow().aggregate().unique().isEmpty();
    String rules =
        ruleCodes.isEmpty()
            ? "%s has no rules".formatted(site.flow().phrase())
            : unique
                ? "no rule of %s nor unique constraint of aggregate `%s` has that code"
                    .formatted(site.flow().phrase(), site.flow().aggregate().name())
                : "no rule of %s has that code".formatted(site.flow().phrase());
    report.error(
        code.location(),
        "%s expects the error `%s`, but %s and it is not a system code."
            .formatted(site.phrase(), code.value(), rules),
        guess.isEmpty()
            ? "expect %s or one of %s"
                .formatted(
                    unique ? "a rule's or constraint's code" : "a rule's code",
                    String.join(", ", known))
            : guess);
  }
}

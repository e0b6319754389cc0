package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A field's text {@code default} does not match the field's own {@code pattern}, so the default
 * would be refused by the check it is meant to pass. Patterns are searched in the value, as
 * everywhere (see {@link PatternResolver}).
 */
public final class DefaultDoesNotMatchPattern implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    PatternResolver resolver = PatternResolver.of(index.model());
    for (FieldSite site : FieldSites.all(index)) {
      Optional<Located<String>> pattern = site.field().constraints().pattern();
      Optional<Located<YamlNode>> value = site.field().constraints().defaultValue();
      if (pattern.isEmpty() || value.isEmpty()) {
        continue;
      }
      if (!(value.get().value() instanceof ScalarNode scalar)
          || scalar.kind() != ScalarNode.Kind.STRING) {
        continue;
      }
      // A pattern that cannot be spliced or compiled is reported by the other pattern rules.
      resolver
          .field(pattern.get().value())
          .regex()
          .filter(regex -> InvalidRegex.syntaxError(regex).isEmpty())
          .filter(regex -> !matches(regex, scalar.value()))
          .ifPresent(
              regex ->
                  report.error(
                      scalar.location(),
                      "The default `%s` of %s does not match its pattern %s."
                          .formatted(
                              scalar.value(),
                              site.phrase(),
                              shown(resolver, pattern.get().value(), regex)),
                      "give a default the pattern accepts, or correct the pattern",
                      pattern.get().location()));
    }
  }

  /**
   * "`^[A-Z]{3}$`", or for a named or spliced pattern the regex it stands for too: "`Currency`
   * (`^[A-Z]{3}$`)".
   */
  static String shown(PatternResolver resolver, String pattern, String regex) {
    return pattern.equals(regex)
        ? "`%s`".formatted(pattern)
        : "`%s` (`%s`)".formatted(pattern, regex);
  }

  /**
   * Searches the value, giving up (taking it as a match) when a pathological pattern backtracks
   * without end: validation must finish whatever the model says.
   */
  static boolean matches(String regex, String value) {
    try {
      return Pattern.compile(regex).matcher(new Budgeted(value, 1_000_000)).find();
    } catch (Budgeted.Exhausted | StackOverflowError e) {
      return true;
    }
  }

  /** A text that stops being readable after {@code budget} reads of a character. */
  private static final class Budgeted implements CharSequence {

    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private final int[] budget;

    Budgeted(String text, int budget) {
      this(text, new int[] {budget});
    }

    private Budgeted(String text, int[] budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}

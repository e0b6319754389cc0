package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.Case;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * {@code app.name} names the CloudFormation stack, the Maven artifact, the API and the event
 * source, so it must be lower-kebab-case: lower-case letters and digits in words joined by single
 * hyphens, starting with a letter ({@code library}, {@code book-club}), and at most {@value
 * AwsNames#MAX_APP_NAME} characters, which leaves room in a stack name (128) for a stage suffix.
 */
public final class InvalidAppName implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    model.model().app().map(app -> app.name()).ifPresent(name -> check(name, report));
  }

  private static void check(Located<String> name, Reporter report) {
    String value = name.value();
    if (!Case.isLowerKebab(value)) {
      String converted = Case.kebab(value);
      String hint =
          Case.isLowerKebab(converted) && converted.chars().allMatch(c -> c < 128)
              ? "write `%s`".formatted(converted)
              : "use lower-case letters and digits in words joined by single hyphens, starting"
                  + " with a letter";
      report.error(
          name.location(),
          "The app name `%s` is not lower-kebab-case; it names the CloudFormation stack, the"
                  .formatted(value)
              + " Maven artifact and the API.",
          hint);
    } else if (value.length() > AwsNames.MAX_APP_NAME) {
      report.error(
          name.location(),
          "The app name is %d characters long; at most %d fit in a CloudFormation stack name"
                  .formatted(value.length(), AwsNames.MAX_APP_NAME)
              + " with room for a stage suffix.",
          "shorten it");
    }
  }
}

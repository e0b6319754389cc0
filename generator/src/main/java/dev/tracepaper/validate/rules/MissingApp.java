package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/** A model needs an {@code app} section: it names the stack, the Java package and the auth. */
public final class MissingApp implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    if (model.model().app().isPresent() || model.model().sources().isEmpty()) {
      return;
    }
    String first = model.model().sources().get(0).path();
    report.error(
        SourceLocation.of(first, 1, 1),
        "The model has no `app` section, so it has no name, Java package or sign-in settings.",
        "add `app: {name: my-app, package: com.example.myapp}` to one of its files");
  }
}

package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.Rule;
import java.util.List;

/**
 * The rules about the shape of the write and read side: keys, constraints, field copying, flows,
 * views, tests.
 */
public final class ModelRules {

  private ModelRules() {}

  public static List<Rule> all() {
    return List.of();
  }
}

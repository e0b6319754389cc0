package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.Rule;
import java.util.List;

/** The rules about automations: schedules, secrets, templates, commands and URLs. */
public final class AutomationRules {

  private AutomationRules() {}

  public static List<Rule> all() {
    return List.of(
        new InvalidSchedule(),
        new UndeclaredSecret(),
        new UnusedSecret(),
        new InvalidTemplate(),
        new InvalidAutomationCommand(),
        new InsecureUrl(),
        new InvalidAutomationTest());
  }
}

package dev.tracepaper.validate.rules;

import dev.tracepaper.automation.Activities;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Locale;

/**
 * An {@code http} activity whose URL is written to start with {@code http://} without {@code
 * allowHttp: true}: the request, its headers (often a secret) and its body would cross the network
 * readable. A URL computed wholly at run time is checked when the request is made.
 */
public final class InsecureUrl implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Automation automation : model.model().automations()) {
      for (Automation.Activity activity : Activities.all(automation)) {
        if (activity instanceof Automation.Http http && !http.allowHttp()) {
          String text = http.url().text().trim();
          String start = text.length() > 1 ? text.substring(1).toLowerCase(Locale.ROOT) : "";
          if ((text.startsWith("'") || text.startsWith("\"")) && start.startsWith("http://")) {
            report.error(
                http.url().location(),
                "Automation `%s` calls `%s` over plain HTTP, unencrypted."
                    .formatted(automation.name(), text),
                "use `https://`; for an endpoint that has no HTTPS (a test stub), add"
                    + " `allowHttp: true`");
          }
        }
      }
    }
  }
}

package dev.tracepaper.automation;

import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Let;
import java.util.ArrayList;
import java.util.List;

/** The parts of an automation's activities that rules look at, loops included. */
public final class Activities {

  private Activities() {}

  /** Every activity, those inside a {@code forEach} after the loop itself, in model order. */
  public static List<Automation.Activity> all(Automation automation) {
    List<Automation.Activity> all = new ArrayList<>();
    add(automation.activities(), all);
    return all;
  }

  private static void add(List<Automation.Activity> activities, List<Automation.Activity> all) {
    for (Automation.Activity activity : activities) {
      all.add(activity);
      if (activity instanceof Automation.ForEach loop) {
        add(loop.activities(), all);
      }
    }
  }

  /** Every template the automation fills. */
  public static List<Automation.Template> templates(Automation automation) {
    List<Automation.Template> templates = new ArrayList<>();
    for (Automation.Activity activity : all(automation)) {
      if (activity instanceof Automation.Email email) {
        templates.add(email.body());
      } else if (activity instanceof Automation.Http http) {
        http.body().ifPresent(templates::add);
      } else if (activity instanceof Automation.S3Object s3) {
        templates.add(s3.content());
      }
    }
    return templates;
  }

  /**
   * The files of every template the model's automations fill, each once: its path resolved beside
   * the model file that names it ({@code base} is what the model's locations are relative to).
   */
  public static List<java.nio.file.Path> templateFiles(
      dev.tracepaper.model.Model model, java.nio.file.Path base) {
    java.util.Set<java.nio.file.Path> files = new java.util.LinkedHashSet<>();
    for (Automation automation : model.automations()) {
      for (Automation.Template template : templates(automation)) {
        if (dev.tracepaper.model.TemplateFiles.isInside(template.path().value())) {
          java.nio.file.Path modelFile =
              base.resolve(template.path().location().file()).toAbsolutePath();
          files.add(modelFile.getParent().resolve(template.path().value()).normalize());
        }
      }
    }
    return List.copyOf(files);
  }

  /** Every expression the automation holds. */
  public static List<Expression> expressions(Automation automation) {
    List<Expression> all = new ArrayList<>();
    for (Automation.Activity activity : all(automation)) {
      if (activity instanceof Automation.Effect effect) {
        effect.condition().ifPresent(all::add);
      }
      if (activity instanceof Automation.SetVariables set) {
        set.variables().forEach(l -> all.add(l.value()));
      } else if (activity instanceof Automation.Stop stop) {
        all.add(stop.condition());
      } else if (activity instanceof Automation.ForEach loop) {
        all.add(loop.items());
      } else if (activity instanceof Automation.Email email) {
        all.addAll(email.to());
        all.add(email.subject());
      } else if (activity instanceof Automation.Http http) {
        all.add(http.url());
        http.query().forEach(q -> all.add(q.value()));
        http.headers().forEach(h -> all.add(h.value()));
      } else if (activity instanceof Automation.S3Object s3) {
        all.add(s3.key());
      } else if (activity instanceof Automation.SendCommand send) {
        send.with().stream().map(Assignment.SetValue::value).forEach(all::add);
      }
    }
    for (Automation.Template template : templates(automation)) {
      template.with().stream().map(Let::value).forEach(all::add);
    }
    return all;
  }
}

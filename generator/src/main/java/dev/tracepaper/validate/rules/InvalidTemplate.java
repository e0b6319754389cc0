package dev.tracepaper.validate.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.tracepaper.automation.Activities;
import dev.tracepaper.automation.Templates;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.ModelStruct;
import dev.tracepaper.expr.ModelTypes;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TemplateFiles;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A template an automation fills that cannot be: the file is missing or lies outside the model's
 * folder, it is no valid Mustache, or it uses a name its activity's {@code with} does not give (nor
 * a field of a value a section of it opens).
 */
public final class InvalidTemplate implements Rule {

  /** Values nest rarely deeper; a cycle of types must end somewhere. */
  private static final int DEPTH = 4;

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    for (Automation automation : model.model().automations()) {
      for (Automation.Template template : Activities.templates(automation)) {
        check(automation, template, checked, report);
      }
    }
  }

  private static void check(
      Automation automation,
      Automation.Template template,
      CheckedExpressions checked,
      Reporter report) {
    String path = template.path().value();
    String subject = "The template `%s` of automation `%s`".formatted(path, automation.name());
    if (template.text().isEmpty()) {
      boolean inside = TemplateFiles.isInside(path);
      report.error(
          template.path().location(),
          inside
              ? subject + " is not found beside the model file."
              : subject + " lies outside the folder of the model file.",
          inside
              ? "create the file, its path relative to the model file that names it"
              : "keep templates in the model's folder, e.g. `templates/%s`"
                  .formatted(path.replaceAll(".*[/\\\\]", "")));
      return;
    }
    Templates.Parsed parsed = Templates.parse(template.text().get());
    if (parsed.problem().isPresent()) {
      report.error(
          template.path().location(),
          subject + " is not a valid Mustache template: " + parsed.problem().get() + ".",
          "a template uses `{{name}}`, `{{#section}}…{{/section}}` and `{{^section}}…{{/section}}`");
      return;
    }
    List<String> given = template.with().stream().map(Let::name).toList();
    Set<String> known = new LinkedHashSet<>(given);
    for (Let value : template.with()) {
      checked
          .of(value.value())
          .filter(CheckedExpression::isValid)
          .ifPresent(c -> fieldsOf(c.resultType(), checked.types(), known, DEPTH));
    }
    for (String name : parsed.names()) {
      if (!known.contains(name)) {
        String close = Suggestions.didYouMean(name, new ArrayList<>(known));
        report.error(
            template.path().location(),
            "%s uses `{{%s}}`, which its `with` does not give.".formatted(subject, name),
            close.isEmpty()
                ? "add `%s: <CEL>` under `with`%s"
                    .formatted(
                        name, given.isEmpty() ? "" : " (it gives " + String.join(", ", given) + ")")
                : close);
      }
    }
  }

  /** The field names of the values a section may open: a record's, a list's items'. */
  private static void fieldsOf(CelType type, ModelTypes types, Set<String> into, int depth) {
    if (depth == 0) {
      return;
    }
    CelType element = type instanceof ListType list ? list.elemType() : type;
    Optional<ModelStruct> struct = types.struct(element);
    if (struct.isEmpty()) {
      return;
    }
    for (Field field : struct.get().fields()) {
      into.add(field.name());
      fieldsOf(types.of(field.type(), struct.get().owner()), types, into, depth - 1);
    }
  }
}

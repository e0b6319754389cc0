package dev.tracepaper.model;

import dev.tracepaper.naming.JavaNames;
import java.util.List;

/** The Java names of a model: its package, and the classes its aggregates' packages hold. */
public final class ModelJavaNames {

  /** The package used when the model names none; it changes no simple name. */
  private static final String NO_PACKAGE = "app";

  private ModelJavaNames() {}

  public static JavaNames of(Model model) {
    List<JavaNames.AggregateElements> aggregates =
        model.aggregates().stream()
            .map(
                a ->
                    new JavaNames.AggregateElements(
                        a.name(),
                        a.entities().stream().map(TypeDef::name).toList(),
                        a.events().stream().map(Event::name).toList(),
                        a.commands().stream().map(Command::name).toList(),
                        a.policies().stream().map(Policy::name).toList()))
            .toList();
    return JavaNames.of(
        model.app().map(a -> a.javaPackage().value()).orElse(NO_PACKAGE), aggregates);
  }
}

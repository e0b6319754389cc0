package dev.tracepaper.render;

import dev.tracepaper.source.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The templates of a {@code --templates} folder that tracepaper does not have, listed in the
 * folder's {@code templates.yaml}: each is rendered too, once or once per element of a kind, so a
 * project gets new files without forking the generator.
 *
 * @param folder the {@code --templates} folder
 * @param extras the listed templates, in the order written
 */
public record ExtraTemplates(Path folder, List<Extra> extras) {

  /** The file, in the templates folder, that lists the extra templates. */
  public static final String CONFIG = "templates.yaml";

  public ExtraTemplates {
    extras = List.copyOf(extras);
  }

  /** What an extra template is rendered once for, with which variables (as the built-ins have). */
  public enum Each {
    PROJECT,
    AGGREGATE,
    ENTITY,
    EVENT,
    COMMAND,
    POLICY,
    VIEW,
    TYPE,
    ENUM;

    /** As written in {@code templates.yaml}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Each> of(String word) {
      return Arrays.stream(values()).filter(e -> e.word().equals(word)).findFirst();
    }

    public static List<String> words() {
      return Arrays.stream(values()).map(Each::word).toList();
    }
  }

  /**
   * One listed template.
   *
   * @param template its path in the folder ({@code docs/ARCHITECTURE.md.ftl})
   * @param each what it is rendered once for
   * @param output a FreeMarker template of its output path, relative to the project; empty for the
   *     template's path less {@code .ftl}
   * @param location where {@code templates.yaml} lists it
   * @param outputLocation where its {@code output} is written (its {@code location} when none is)
   * @param stub whether each output is a stub for hand-written code: created when missing, then
   *     never overwritten
   */
  public record Extra(
      String template,
      Each each,
      Optional<String> output,
      SourceLocation location,
      SourceLocation outputLocation,
      boolean stub) {}

  /** No extra templates (no {@code --templates} folder). */
  public static ExtraTemplates none() {
    return new ExtraTemplates(Path.of(""), List.of());
  }

  /**
   * Reads {@code folder/templates.yaml} (none: no extras) and checks it against the folder and the
   * built-in templates.
   *
   * @throws TemplateSetupException naming every problem found, each with its place
   */
  public static ExtraTemplates read(Path folder, List<String> builtIns) throws IOException {
    return new ExtraTemplatesReader(folder, builtIns).read();
  }
}

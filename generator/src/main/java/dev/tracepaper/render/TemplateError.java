package dev.tracepaper.render;

/**
 * Why a template could not be rendered: the template's name, where in it (1-based line and column;
 * 0 when unknown, e.g. a missing template), and FreeMarker's message without its stack of template
 * frames.
 */
public record TemplateError(String templateName, int line, int column, String message) {

  /** The same error, saying what was being rendered ({@code while rendering X for command Y}). */
  public TemplateError during(String rendering) {
    return new TemplateError(templateName, line, column, message + " (" + rendering + ")");
  }

  /** {@code name:line:column: message}, the form the CLI prints. */
  @Override
  public String toString() {
    return templateName + ":" + line + ":" + column + ": " + message;
  }
}

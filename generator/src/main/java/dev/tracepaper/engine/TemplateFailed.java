package dev.tracepaper.engine;

import dev.tracepaper.model.Automation;

/**
 * A template that could not be filled while an automation's preview ran: a name it uses that the
 * value a section opens does not have ({@code {{street}}} outside {@code {{#address}}}). Validation
 * knows the names a template may use, not which value each section opens.
 */
public final class TemplateFailed extends RuntimeException {

  private final transient Automation.Template template;

  TemplateFailed(Automation.Template template, String reason) {
    super(reason);
    this.template = template;
  }

  public Automation.Template template() {
    return template;
  }

  public String reason() {
    return getMessage();
  }
}

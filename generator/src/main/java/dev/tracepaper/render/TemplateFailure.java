package dev.tracepaper.render;

/** A template failed to parse or render; {@link #error()} says where and why. */
public final class TemplateFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient TemplateError error;

  public TemplateFailure(TemplateError error, Throwable cause) {
    super(error.toString(), cause);
    this.error = error;
  }

  public TemplateError error() {
    return error;
  }
}

package dev.tracepaper.task;

import dev.tracepaper.validate.Validator;

/** When a model may be used at all: tested, generated, documented. */
public final class ModelValidity {

  private ModelValidity() {}

  /** An error, or a model that did not even load, stops every command that uses the model. */
  public static boolean invalid(Validator.Outcome validated) {
    return validated.report().hasErrors() || validated.index().isEmpty();
  }
}

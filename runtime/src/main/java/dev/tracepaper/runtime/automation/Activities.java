package dev.tracepaper.runtime.automation;

/**
 * The activities of one automation, as the generated code writes them: given one run, they decide
 * with its trigger and perform their side effects through it, in the model's order.
 */
@FunctionalInterface
public interface Activities {

  void perform(Run run);
}

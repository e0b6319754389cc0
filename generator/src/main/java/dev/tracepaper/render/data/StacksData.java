package dev.tracepaper.render.data;

import java.util.List;

/**
 * The stacks of the generated template: the root and its nested stacks, sorted by name.
 *
 * @param root the root stack ({@code template.yaml})
 * @param nested the nested stacks ({@code stacks/<Name>.yaml}), one per subdomain or part of one
 */
public record StacksData(StackData root, List<StackData> nested) {

  public StacksData {
    nested = List.copyOf(nested);
  }

  /**
   * The most outputs the root gives besides the policies' dead-letter queues: the API, users, bus,
   * store, alarms, the shared queues and the rebuild's function and state machine.
   */
  static final int SHARED_OUTPUTS = 16;

  /** CloudFormation's limit of outputs per template. */
  static final int MAX_OUTPUTS = 200;

  /**
   * Whether the root gives every policy's dead-letter queue as an output of its own (a nested
   * stack's through that stack's output): while they fit in CloudFormation's 200 outputs beside the
   * {@code automations}' dead-letter queues (which are in the root). Beyond, a nested stack's
   * policies' queues are outputs of that nested stack only.
   */
  public boolean policyQueuesInRoot(int automations) {
    long policies =
        root.policies().size() + nested.stream().mapToLong(s -> s.policies().size()).sum();
    return SHARED_OUTPUTS + automations + policies <= MAX_OUTPUTS;
  }

  /** The stack holding a view's table: the root reads it through that stack's outputs. */
  public StackData stackOfView(ViewData view) {
    return nested.stream().filter(s -> s.views().contains(view)).findFirst().orElse(root);
  }
}

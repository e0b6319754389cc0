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

  /** The stack holding a view's table: the root reads it through that stack's outputs. */
  public StackData stackOfView(ViewData view) {
    return nested.stream().filter(s -> s.views().contains(view)).findFirst().orElse(root);
  }
}

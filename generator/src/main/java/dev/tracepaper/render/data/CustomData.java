package dev.tracepaper.render.data;

import java.util.List;

/**
 * The hand-written part of a command, policy or view that the model marks {@code custom: true} (the
 * generation gap, docs/regeneration.md): a generated interface the generated code calls, and a
 * class implementing it that Tracepaper creates once as a stub and never touches again.
 *
 * @param enabled whether the element is {@code custom: true}; the names below are given either way
 * @param interfaceClass the generated interface ({@code LendBookCustom})
 * @param codeClass the hand-written class ({@code LendBookCustomCode})
 * @param imports the classes both name by simple name, sorted
 */
public record CustomData(
    boolean enabled, String interfaceClass, String codeClass, List<String> imports) {

  public CustomData {
    imports = List.copyOf(imports);
  }
}

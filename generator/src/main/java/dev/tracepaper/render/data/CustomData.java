package dev.tracepaper.render.data;

import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-written part of a command, policy or view that the model marks {@code custom: true} (the
 * generation gap, docs/regeneration.md): a generated interface the generated code calls, and a
 * class implementing it that Tracepaper creates once as a stub and never touches again.
 *
 * @param enabled whether the element is {@code custom: true}; the names below are given either way
 * @param interfaceClass the generated interface ({@code LendBookCustom})
 * @param codeClass the hand-written class ({@code LendBookCustomCode})
 * @param imports the classes the interface names by simple name, sorted
 * @param codeImports the classes the hand-written class names by simple name (the interface's and
 *     the {@code CustomContext} its constructor takes), sorted
 */
public record CustomData(
    boolean enabled,
    String interfaceClass,
    String codeClass,
    List<String> imports,
    List<String> codeImports) {

  public CustomData {
    imports = List.copyOf(imports);
    codeImports = List.copyOf(codeImports);
  }

  /** The part whose hand-written class is created with the runtime's {@code CustomContext}. */
  public static CustomData of(
      boolean enabled,
      String interfaceClass,
      String codeClass,
      List<String> imports,
      String runtimePackage) {
    List<String> codeImports =
        Stream.concat(imports.stream(), Stream.of(runtimePackage + ".CustomContext"))
            .sorted()
            .toList();
    return new CustomData(enabled, interfaceClass, codeClass, imports, codeImports);
  }
}

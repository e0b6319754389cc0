package dev.tracepaper.render.build;

import dev.tracepaper.naming.JavaName;
import java.util.Set;

/**
 * How one generated file names a class of another package: by its simple name, imported, unless a
 * class of the file's own package that the file uses has that simple name (a view {@code BookState}
 * beside aggregate {@code Book}'s {@code BookState}); then by its qualified name, since an import
 * would hide the file's own class.
 */
final class ClassReferences {

  private final String ownPackage;
  private final Set<String> ownClasses;
  private final Set<String> imports;

  /**
   * @param ownClasses the simple names of the classes of {@code ownPackage} the file uses
   * @param imports where the imports the file needs are collected
   */
  ClassReferences(String ownPackage, Set<String> ownClasses, Set<String> imports) {
    this.ownPackage = ownPackage;
    this.ownClasses = Set.copyOf(ownClasses);
    this.imports = imports;
  }

  /** The name the file's code writes for {@code name}, imported where that is safe. */
  String of(JavaName name) {
    if (!name.packageName().equals(ownPackage) && ownClasses.contains(name.simpleName())) {
      return name.qualified();
    }
    imports.add(name.qualified());
    return name.simpleName();
  }
}

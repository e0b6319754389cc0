package dev.tracepaper.naming;

/** A generated Java class: its package and simple name, and where its source file goes. */
public record JavaName(String packageName, String simpleName) {

  public String qualified() {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  /** {@code src/main/java/com/example/library/book/BookLent.java} */
  public String sourcePath() {
    return path("src/main/java/");
  }

  /** The same path under {@code src/test/java}, for generated tests. */
  public String testSourcePath() {
    return path("src/test/java/");
  }

  private String path(String root) {
    String folder = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
    return root + folder + simpleName + ".java";
  }

  @Override
  public String toString() {
    return qualified();
  }
}

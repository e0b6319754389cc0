package dev.tracepaper.diff;

/** The classes of difference {@code tracepaper diff} reports, each documented in diff-rules.md. */
public enum RuleClass {
  /** Events or state already stored would be read wrongly, or not at all. */
  STORED_DATA("Stored data"),
  /** A client of the GraphQL API that works today would fail. */
  API("API clients"),
  /** The deployment needs a step besides deploying: a rebuild, a table gone. */
  OPERATION("Needs an operation"),
  /** Nothing breaks, but a person should look: who may call, what is accepted. */
  REVIEW("Worth a review"),
  /** Safe: shown with --verbose and in json. */
  COMPATIBLE("Compatible");

  private final String title;

  RuleClass(String title) {
    this.title = title;
  }

  /** The heading of the class in docs/diff-rules.md. */
  public String title() {
    return title;
  }
}

package dev.tracepaper.extend;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * Merges {@code extensions/pom.xml}, a fragment of a POM, into the generated {@code pom.xml}: its
 * properties, dependencies and build plugins are inserted, as written, at the end of the generated
 * sections. A property, dependency or plugin the generator declares is refused, never replaced.
 */
final class PomMerger {

  static final String POM = "pom.xml";
  private static final String MAVEN_PLUGINS = "org.apache.maven.plugins";
  private static final List<String> PARTS = List.of("properties", "dependencies", "build");

  record Result(Optional<String> pom, List<Merged> merged, List<Diagnostic> diagnostics) {}

  private final Text fragment;
  private final String file;
  private final String origin;
  private final List<Merged> merged = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private PomMerger(String fragment, String file, String origin) {
    this.fragment = new Text(fragment);
    this.file = file;
    this.origin = origin;
  }

  /**
   * {@code generated} with the fragment merged; {@code file} names the fragment in messages and
   * {@code origin} in the comment above what it adds.
   */
  static Result merge(String generated, String fragmentText, String file, String origin) {
    return new PomMerger(fragmentText, file, origin).merge(generated);
  }

  private Result merge(String generated) {
    XmlElement extension;
    try {
      extension = XmlElement.parse(fragment.text());
    } catch (XMLStreamException e) {
      diagnostics.add(syntax(e));
      return done(Optional.empty());
    }
    XmlElement pom;
    try {
      pom = XmlElement.parse(generated);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(
          "the generated pom.xml is not well-formed: " + e.getMessage(), e);
    }
    if (!extension.name().equals("project")) {
      diagnostics.add(
          error(
                  "ExtensionShape",
                  extension,
                  "The fragment's root is `<%s>`; it is `<project>`, as in a POM."
                      .formatted(extension.name()))
              .withHint("wrap the additions in <project> … </project>"));
      return done(Optional.empty());
    }
    List<XmlElement> properties = new ArrayList<>();
    List<XmlElement> dependencies = new ArrayList<>();
    List<XmlElement> plugins = new ArrayList<>();
    for (XmlElement part : extension.children()) {
      switch (part.name()) {
        case "properties" -> properties.addAll(part.children());
        case "dependencies" -> dependencies.addAll(only(part, "dependency"));
        case "build" -> {
          for (XmlElement child : part.children()) {
            if (child.name().equals("plugins")) {
              plugins.addAll(only(child, "plugin"));
            } else {
              unknown(
                  child, List.of("plugins"), "`<build>` of the fragment holds `<plugins>` only");
            }
          }
        }
        default ->
            unknown(
                part,
                PARTS,
                "the fragment holds `<properties>`, `<dependencies>` and `<build><plugins>`");
      }
    }
    Edits edits = new Edits(generated);
    Text text = new Text(generated);
    properties(pom, text, edits, properties);
    dependencies(pom, text, edits, dependencies);
    plugins(pom, text, edits, plugins);
    return done(
        diagnostics.isEmpty() && !edits.isEmpty() ? Optional.of(edits.apply()) : Optional.empty());
  }

  private void properties(XmlElement pom, Text text, Edits edits, List<XmlElement> added) {
    Map<String, XmlElement> generated = new HashMap<>();
    pom.at("properties").ifPresent(p -> p.children().forEach(c -> generated.put(c.name(), c)));
    List<XmlElement> accepted = new ArrayList<>();
    Map<String, XmlElement> seen = new HashMap<>();
    for (XmlElement property : added) {
      if (generated.containsKey(property.name())) {
        diagnostics.add(
            error(
                    "ExtensionConflict",
                    property,
                    "The generator sets the property `%s` (pom.xml line %d); an extension adds properties and never replaces one."
                        .formatted(
                            property.name(), text.lineOf(generated.get(property.name()).start())))
                .withHint("give the property a name of its own"));
      } else if (twice(seen, property.name(), property)) {
        continue;
      } else {
        accepted.add(property);
        merged.add(new Merged(POM, "property " + property.name(), at(property)));
      }
    }
    insert(pom, text, edits, "properties", accepted);
  }

  private void dependencies(XmlElement pom, Text text, Edits edits, List<XmlElement> added) {
    Map<String, XmlElement> generated = new HashMap<>();
    pom.at("dependencies")
        .ifPresent(d -> d.children().forEach(c -> generated.put(c.coordinates(""), c)));
    pom.at("dependencyManagement/dependencies")
        .ifPresent(d -> d.children().forEach(c -> generated.putIfAbsent(c.coordinates(""), c)));
    List<XmlElement> accepted = new ArrayList<>();
    Map<String, XmlElement> seen = new HashMap<>();
    for (XmlElement dependency : added) {
      if (!complete(dependency, true)) {
        continue;
      }
      String coordinates = dependency.coordinates("");
      if (generated.containsKey(coordinates)) {
        diagnostics.add(
            error(
                    "ExtensionConflict",
                    dependency,
                    "The generator declares the dependency `%s` (pom.xml line %d); an extension adds dependencies and never replaces one."
                        .formatted(coordinates, text.lineOf(generated.get(coordinates).start())))
                .withHint(
                    "leave it out: the generated project has it (its version and scope are the generator's)"));
      } else if (!twice(seen, coordinates, dependency)) {
        accepted.add(dependency);
        merged.add(new Merged(POM, "dependency " + coordinates, at(dependency)));
      }
    }
    insert(pom, text, edits, "dependencies", accepted);
  }

  private void plugins(XmlElement pom, Text text, Edits edits, List<XmlElement> added) {
    Map<String, XmlElement> generated = new HashMap<>();
    pom.at("build/plugins")
        .ifPresent(p -> p.children().forEach(c -> generated.put(c.coordinates(MAVEN_PLUGINS), c)));
    Map<String, XmlElement> managed = new HashMap<>();
    pom.at("build/pluginManagement/plugins")
        .ifPresent(p -> p.children().forEach(c -> managed.put(c.coordinates(MAVEN_PLUGINS), c)));
    List<XmlElement> accepted = new ArrayList<>();
    Map<String, XmlElement> seen = new HashMap<>();
    for (XmlElement plugin : added) {
      if (!complete(plugin, false)) {
        continue;
      }
      String coordinates = plugin.coordinates(MAVEN_PLUGINS);
      if (generated.containsKey(coordinates)) {
        diagnostics.add(
            error(
                    "ExtensionConflict",
                    plugin,
                    "The generator configures the plugin `%s` (pom.xml line %d); an extension adds plugins and never replaces one."
                        .formatted(coordinates, text.lineOf(generated.get(coordinates).start())))
                .withHint(
                    "the generated build needs its configuration as it is; add a plugin of your own"));
      } else if (managed.containsKey(coordinates) && plugin.child("version").isPresent()) {
        XmlElement version = plugin.child("version").get();
        diagnostics.add(
            error(
                    "ExtensionConflict",
                    version,
                    "The generator pins the version of `%s` (pom.xml line %d, `pluginManagement`); an extension does not change it."
                        .formatted(coordinates, text.lineOf(managed.get(coordinates).start())))
                .withHint("leave out <version>: the pinned one applies"));
      } else if (!twice(seen, coordinates, plugin)) {
        accepted.add(plugin);
        merged.add(new Merged(POM, "plugin " + coordinates, at(plugin)));
      }
    }
    if (accepted.isEmpty()) {
      return;
    }
    if (pom.at("build").isPresent() && pom.at("build/plugins").isEmpty()) {
      XmlElement build = pom.at("build").get();
      edits.insert(
          lineOfClose(text, build), wrapped("plugins", accepted, indentOf(text, build) + 2));
    } else if (pom.at("build").isEmpty()) {
      edits.insert(
          lineOfClose(text, pom), "  <build>\n" + wrapped("plugins", accepted, 4) + "  </build>\n");
    } else {
      insert(pom, text, edits, "build/plugins", accepted);
    }
  }

  /** Appends {@code added} to the generated section at {@code path}, creating it when missing. */
  private void insert(XmlElement pom, Text text, Edits edits, String path, List<XmlElement> added) {
    if (added.isEmpty()) {
      return;
    }
    Optional<XmlElement> section = pom.at(path);
    if (section.isPresent()) {
      edits.insert(
          lineOfClose(text, section.get()), elements(added, indentOf(text, section.get()) + 2));
    } else {
      edits.insert(lineOfClose(text, pom), wrapped(path, added, 2));
    }
  }

  private String wrapped(String name, List<XmlElement> added, int indent) {
    String pad = " ".repeat(indent);
    return pad + "<" + name + ">\n" + elements(added, indent + 2) + pad + "</" + name + ">\n";
  }

  private String elements(List<XmlElement> added, int indent) {
    String pad = " ".repeat(indent);
    StringBuilder out =
        new StringBuilder(pad + "<!-- Added from " + origin + " (hand-written). -->\n");
    for (XmlElement element : added) {
      int column = fragment.columnOf(element.start()) - 1;
      String[] lines = fragment.text().substring(element.start(), element.end()).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].stripTrailing();
        if (i > 0) {
          int spaces = 0;
          while (spaces < line.length() && spaces < column && line.charAt(spaces) == ' ') {
            spaces++;
          }
          line = line.substring(spaces);
        }
        out.append(line.isEmpty() ? "" : pad + line).append('\n');
      }
    }
    return out.toString();
  }

  /** The start of the line of {@code element}'s end tag (where additions go), or the tag itself. */
  private static int lineOfClose(Text text, XmlElement element) {
    int line = text.lineOf(element.closeStart());
    int lineStart = text.lineStart(line);
    return text.text().substring(lineStart, element.closeStart()).isBlank()
        ? lineStart
        : element.closeStart();
  }

  private static int indentOf(Text text, XmlElement element) {
    return text.indentOf(text.lineOf(element.start()));
  }

  private List<XmlElement> only(XmlElement parent, String name) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement child : parent.children()) {
      if (child.name().equals(name)) {
        found.add(child);
      } else {
        unknown(
            child,
            List.of(name),
            "`<%s>` of the fragment holds `<%s>` elements".formatted(parent.name(), name));
      }
    }
    return found;
  }

  private boolean complete(XmlElement element, boolean needsGroup) {
    for (String part : needsGroup ? List.of("groupId", "artifactId") : List.of("artifactId")) {
      if (element.childText(part).isEmpty()) {
        diagnostics.add(
            error(
                    "ExtensionShape",
                    element,
                    "This `<%s>` has no `<%s>`.".formatted(element.name(), part))
                .withHint("name it with <groupId> and <artifactId>, as in a POM"));
        return false;
      }
    }
    return true;
  }

  private boolean twice(Map<String, XmlElement> seen, String key, XmlElement element) {
    XmlElement first = seen.putIfAbsent(key, element);
    if (first == null) {
      return false;
    }
    diagnostics.add(
        error(
                "ExtensionConflict",
                element,
                "`%s` is added twice; it was first added at line %d."
                    .formatted(key, fragment.lineOf(first.start())))
            .withHint("remove one of them")
            .withRelated(at(first)));
    return true;
  }

  private void unknown(XmlElement element, List<String> known, String what) {
    String hint = Suggestions.didYouMean(element.name(), known);
    diagnostics.add(
        error(
                "ExtensionUnknownKey",
                element,
                "`<%s>` cannot be extended here: %s.".formatted(element.name(), what))
            .withHint(
                hint.isEmpty()
                    ? "everything else in pom.xml is generated; see docs/extending.md"
                    : hint));
  }

  private Diagnostic error(String id, XmlElement element, String message) {
    return Diagnostic.error(id, at(element), message);
  }

  private SourceLocation at(XmlElement element) {
    return SourceLocation.of(
        file, fragment.lineOf(element.start()), fragment.columnOf(element.start()));
  }

  private Diagnostic syntax(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int marker = message.indexOf("Message: ");
    String why = marker >= 0 ? message.substring(marker + "Message: ".length()) : message;
    SourceLocation location =
        e.getLocation() != null && e.getLocation().getLineNumber() > 0
            ? SourceLocation.of(
                file,
                e.getLocation().getLineNumber(),
                Math.max(1, e.getLocation().getColumnNumber()))
            : SourceLocation.ofFile(file);
    return Diagnostic.error(
            "ExtensionSyntax", location, "The XML is not well-formed: " + why.strip())
        .withHint(
            "the fragment is XML as in pom.xml: <project> with <properties>, <dependencies> or <build><plugins>");
  }

  private Result done(Optional<String> pom) {
    return new Result(pom, merged, diagnostics);
  }
}

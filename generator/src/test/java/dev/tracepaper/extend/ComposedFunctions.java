package dev.tracepaper.extend;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the starter must list, found the exact way: every generated template composed. */
public final class ComposedFunctions {

  private ComposedFunctions() {}

  /** The logical ids of the functions of every template of a generated project. */
  public static Set<String> of(Path project) throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.walk(project)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        if (!file.startsWith(project.resolve("extensions"))) {
          SamTemplate.parse(file.toString(), Files.readString(file, UTF_8))
              .ifPresent(t -> ids.addAll(t.functions().keySet()));
        }
      }
    }
    return ids;
  }

  /** The ids the first generation's starter {@code extensions/template.yaml} lists. */
  public static Set<String> listedByTheStarter(Path project) throws IOException {
    List<String> lines = Files.readAllLines(project.resolve(Extensions.TEMPLATE), UTF_8);
    int heading = lines.indexOf("# The generated functions:");
    Set<String> ids = new TreeSet<>();
    lines.subList(heading + 1, lines.size()).forEach(l -> ids.add(l.substring(1).strip()));
    return ids;
  }
}

package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.render.data.ProjectData;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/templates.md documents every property a template can read, with the type a template sees:
 * the records reachable from {@link ProjectData}, their components and their other public
 * zero-argument methods (FreeMarker shows both as properties). A component added, renamed or
 * removed fails here until the page says so.
 */
class DataModelDocTest {

  private static final String SECTION = "## The data model";
  private static final Pattern HEADING = Pattern.compile("^### `([A-Z]\\w*)`.*");
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+) \\|.*");
  private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "equals");

  @Test
  void docsTemplatesDocumentsEveryPropertyOfTheDataModelWithItsType() throws IOException {
    Map<String, String> actual = properties();
    Map<String, String> documented = documented();

    List<String> problems = new ArrayList<>();
    actual.forEach(
        (property, type) -> {
          String doc = documented.get(property);
          if (doc == null) {
            problems.add(property + " (" + type + ") is not documented");
          } else if (!doc.equals(type)) {
            problems.add(property + " is documented as `" + doc + "`, but is `" + type + "`");
          }
        });
    documented.keySet().stream()
        .filter(p -> !actual.containsKey(p))
        .forEach(p -> problems.add(p + " is documented, but no longer exists"));
    assertWithMessage(
            "docs/templates.md, section \"The data model\", is out of date (one table per record,"
                + " one row per property: | `name` | type | meaning | example |):\n  "
                + String.join("\n  ", problems))
        .that(problems)
        .isEmpty();
  }

  /** {@code Record.property} to its type as a template sees it, for every reachable record. */
  private static Map<String, String> properties() {
    Map<String, String> properties = new TreeMap<>();
    Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(ProjectData.class));
    Map<String, Class<?>> seen = new TreeMap<>();
    while (!toVisit.isEmpty()) {
      Class<?> record = toVisit.pop();
      Class<?> earlier = seen.putIfAbsent(record.getSimpleName(), record);
      if (earlier != null) {
        // The page names records by simple name: two records of one name would share a table.
        assertWithMessage("two records named %s", record.getSimpleName())
            .that(earlier)
            .isEqualTo(record);
        continue;
      }
      Map<String, Type> members = new LinkedHashMap<>();
      for (RecordComponent component : record.getRecordComponents()) {
        members.put(component.getName(), component.getGenericType());
      }
      for (Method method : record.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())
            && !Modifier.isStatic(method.getModifiers())
            && method.getParameterCount() == 0
            && method.getReturnType() != void.class
            && !OBJECT_METHODS.contains(method.getName())) {
          members.putIfAbsent(method.getName(), method.getGenericReturnType());
        }
      }
      members.forEach(
          (name, type) -> {
            properties.put(record.getSimpleName() + "." + name, describe(type));
            records(type).forEach(toVisit::push);
          });
    }
    return properties;
  }

  private static String describe(Type type) {
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      if (p.getRawType() == List.class) {
        return "list of " + describe(args[0]);
      }
      if (p.getRawType() == Map.class) {
        return "map of " + describe(args[0]) + " to " + describe(args[1]);
      }
    }
    if (type == String.class) {
      return "string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == int.class || type == long.class) {
      return "number";
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return c.getSimpleName();
    }
    throw new AssertionError("no template type for " + type + "; extend describe()");
  }

  private static List<Class<?>> records(Type type) {
    if (type instanceof ParameterizedType p) {
      List<Class<?>> found = new ArrayList<>();
      for (Type arg : p.getActualTypeArguments()) {
        found.addAll(records(arg));
      }
      return found;
    }
    return type instanceof Class<?> c && c.isRecord() ? List.of(c) : List.of();
  }

  /** {@code Record.property} to its documented type (links and backticks removed). */
  private static Map<String, String> documented() throws IOException {
    List<String> lines = Files.readAllLines(TestPaths.root().resolve("docs/templates.md"));
    int start = lines.indexOf(SECTION);
    assertWithMessage("docs/templates.md has no section \"%s\"", SECTION).that(start).isAtLeast(0);
    Map<String, String> documented = new TreeMap<>();
    String record = null;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("### ")) {
        Matcher heading = HEADING.matcher(line);
        record = heading.matches() ? heading.group(1) : null;
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (record != null && row.matches()) {
        String type = row.group(2).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replace("`", "");
        String earlier = documented.put(record + "." + row.group(1), type.strip());
        assertWithMessage("%s.%s is documented twice", record, row.group(1)).that(earlier).isNull();
      }
    }
    return documented;
  }
}

package dev.tracepaper.validate;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.ExitCode;
import dev.tracepaper.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A seeded-random property test: mutate the example models (one domain per seed) (delete,
 * duplicate, retype, rename and truncate nodes) and check that validation always ends in exit 0 or
 * 1 with diagnostics, never an internal error or an exception. Each case prints its seed; replay
 * one with {@code -Dproperty.seed=N}, widen with {@code -Dproperty.cases=N}.
 */
class MutatedModelsPropertyTest {

  private static final long BASE_SEED = Long.getLong("property.seed", System.nanoTime());
  private static final int CASES =
      Integer.getInteger("property.cases", System.getProperty("property.seed") != null ? 1 : 300);

  @TempDir Path temp;

  static Stream<Long> seeds() {
    System.out.println("MutatedModelsPropertyTest base seed: " + BASE_SEED);
    return LongStream.range(0, CASES).mapToObj(i -> BASE_SEED + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMutationEndsInAVerdictNeverACrash(long seed) throws IOException {
    Random random = new Random(seed);
    List<Path> sources = modelFiles(EXAMPLES.get(random.nextInt(EXAMPLES.size())));
    Path model = temp.resolve("model");
    Files.createDirectories(model);
    String mutated = "";
    for (Path source : sources) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      boolean mutate = random.nextInt(sources.size()) == 0;
      String out = mutate ? mutate(text, random) : text;
      if (mutate) {
        mutated = source.getFileName() + ":\n" + out;
      }
      Files.writeString(model.resolve(source.getFileName()), out, StandardCharsets.UTF_8);
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"validate", "--format", "json", model.toString()},
            new PrintWriter(out),
            new PrintWriter(err));

    String context =
        "seed %d (replay: -Dproperty.seed=%d)%n%s%n%s".formatted(seed, seed, err, mutated);
    assertWithMessage(context).that(code).isAnyOf(ExitCode.OK, ExitCode.INVALID_MODEL);
    assertWithMessage(context).that(err.toString()).isEmpty();
    if (code == ExitCode.INVALID_MODEL) {
      assertWithMessage(context).that(out.toString()).contains("\"line\"");
    }
  }

  /** The example domains mutated; each seed picks one. */
  private static final List<String> EXAMPLES = List.of("library", "clinic", "projects");

  private static List<Path> modelFiles(String example) throws IOException {
    try (Stream<Path> files = Files.list(TestPaths.examples().resolve(example))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String mutate(String text, Random random) {
    if (random.nextInt(8) == 0) {
      return text.substring(0, random.nextInt(text.length() + 1));
    }
    Object tree = new Load(LoadSettings.builder().build()).loadFromString(text);
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      tree = mutateSomewhere(tree, random, 0);
    }
    return new Dump(DumpSettings.builder().build()).dumpToString(tree);
  }

  /** Walks down a random path and mutates the node found there. */
  @SuppressWarnings("unchecked")
  private static Object mutateSomewhere(Object node, Random random, int depth) {
    boolean descend = random.nextInt(4) != 0 && depth < 12;
    if (node instanceof Map<?, ?> map && !map.isEmpty() && descend) {
      Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
      Object key = new ArrayList<>(copy.keySet()).get(random.nextInt(copy.size()));
      switch (random.nextInt(5)) {
        case 0 -> copy.remove(key);
        case 1 -> {
          Object value = copy.remove(key);
          copy.put(rename(String.valueOf(key), random), value);
        }
        default -> copy.put(key, mutateSomewhere(copy.get(key), random, depth + 1));
      }
      return copy;
    }
    if (node instanceof List<?> list && !list.isEmpty() && descend) {
      List<Object> copy = new ArrayList<>(list);
      int index = random.nextInt(copy.size());
      switch (random.nextInt(5)) {
        case 0 -> copy.remove(index);
        case 1 -> copy.add(index, copy.get(index));
        default -> copy.set(index, mutateSomewhere(copy.get(index), random, depth + 1));
      }
      return copy;
    }
    return retype(node, random);
  }

  private static String rename(String name, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> name + "x";
      case 1 -> name.isEmpty() ? "x" : name.substring(1);
      case 2 -> name.toUpperCase();
      default -> "__" + name;
    };
  }

  private static Object retype(Object node, Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> null;
      case 1 -> 42;
      case 2 -> -1.5;
      case 3 -> true;
      case 4 -> List.of(String.valueOf(node));
      case 5 -> Map.of("x", String.valueOf(node));
      case 6 -> "";
      case 7 -> "{{" + node + "}} ( [ '\" \\ ${x} */ <#if";
      default -> String.valueOf(node) + "_" + random.nextInt(10);
    };
  }
}

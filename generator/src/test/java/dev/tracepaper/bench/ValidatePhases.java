package dev.tracepaper.bench;

import dev.tracepaper.diagnostic.DiagnosticSink;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.ModelReader;
import dev.tracepaper.source.ModelFiles;
import dev.tracepaper.source.YamlFile;
import dev.tracepaper.source.YamlReader;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.Rules;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Times the phases of one cold {@code validate} in-process: find the files, read the YAML (in
 * parallel, as the validator does), build the model records, index, then the rules one after the
 * other on one thread, so that each rule's time is its own. With {@code --rules} it prints the
 * slowest rules too. A rule that asks for a value another already derived finds it ready, so the
 * first rule to ask pays for it.
 *
 * <p>Usage: {@code ValidatePhases MODEL_DIR [--rules|--phases [ROUNDS]|--validator|--parse-only]};
 * {@code --validator} runs the validator as {@code tracepaper validate} does, and prints CPU per
 * thread; {@code --parse-only} only finds and parses the files (the floor of any validator of
 * them); rounds after the first show the warm cost.
 */
public final class ValidatePhases {

  private ValidatePhases() {}

  public static void main(String[] args) {
    args = args.length > 1 ? args : new String[] {args[0], "--phases"};
    if (args[1].equals("--validator")) {
      long start = System.nanoTime();
      int found =
          new Validator()
              .validate(List.of(Path.of(args[0])), Path.of("").toAbsolutePath())
              .diagnostics()
              .size();
      System.out.printf(
          "validate %d ms, %d diagnostics%n", (System.nanoTime() - start) / 1_000_000, found);
      threadTimes();
      return;
    }
    if (args[1].equals("--parse-only")) {
      // The floor of any validator of these files: find them and parse their YAML, nothing more.
      YamlReader reader = new YamlReader();
      long nodes =
          ModelFiles.collect(List.of(Path.of(args[0])), Path.of("").toAbsolutePath())
              .files()
              .parallelStream()
              .map(f -> reader.read(f.path(), f.displayName()))
              .mapToLong(f -> f.root().map(r -> r.size()).orElse(0L))
              .sum();
      System.out.printf("parsed %d YAML nodes%n", nodes);
      return;
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int r = 0; r < rounds; r++) {
      once(args, r == rounds - 1 && args[1].equals("--rules"));
    }
    threadTimes();
  }

  /**
   * CPU time per kind of thread (Linux only, from /proc): how much went to the JIT compiler and the
   * collector rather than to validation.
   */
  private static void threadTimes() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return;
    }
    Map<String, Long> ticks = new TreeMap<>();
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9#]+$", "");
        String stat = Files.readString(task.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    StringBuilder line = new StringBuilder("CPU ms by thread:");
    ticks.forEach((name, t) -> line.append(' ').append(name).append('=').append(t * 10));
    System.out.println(line);
  }

  private static void once(String[] args, boolean rulesToo) {
    long t0 = System.nanoTime();
    ModelFiles.Collected collected =
        ModelFiles.collect(List.of(Path.of(args[0])), Path.of("").toAbsolutePath());
    long t1 = System.nanoTime();
    YamlReader reader = new YamlReader();
    List<YamlFile> files =
        collected.files().parallelStream()
            .map(f -> reader.read(f.path(), f.displayName()))
            .toList();
    long t2 = System.nanoTime();
    ModelReader.Result read = new ModelReader().read(files);
    long t3 = System.nanoTime();
    ModelIndex index = new ModelIndex(read.model());
    long t4 = System.nanoTime();
    List<long[]> times = new ArrayList<>();
    List<Rule> rules = Rules.all();
    if (!rulesToo && !args[1].equals("--rules")) {
      int found = new Validator().check(index).size();
      long t5 = System.nanoTime();
      System.out.printf(
          "collect %d ms, read YAML %d ms, model %d ms, index %d ms, rules %d ms (parallel), %d"
              + " diagnostics%n",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000,
          (t5 - t4) / 1_000_000,
          found);
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      long s = System.nanoTime();
      rules.get(i).check(index, new Reporter(rules.get(i).id(), new DiagnosticSink()));
      times.add(new long[] {System.nanoTime() - s, i});
    }
    long t5 = System.nanoTime();
    System.out.printf(
        "collect %d ms, read YAML %d ms, model %d ms, index %d ms, rules %d ms (one thread)%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000,
        (t5 - t4) / 1_000_000);
    if (rulesToo) {
      times.sort((a, b) -> Long.compare(b[0], a[0]));
      for (long[] t : times.subList(0, Math.min(25, times.size()))) {
        System.out.printf("  %6d ms %s%n", t[0] / 1_000_000, rules.get((int) t[1]).id());
      }
    }
  }
}

package dev.tracepaper.engine;

import com.google.common.hash.Hashing;
import dev.cel.runtime.CelFunctionBinding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The model's own CEL functions ({@link dev.tracepaper.expr.Functions}) and its date comparisons,
 * as dev.cel's interpreter runs them. {@code JavaTranslatorTest} compares what the generated Java
 * computes with what these compute, so the engine and the generated code cannot drift apart. They
 * use Guava's hashes and java.time's formatter (whose year field is {@code uuuu}), not the runtime
 * library's helpers, so that both are checked.
 */
public final class FunctionBindings {

  private FunctionBindings() {}

  public static List<CelFunctionBinding> all() {
    return List.of(
        CelFunctionBinding.from("uuid", List.of(), args -> java.util.UUID.randomUUID().toString()),
        CelFunctionBinding.from(
            "addDays_date_int", LocalDate.class, Long.class, (d, n) -> d.plusDays(n)),
        CelFunctionBinding.from(
            "addSeconds_timestamp_int", Instant.class, Long.class, (t, n) -> t.plusSeconds(n)),
        CelFunctionBinding.from("string_date", LocalDate.class, LocalDate::toString),
        CelFunctionBinding.from(
            "sha256_string",
            String.class,
            t -> Hashing.sha256().hashString(t, StandardCharsets.UTF_8).toString()),
        CelFunctionBinding.from(
            "crc32_string",
            String.class,
            t -> Hashing.crc32().hashString(t, StandardCharsets.UTF_8).padToLong()),
        CelFunctionBinding.from(
            "formatTime_timestamp_string",
            Instant.class,
            String.class,
            (t, pattern) ->
                DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"))
                    .withZone(ZoneOffset.UTC)
                    .format(t)),
        CelFunctionBinding.from("epochSeconds_timestamp", Instant.class, Instant::getEpochSecond),
        CelFunctionBinding.from(
            "less_date", LocalDate.class, LocalDate.class, (a, b) -> a.isBefore(b)),
        CelFunctionBinding.from(
            "less_equals_date", LocalDate.class, LocalDate.class, (a, b) -> !a.isAfter(b)),
        CelFunctionBinding.from(
            "greater_date", LocalDate.class, LocalDate.class, (a, b) -> a.isAfter(b)),
        CelFunctionBinding.from(
            "greater_equals_date", LocalDate.class, LocalDate.class, (a, b) -> !a.isBefore(b)));
  }
}

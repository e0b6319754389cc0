package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The runtime's log: one JSON object per line on standard output, with {@code timestamp}, {@code
 * level}, {@code message}, {@code AWSRequestId} and the fields of the {@link Invocation} (command,
 * commandId, correlationId, aggregate key), then the line's own fields, then an exception's {@code
 * errorType}, {@code errorMessage} and {@code stackTrace} (docs/operations.md).
 *
 * <p>Why not Lambda's {@code LambdaLogger}: with the JSON log format it writes the message as one
 * string field, so the command's fields could not be queried as fields; lines printed as JSON pass
 * through as they are, and Lambda reads their {@code level} for log-level filtering.
 */
public final class Log {

  /** The levels the runtime writes, by Lambda's names: its log-level filter reads them. */
  public enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private Log() {}

  /**
   * A {@link System.Logger} for hand-written code ({@link CustomContext#logger}): its lines are
   * this log's, with the logger's name as {@code logger}; a message with parameters is formatted by
   * {@link MessageFormat}, as {@code System.Logger} specifies. Every level is written: Lambda's
   * log-level filter (the function's {@code ApplicationLogLevel}, INFO by default) drops what is
   * below it.
   */
  public static System.Logger logger(String name) {
    return new Named(name);
  }

  /** Logs {@code message} with {@code fields}, given as name, value, name, value, .... */
  public static void info(String message, String... fields) {
    write(Level.INFO, message, null, fields);
  }

  public static void warn(String message, Throwable error, String... fields) {
    write(Level.WARN, message, error, fields);
  }

  public static void error(String message, Throwable error, String... fields) {
    write(Level.ERROR, message, error, fields);
  }

  /** Writes one line; {@code error} may be {@code null}. */
  public static void write(Level level, String message, Throwable error, String... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields come in pairs of a name and a value");
    }
    ObjectNode line = Json.object();
    line.put("timestamp", Instant.now().toString());
    line.put("level", level.name());
    line.put("message", message);
    context(line);
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i + 1] != null) {
        line.put(fields[i], fields[i + 1]);
      }
    }
    if (error != null) {
      line.put("errorType", error.getClass().getName());
      line.put("errorMessage", error.getMessage());
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      line.put("stackTrace", trace.toString());
    }
    print(line);
  }

  /** The request id and the invocation's fields. */
  static void context(ObjectNode line) {
    Invocation invocation = Invocation.current();
    if (invocation.requestId() != null) {
      line.put("AWSRequestId", invocation.requestId());
    }
    for (Map.Entry<String, String> field : invocation.fields().entrySet()) {
      line.put(field.getKey(), field.getValue());
    }
  }

  private record Named(String name) implements System.Logger {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
      return level != System.Logger.Level.OFF;
    }

    @Override
    public void log(
        System.Logger.Level level, ResourceBundle bundle, String message, Throwable error) {
      if (isLoggable(level)) {
        write(of(level), message, error, "logger", name);
      }
    }

    @Override
    public void log(
        System.Logger.Level level, ResourceBundle bundle, String format, Object... parameters) {
      if (isLoggable(level)) {
        String message =
            parameters == null || parameters.length == 0
                ? format
                : MessageFormat.format(format, parameters);
        write(of(level), message, null, "logger", name);
      }
    }

    private static Log.Level of(System.Logger.Level level) {
      return switch (level) {
        case ALL, TRACE -> Log.Level.TRACE;
        case DEBUG -> Log.Level.DEBUG;
        case INFO -> Log.Level.INFO;
        case WARNING -> Log.Level.WARN;
        case ERROR, OFF -> Log.Level.ERROR;
      };
    }
  }

  /**
   * One write of the whole line, so that lines of the SDK's threads never interleave with it.
   * Standard output as it is now, which tests replace.
   */
  static void print(ObjectNode line) {
    byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
    PrintStream out = System.out;
    synchronized (out) {
      out.write(bytes, 0, bytes.length);
      out.flush();
    }
  }
}

package dev.tracepaper.runtime;

import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger of the AWS SDK (which logs through SLF4J): its warnings and errors are written by {@link
 * Log}, with the invocation's fields and the SDK's logger name; its info, debug and trace are off,
 * as the SDK's defaults would have them. Tiny on purpose: an SLF4J backend such as Logback or Log4j
 * would load hundreds of classes at every cold start for these few lines.
 */
public final class SdkLog extends MarkerIgnoringBase {

  private static final long serialVersionUID = 1L;

  public SdkLog(String name) {
    this.name = name;
  }

  private void log(Log.Level level, FormattingTuple message) {
    Log.write(level, message.getMessage(), message.getThrowable(), "logger", name);
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public void warn(String msg) {
    log(Log.Level.WARN, new FormattingTuple(msg));
  }

  @Override
  public void warn(String format, Object arg) {
    log(Log.Level.WARN, MessageFormatter.format(format, arg));
  }

  @Override
  public void warn(String format, Object... arguments) {
    log(Log.Level.WARN, MessageFormatter.arrayFormat(format, arguments));
  }

  @Override
  public void warn(String format, Object arg1, Object arg2) {
    log(Log.Level.WARN, MessageFormatter.format(format, arg1, arg2));
  }

  @Override
  public void warn(String msg, Throwable t) {
    log(Log.Level.WARN, new FormattingTuple(msg, null, t));
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public void error(String msg) {
    log(Log.Level.ERROR, new FormattingTuple(msg));
  }

  @Override
  public void error(String format, Object arg) {
    log(Log.Level.ERROR, MessageFormatter.format(format, arg));
  }

  @Override
  public void error(String format, Object arg1, Object arg2) {
    log(Log.Level.ERROR, MessageFormatter.format(format, arg1, arg2));
  }

  @Override
  public void error(String format, Object... arguments) {
    log(Log.Level.ERROR, MessageFormatter.arrayFormat(format, arguments));
  }

  @Override
  public void error(String msg, Throwable t) {
    log(Log.Level.ERROR, new FormattingTuple(msg, null, t));
  }

  // Below warnings: off.

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public void trace(String msg) {}

  @Override
  public void trace(String format, Object arg) {}

  @Override
  public void trace(String format, Object arg1, Object arg2) {}

  @Override
  public void trace(String format, Object... arguments) {}

  @Override
  public void trace(String msg, Throwable t) {}

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public void debug(String msg) {}

  @Override
  public void debug(String format, Object arg) {}

  @Override
  public void debug(String format, Object arg1, Object arg2) {}

  @Override
  public void debug(String format, Object... arguments) {}

  @Override
  public void debug(String msg, Throwable t) {}

  @Override
  public boolean isInfoEnabled() {
    return false;
  }

  @Override
  public void info(String msg) {}

  @Override
  public void info(String format, Object arg) {}

  @Override
  public void info(String format, Object arg1, Object arg2) {}

  @Override
  public void info(String format, Object... arguments) {}

  @Override
  public void info(String msg, Throwable t) {}
}

package org.slf4j.impl;

import dev.tracepaper.runtime.SdkLog;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * SLF4J 1.7's binding, which it finds by this class name: the AWS SDK logs through SLF4J, and its
 * warnings and errors become lines of the runtime's JSON log ({@link SdkLog}).
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

  /** The SLF4J API version this binding is compiled against; read by SLF4J. */
  public static final String REQUESTED_API_VERSION = "1.7.36";

  private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

  private final ILoggerFactory factory = SdkLog::new;

  private StaticLoggerBinder() {}

  public static StaticLoggerBinder getSingleton() {
    return SINGLETON;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public String getLoggerFactoryClassStr() {
    return SdkLog.class.getName();
  }
}

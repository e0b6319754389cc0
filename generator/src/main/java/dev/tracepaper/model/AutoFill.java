package dev.tracepaper.model;

/** Values the system fills in for a field instead of the caller. */
public enum AutoFill {
  uuid,
  username,
  userId,
  now
}

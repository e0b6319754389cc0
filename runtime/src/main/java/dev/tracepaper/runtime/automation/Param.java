package dev.tracepaper.runtime.automation;

import java.util.Objects;

/** A header or a query parameter of an HTTP call, in the model's order. */
public record Param(String name, String value) {

  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}

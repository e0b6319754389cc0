package dev.tracepaper.validate.format;

import dev.tracepaper.validate.ValidationReport;

/** Turns a validation report into text for people or machines. */
public interface DiagnosticFormatter {

  String format(ValidationReport report);
}

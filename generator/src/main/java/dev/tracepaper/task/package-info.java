/**
 * The work of the commands that check, compare, test and generate a model, without a command line:
 * each class takes paths and options and returns what it found (diagnostics, test results, the plan
 * it wrote) with the exit code, and prints nothing. The {@code tracepaper} command line and the
 * Maven plugin call the same classes and present the results each in its own way, so that the two
 * can never judge a model differently.
 */
package dev.tracepaper.task;

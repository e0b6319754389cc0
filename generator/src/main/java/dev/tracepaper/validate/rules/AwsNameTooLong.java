package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.stack.StackPlan;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashSet;
import java.util.Set;

/**
 * A name whose generated AWS name is longer than AWS allows, so that the deployment would fail: a
 * CloudFormation logical id over 255 characters (with the longest suffix the SAM transform appends
 * to a function's id), a DynamoDB table name over 255 (the stack name, up to 128 characters, a dot
 * and the view's suffix, then {@code .green} for its second generation), a subdomain's stack role
 * over 255, or a Cognito group over 128. Lambda functions, EventBridge rules, SQS queues and IAM
 * roles get their names from CloudFormation, which fits them to their limits (64, 64, 80, 64), so
 * they need no check; docs/validation-rules.md says why.
 */
public final class AwsNameTooLong implements Rule {

  static final int LOGICAL_ID = 255;

  /**
   * What SAM appends to a function's logical id for the resources it expands it into: {@code
   * Version} and a 10-character hash for the published version (longer than {@code Aliaslive},
   * {@code Role} and {@code EventInvokeConfig}).
   */
  static final int SAM_SUFFIX = "Version".length() + 10;

  static final int TABLE = 255;

  /** The longest stack name CloudFormation accepts. */
  static final int STACK = 128;

  static final int COGNITO_GROUP = 128;

  @Override
  public void check(ModelIndex model, Reporter report) {
    GeneratedNames names = GeneratedNames.of(model);
    for (NamedElement e : NamedElements.of(model)) {
      if (e.shadowed()) {
        continue;
      }
      if (e.kind() == NamedElement.Kind.ROLE && e.name().length() > COGNITO_GROUP) {
        tooLong(report, e, "the Cognito group `%s`", e.name(), e.name().length(), COGNITO_GROUP);
        continue;
      }
      for (GeneratedNames.Claim claim : names.of(e)) {
        String name = claim.name();
        if (claim.namespace() == GeneratedNames.Namespace.LOGICAL_ID) {
          int length = name.length() + (name.endsWith("Function") ? SAM_SUFFIX : 0);
          if (length > LOGICAL_ID) {
            tooLong(report, e, "the CloudFormation resource `%s`", name, length, LOGICAL_ID);
            break;
          }
        } else if (claim.namespace() == GeneratedNames.Namespace.TABLE) {
          int length = STACK + 1 + name.length();
          if (length > TABLE) {
            tooLong(report, e, "the DynamoDB table `<stack>.%s`", name, length, TABLE);
            break;
          }
        }
      }
    }
    Set<String> subdomains = new HashSet<>();
    for (Aggregate aggregate : model.model().aggregates()) {
      aggregate
          .subdomain()
          .filter(s -> s.value() != null && subdomains.add(s.value()))
          .ifPresent(s -> subdomain(s, report));
    }
  }

  /**
   * A subdomain's longest logical id: the command role of the deepest part of its stack ({@code
   * <Stack>Part<12 bits>CommandDataSourceRole}). Within 255, the nested template's description
   * (with an app name of 100) stays within its 1,024 bytes too.
   */
  private static void subdomain(Located<String> subdomain, Reporter report) {
    String role =
        AwsNames.commandRoleId(StackPlan.stackName(subdomain.value()) + "Part" + "1".repeat(12));
    if (role.length() > LOGICAL_ID) {
      report.error(
          subdomain.location(),
          "Subdomain `%s` is too long for AWS: its stack's role becomes the CloudFormation resource `%s`, %d characters when the stack is split into parts, and AWS allows at most %d."
              .formatted(shorten(subdomain.value()), shorten(role), role.length(), LOGICAL_ID),
          "shorten the subdomain: its stack's resources and file are named after it");
    }
  }

  private static void tooLong(
      Reporter report, NamedElement e, String what, String name, int length, int limit) {
    report.error(
        e.location(),
        "%s is too long for AWS: it becomes %s, %d characters%s, and AWS allows at most %d."
            .formatted(
                e.describeCapitalized(),
                what.formatted(what.contains("table") ? shortenTable(name) : shorten(name)),
                length,
                what.contains("table")
                    ? " with a stack name of " + STACK
                    : what.contains("resource") && length != name.length()
                        ? " with the suffix the SAM transform adds"
                        : "",
                limit),
        "shorten the name; the app name may have up to %d characters, so keep element names well under 100"
            .formatted(AwsNames.MAX_APP_NAME));
  }

  /**
   * A table's suffix, shortened before its generation ({@code orderxxx….green}): which of the
   * view's two tables passes the limit stays visible.
   */
  private static String shortenTable(String suffix) {
    int dot = suffix.indexOf('.');
    return dot < 0 ? shorten(suffix) : shorten(suffix.substring(0, dot)) + suffix.substring(dot);
  }

  private static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "…";
  }
}

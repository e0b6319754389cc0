package dev.tracepaper.tools;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a generated SAM template holds, counted as CloudFormation counts it against its limits. */
public final class TemplateResources {

  /** A resource of the template: two-space indented id, then its {@code Type}. */
  private static final Pattern RESOURCE =
      Pattern.compile("(?m)^  ([A-Za-z0-9]+):\\n(?:    #.*\\n)*    Type: (\\S+)");

  /** The line that ends a resource's body: the next key at two spaces. */
  private static final Pattern NEXT_RESOURCE = Pattern.compile("\n  [^ \n]");

  private TemplateResources() {}

  /**
   * The resources after the SAM transform: a function with {@code AutoPublishAlias} (set in
   * Globals) becomes the function, its role, a version and an alias, plus an EventInvokeConfig when
   * it has one; a state machine with policies (and no role of its own) becomes the machine and its
   * role.
   */
  public static int resources(String template) {
    String resources = section(template, "Resources");
    Matcher m = RESOURCE.matcher(resources);
    int count = 0;
    while (m.find()) {
      if (m.group(2).equals("AWS::Serverless::Function")) {
        Matcher next = NEXT_RESOURCE.matcher(resources);
        int end = next.find(m.end()) ? next.start() : resources.length();
        String body = resources.substring(m.end(), end);
        count += 4 + (body.contains("EventInvokeConfig:") ? 1 : 0);
      } else if (m.group(2).equals("AWS::Serverless::StateMachine")) {
        count += 2;
      } else {
        count++;
      }
    }
    return count;
  }

  /** The text of a top-level section, up to the next top-level key; empty when there is none. */
  private static String section(String template, String name) {
    int start = template.indexOf("\n" + name + ":\n");
    if (start < 0) {
      return "";
    }
    Matcher next = Pattern.compile("\n[A-Za-z]").matcher(template);
    int end = next.find(start + name.length() + 3) ? next.start() : template.length();
    return template.substring(start, end);
  }
}

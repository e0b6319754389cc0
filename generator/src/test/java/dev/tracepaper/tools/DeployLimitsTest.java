package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DeployLimits finds what passes a limit, counting each resolved value at its longest. */
class DeployLimitsTest {

  private static DeployLimits.Measure measure(String template, String what) {
    List<DeployLimits.Measure> measures = DeployLimits.of("template.yaml", template);
    return measures.stream().filter(m -> m.what().equals(what)).findFirst().orElseThrow();
  }

  @Test
  void aFunctionsEnvironmentCountsGlobalsAndEachValueAtItsLongest() {
    String template =
        """
        Globals:
          Function:
            Environment:
              Variables:
                A: "%s"
        Resources:
          F:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  TABLE: !Ref Table
        """;
    // 1 + 3900 + 2 quotes, then TABLE (5) and a table name of 256 and its quotes.
    DeployLimits.Measure over = measure(template.formatted("x".repeat(3900)), "environment of F");
    assertThat(over.value()).isEqualTo(1 + 3902 + 5 + 258);
    assertThat(over.within()).isFalse();
    assertThat(measure(template.formatted("x".repeat(3000)), "environment of F").within()).isTrue();
  }

  @Test
  void aRolesInlinePoliciesAreCountedWithEveryArnAtItsLongest() {
    StringBuilder resources = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      resources.append("                  - !GetAtt T").append(i).append(".Arn\n");
    }
    String template =
        """
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: P
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: dynamodb:GetItem
                        Resource:
        """
            + resources;
    DeployLimits.Measure policies = measure(template, "inline policies of R");
    // 32 ARNs of 320 pass 10,240 characters.
    assertThat(policies.value()).isGreaterThan(32 * 320);
    assertThat(policies.within()).isFalse();
  }

  @Test
  void aStateMachinesPoliciesAreItsRolesInlinePolicies() {
    String template =
        """
        Resources:
          M:
            Type: AWS::Serverless::StateMachine
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: lambda:InvokeFunction
                      Resource: !Ref F.Alias
        """;
    DeployLimits.Measure policies = measure(template, "inline policies of MRole");
    // {"Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":""}]} (81),
    // the alias's ARN at its longest (320) inside the quotes, and a separator after the last entry
    // of each of the three containers, which DeployLimits counts as after every other.
    assertThat(policies.value()).isEqualTo(81 + 320 + 3);
    assertThat(policies.within()).isTrue();
  }

  @Test
  void aPackagedTemplateGrowsByItsLocalPaths() {
    String template =
        """
        Resources:
          S:
            Type: AWS::Serverless::Application
            Properties:
              Location: stacks/S.yaml
        """;
    assertThat(measure(template, "bytes once packaged").value())
        .isEqualTo(template.length() + DeployLimits.PACKAGED_PATH);
  }
}

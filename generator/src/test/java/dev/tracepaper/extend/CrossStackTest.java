package dev.tracepaper.extend;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.validate.format.TextFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Additions to a function of a nested stack that refer to the root template's names: each value is
 * passed down as a parameter of the nested stack and the reference rewritten to read it; what
 * cannot be passed down is a located error.
 */
class CrossStackTest {

  static final String ROOT =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31

      Parameters:
        AllowedOrigins:
          Type: CommaDelimitedList
          Default: "*"

      Conditions:
        IsProduction: !Equals [!Ref AWS::StackName, prod]

      Resources:
        EventStoreTable:
          Type: AWS::DynamoDB::Table

        BillingStack:
          Type: AWS::Serverless::Application
          # The resolvers in it need their fields in the schema.
          Properties:
            Location: stacks/Billing.yaml
            Parameters:
              EventStoreTable: !Ref EventStoreTable
              EventStoreTableArn: !GetAtt EventStoreTable.Arn

        PublisherFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: "com.example.Publisher::handleRequest"
      """;

  static final String NESTED =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31

      Parameters:
        EventStoreTable:
          Type: String
          Description: The event store table's name
        EventStoreTableArn:
          Type: String
          Description: The event store table's ARN

      Resources:
        # ---------------------------------------------------------------- aggregate Invoice
        InvoiceCommandFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: "com.example.Invoice::handleRequest"
            Policies:
              - AWSXrayWriteOnlyAccess

        ReportsBucketArn:
          Type: AWS::SSM::Parameter
          Properties:
            Type: String
            Value: taken
      """;

  static final String EXTENSION =
      """
      Parameters:
        ReportRetentionDays:
          Type: Number
          Default: 30

      Resources:
        ReportsBucket:
          Type: AWS::S3::Bucket

      Functions:
        InvoiceCommandFunction:
          Environment:
            Variables:
              REPORTS_BUCKET: !Ref ReportsBucket
              RETENTION_DAYS: !Ref ReportRetentionDays
              ORIGINS: !Join [",", !Ref AllowedOrigins]
              REGION: !Ref AWS::Region
              EVENTS: !Ref EventStoreTable
              ROLE: !Ref InvoiceCommandFunctionRole
          Policies:
            - S3CrudPolicy:
                BucketName: !Ref ReportsBucket
            - Statement:
                - Effect: Allow
                  Action: s3:GetObject
                  Resource:
                    - !Sub "${ReportsBucket.Arn}/*"
                    - !GetAtt [ReportsBucket, Arn]
                    - Fn::GetAtt: [ReportsBucket, Arn]
                    - !Sub
                      - "${Bucket}/${ReportsBucket}/${AWS::Region}"
                      - Bucket: !GetAtt ReportsBucket.Arn
                - Effect: Allow
                  Action: dynamodb:Query
                  Resource: !GetAtt EventStoreTable.Arn
      """;

  static FileTree tree(String nested) {
    return FileTree.of(
        GeneratedFile.text("template.yaml", ROOT),
        GeneratedFile.text("stacks/Billing.yaml", nested));
  }

  static String refusal(FileTree tree, String extension) {
    ExtensionsRefused refused =
        assertThrows(ExtensionsRefused.class, () -> TemplateMergerTest.merge(tree, extension));
    return TextFormatter.format(refused.diagnostics(), refused.sources());
  }

  @Test
  void rootNamesArePassedDownAndTheReferencesRewritten() throws Exception {
    Map<String, String> merged = TemplateMergerTest.merge(tree(NESTED), EXTENSION);

    assertThat(merged.get("stacks/Billing.yaml"))
        .isEqualTo(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31

            Parameters:
              EventStoreTable:
                Type: String
                Description: The event store table's name
              EventStoreTableArn:
                Type: String
                Description: The event store table's ARN
              # Passed down from template.yaml for extensions/template.yaml.
              ReportsBucket:
                Type: String
                Description: ReportsBucket of the root stack
              ReportRetentionDays:
                Type: Number
                Description: ReportRetentionDays of the root stack
              AllowedOrigins:
                Type: CommaDelimitedList
                Description: AllowedOrigins of the root stack
              ReportsBucketArnFromRoot:
                Type: String
                Description: ReportsBucket.Arn of the root stack

            Resources:
              # ---------------------------------------------------------------- aggregate Invoice
              InvoiceCommandFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "com.example.Invoice::handleRequest"
                  Policies:
                    - AWSXrayWriteOnlyAccess
                    # Added from extensions/template.yaml (hand-written).
                    - S3CrudPolicy:
                        BucketName: !Ref ReportsBucket
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource:
                            - !Sub "${ReportsBucketArnFromRoot}/*"
                            - !Ref ReportsBucketArnFromRoot
                            - Ref: ReportsBucketArnFromRoot
                            - !Sub
                              - "${Bucket}/${ReportsBucket}/${AWS::Region}"
                              - Bucket: !Ref ReportsBucketArnFromRoot
                        - Effect: Allow
                          Action: dynamodb:Query
                          Resource: !Ref EventStoreTableArn
                  Environment:
                    Variables:
                      # Added from extensions/template.yaml (hand-written).
                      REPORTS_BUCKET: !Ref ReportsBucket
                      RETENTION_DAYS: !Ref ReportRetentionDays
                      ORIGINS: !Join [",", !Ref AllowedOrigins]
                      REGION: !Ref AWS::Region
                      EVENTS: !Ref EventStoreTable
                      ROLE: !Ref InvoiceCommandFunctionRole

              ReportsBucketArn:
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Value: taken
            """);
    assertThat(merged.get("template.yaml"))
        .isEqualTo(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31

            Parameters:
              AllowedOrigins:
                Type: CommaDelimitedList
                Default: "*"
              # Added from extensions/template.yaml (hand-written).
              ReportRetentionDays:
                Type: Number
                Default: 30

            Conditions:
              IsProduction: !Equals [!Ref AWS::StackName, prod]

            Resources:
              EventStoreTable:
                Type: AWS::DynamoDB::Table

              BillingStack:
                Type: AWS::Serverless::Application
                # The resolvers in it need their fields in the schema.
                Properties:
                  Location: stacks/Billing.yaml
                  Parameters:
                    EventStoreTable: !Ref EventStoreTable
                    EventStoreTableArn: !GetAtt EventStoreTable.Arn
                    # Passed down to stacks/Billing.yaml for extensions/template.yaml.
                    ReportsBucket: !Ref ReportsBucket
                    ReportRetentionDays: !Ref ReportRetentionDays
                    AllowedOrigins: !Join [",", !Ref AllowedOrigins]
                    ReportsBucketArnFromRoot: !GetAtt ReportsBucket.Arn

              PublisherFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "com.example.Publisher::handleRequest"

              # Added from extensions/template.yaml (hand-written).
              ReportsBucket:
                Type: AWS::S3::Bucket
            """);
  }

  @Test
  void aStackWithoutParametersGetsTheSectionAndItsResourceTheirs() throws Exception {
    Map<String, String> merged =
        TemplateMergerTest.merge(
            """
            Functions:
              ShipmentCommandFunction:
                Environment:
                  Variables:
                    EVENTS: !GetAtt EventStoreTable.StreamArn
            """);

    assertThat(merged.get("stacks/orders.yaml"))
        .isEqualTo(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              # Passed down from template.yaml for extensions/template.yaml.
              EventStoreTableStreamArn:
                Type: String
                Description: EventStoreTable.StreamArn of the root stack

            Resources:
              ShipmentCommandFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "com.example.Shipment::handleRequest"
                  Environment:
                    Variables:
                      # Added from extensions/template.yaml (hand-written).
                      EVENTS: !Ref EventStoreTableStreamArn
            """);
    assertThat(merged.get("template.yaml"))
        .contains(
            """
              OrdersStack:
                Type: AWS::Serverless::Application
                Properties:
                  Location: stacks/orders.yaml
                  Parameters:
                    # Passed down to stacks/orders.yaml for extensions/template.yaml.
                    EventStoreTableStreamArn: !GetAtt EventStoreTable.StreamArn

            Outputs:
            """);
  }

  @Test
  void aValueForEveryFunctionIsPassedOncePerStackAndFunctionsOfTheRootReadItThemselves()
      throws Exception {
    String nested =
        NESTED.replace(
            "\n  ReportsBucketArn:",
            "\n  PaymentCommandFunction:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: \"com.example.Payment::handleRequest\"\n"
                + "\n  Unused:");
    Map<String, String> merged =
        TemplateMergerTest.merge(
            tree(nested),
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            AllFunctions:
              Environment:
                Variables:
                  TOPIC: !Ref Topic
            """);

    assertThat(merged.get("stacks/Billing.yaml"))
        .contains(
            """
              # Passed down from template.yaml for extensions/template.yaml.
              Topic:
                Type: String
                Description: Topic of the root stack

            Resources:""");
    assertThat(merged.get("stacks/Billing.yaml").split("TOPIC: !Ref Topic\n", -1)).hasLength(3);
    assertThat(merged.get("template.yaml"))
        .contains(
            """
                    EventStoreTableArn: !GetAtt EventStoreTable.Arn
                    # Passed down to stacks/Billing.yaml for extensions/template.yaml.
                    Topic: !Ref Topic

              PublisherFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "com.example.Publisher::handleRequest"
                  Environment:
                    Variables:
                      # Added from extensions/template.yaml (hand-written).
                      TOPIC: !Ref Topic
            """);
  }

  @Test
  void aNameNeitherTemplateHasIsRefusedWhereItIsWritten() {
    assertThat(
            refusal(
                tree(NESTED),
                """
                AllFunctions:
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub "arn:aws:s3:::${EventStoreTabel}/*"
                """))
        .isEqualTo(
            """
            out/extensions/template.yaml:6:40: error[ExtensionUnknownReference]: `EventStoreTabel` is neither in stacks/Billing.yaml, which holds function `InvoiceCommandFunction`, nor in the root template.yaml.
             6 |           Resource: !Sub "arn:aws:s3:::${EventStoreTabel}/*"
               |                                        ^
             = hint: did you mean `EventStoreTable`?

            """);
  }

  @Test
  void aConditionOfTheRootIsRefusedInANestedStack() {
    assertThat(
            refusal(
                tree(NESTED),
                """
                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        STAGE: !If [IsProduction, prod, test]
                """))
        .isEqualTo(
            """
            out/extensions/template.yaml:5:21: error[ExtensionCrossStack]: Function `InvoiceCommandFunction` is in the nested stack stacks/Billing.yaml, which cannot evaluate the condition `IsProduction` of the root template.yaml.
             5 |         STAGE: !If [IsProduction, prod, test]
               |                     ^
             = hint: choose the value in the root template (in a resource or parameter there) and refer to that; see docs/extending.md

            """);
  }

  @Test
  void aConditionalResourceOfTheRootIsRefusedInANestedStack() {
    assertThat(
            refusal(
                tree(NESTED),
                """
                Conditions:
                  KeepsReports: !Equals [!Ref AWS::Region, eu-west-1]

                Resources:
                  ArchiveBucket:
                    Type: AWS::S3::Bucket
                    Condition: KeepsReports

                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        ARCHIVE: !Ref ArchiveBucket
                """))
        .isEqualTo(
            """
            out/extensions/template.yaml:13:18: error[ExtensionCrossStack]: `ArchiveBucket` of the root template.yaml exists only under the condition `KeepsReports`, but function `InvoiceCommandFunction` is in the nested stack stacks/Billing.yaml, which always exists: the root cannot pass it a value of a resource that may be missing.
             13 |         ARCHIVE: !Ref ArchiveBucket
                |                  ^
             = hint: give `ArchiveBucket` no `Condition`, or make the addition to a function of the root template (a resource or output there can use the condition); see docs/extending.md

            """);
  }

  @Test
  void passingMoreThanCloudFormationsLimitOfParametersIsRefused() {
    StringBuilder parameters = new StringBuilder();
    // With the two it has, two short of the limit.
    for (int i = 0; i < CrossStack.MAX_PARAMETERS - 4; i++) {
      parameters.append("  P").append(i).append(":\n    Type: String\n");
    }
    String nested = NESTED.replace("Parameters:\n", "Parameters:\n" + parameters);
    assertThat(
            refusal(
                tree(nested),
                """
                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        A: !Ref AllowedOrigins
                        B: !GetAtt EventStoreTable.StreamArn
                        C: !GetAtt [EventStoreTable, Arn]
                        D: !Ref PublisherFunction
                """))
        .isEqualTo(
            """
            out/extensions/template.yaml:8:12: error[ExtensionCrossStack]: Passing PublisherFunction down to the nested stack stacks/Billing.yaml would give it more than 200 parameters, CloudFormation's limit.
             8 |         D: !Ref PublisherFunction
               |            ^
             = hint: refer to fewer names of the root template from this stack's functions

            """);
  }

  @Test
  void eachParameterPassedDownIsListedWithItsFirstUse() throws Exception {
    Extensions.Outcome outcome =
        Extensions.merge(
            tree(NESTED),
            Optional.of(
                """
                Resources:
                  ReportsBucket:
                    Type: AWS::S3::Bucket
                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        BUCKET: !Ref ReportsBucket
                        BUCKET_ARN: !GetAtt ReportsBucket.Arn
                        AGAIN: !Ref ReportsBucket
                """),
            Optional.empty(),
            TemplateMergerTest.NAME,
            "out/extensions/pom.xml",
            new LinkedHashMap<>(),
            new ArrayList<>());

    assertThat(
            outcome.merged().stream()
                .filter(m -> m.what().contains("Parameter") || m.what().contains("parameter"))
                .map(m -> m.file() + " + " + m.what() + " (" + m.from() + ")")
                .toList())
        .containsExactly(
            "stacks/Billing.yaml + Parameters: ReportsBucket (passed down from template.yaml)"
                + " (out/extensions/template.yaml:8:17)",
            "template.yaml + parameter ReportsBucket passed to stacks/Billing.yaml"
                + " (out/extensions/template.yaml:8:17)",
            "stacks/Billing.yaml + Parameters: ReportsBucketArnFromRoot (passed down from"
                + " template.yaml) (out/extensions/template.yaml:9:21)",
            "template.yaml + parameter ReportsBucketArnFromRoot passed to stacks/Billing.yaml"
                + " (out/extensions/template.yaml:9:21)")
        .inOrder();
  }

  @Test
  void aNestedStackReadingItsOwnOutputsThroughTheRootIsRefused() {
    assertThat(
            refusal(
                tree(NESTED),
                """
                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        TABLE: !GetAtt BillingStack.Outputs.InvoiceTableArn
                """))
        .isEqualTo(
            """
            out/extensions/template.yaml:5:16: error[ExtensionCrossStack]: `BillingStack` is the nested stack stacks/Billing.yaml itself, which cannot read its own outputs.
             5 |         TABLE: !GetAtt BillingStack.Outputs.InvoiceTableArn
               |                ^
             = hint: refer to the stack's resource by its own name there

            """);
  }

  @Test
  void aStackWhoseParametersAreInBracesCannotTakeThem() {
    assertThat(
            refusal(
                tree(NESTED.replaceAll("(?s)Parameters:.*?\n\n", "Parameters: {}\n\n")),
                """
                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        TABLE: !Ref EventStoreTable
                """))
        .startsWith(
            "stacks/Billing.yaml:4:13: error[ExtensionNotMergeable]: The generated"
                + " stacks/Billing.yaml cannot take the parameters passed down to it: its"
                + " `Parameters` are not an indented mapping.");
  }

  @Test
  void aResourceSamMakesOfARootFunctionIsPassedDownToo() throws Exception {
    Map<String, String> merged =
        TemplateMergerTest.merge(
            tree(NESTED),
            """
            Functions:
              InvoiceCommandFunction:
                Environment:
                  Variables:
                    PUBLISHER_ROLE: !GetAtt PublisherFunctionRole.Arn
            """);

    assertThat(merged.get("stacks/Billing.yaml"))
        .contains("          PUBLISHER_ROLE: !Ref PublisherFunctionRoleArn\n");
    assertThat(merged.get("template.yaml"))
        .contains("        PublisherFunctionRoleArn: !GetAtt PublisherFunctionRole.Arn\n");
  }

  @Test
  void anAttributeOfARootParameterIsRefused() {
    assertThat(
            refusal(
                tree(NESTED),
                """
                Functions:
                  InvoiceCommandFunction:
                    Environment:
                      Variables:
                        ORIGINS: !GetAtt AllowedOrigins.Value
                """))
        .isEqualTo(
            """
            out/extensions/template.yaml:5:18: error[ExtensionUnknownReference]: `AllowedOrigins` is a parameter of the root template.yaml, and `GetAtt` reads attributes of resources.
             5 |         ORIGINS: !GetAtt AllowedOrigins.Value
               |                  ^
             = hint: read its value with `!Ref AllowedOrigins`

            """);
  }

  @Test
  void getAttWrittenAsABlockListBecomesOneRef() throws Exception {
    Map<String, String> merged =
        TemplateMergerTest.merge(
            tree(NESTED),
            """
            Functions:
              InvoiceCommandFunction:
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: dynamodb:GetItem
                        Resource: !GetAtt
                          - EventStoreTable
                          - StreamArn
                      - Effect: Allow
                        Action: dynamodb:Query
                        Resource:
                          Fn::GetAtt:
                            - EventStoreTable
                            - Arn
            """);

    assertThat(merged.get("stacks/Billing.yaml"))
        .contains(
            """
                    # Added from extensions/template.yaml (hand-written).
                    - Statement:
                        - Effect: Allow
                          Action: dynamodb:GetItem
                          Resource: !Ref EventStoreTableStreamArn
                        - Effect: Allow
                          Action: dynamodb:Query
                          Resource:
                            Ref: EventStoreTableArn
            """);
  }
}

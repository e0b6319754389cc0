package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.render.data.AutomationStackData;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each automation's resources are built from: its trigger and what its role reaches. */
class AutomationStackBuilderTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: shop, package: com.example.shop, auth: {roles: [clerk]}}
      aggregates:
        Customer:
          subdomain: Sales
          key: id
          fields: {id: String, email: String}
          unique: [{fields: [email], code: EMAIL_TAKEN, message: taken}]
          events: {CustomerJoined: {fields: {id: String, email: String}}}
          commands:
            Join: {fields: {id: String, email: String}, emits: [CustomerJoined], auth: role:clerk}
      automations:
        Greet:
          on: Customer.CustomerJoined
          as: clerk
          secrets:
            hook: {parameterStore: /shop/hook}
            plain: {parameterStore: shop-plain}
            token: {secretsManager: shop/token}
            byArn: {secretsManager: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/other'}
          do:
            - email:
                from: Shop desk <desk@mail.shop.example>
                to: event.email
                subject: "'Welcome ' + secrets.hook + secrets.plain + secrets.token + secrets.byArn"
                template: note.txt
                with: {id: event.id}
            - email:
                from: desk@mail.shop.example
                to: event.email
                subject: "'Again'"
                template: note.txt
                with: {id: event.id}
            - s3Object:
                bucket: shop-notes
                key: "'greeted/${id}/' + event.id"
                template: note.txt
                with: {id: event.id}
            - command:
                send: Customer.Join
                with: {id: "event.id + '-2'", email: "'x' + event.email"}
        Nightly:
          schedule: 'rate(1 day)'
          do:
            - http: {method: GET, url: "'https://shop.example/nightly'"}
        Released:
          afterDeployment: true
          do:
            - http: {method: GET, url: "'https://shop.example/released'"}
      """;

  @TempDir Path dir;

  @Test
  void eachAutomationsRoleReachesItsOwnSendersSecretsAndObjects() throws IOException {
    List<AutomationStackData> automations = build();
    AutomationStackData greet = automations.get(0);
    String here = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:";

    assertThat(greet.trigger()).isEqualTo("event");
    assertThat(greet.triggerSource()).isEqualTo("shop.Sales.Customer");
    assertThat(greet.triggerType()).isEqualTo("CustomerJoined");
    assertThat(greet.handler())
        .isEqualTo("com.example.shop.automations.GreetAutomation::handleRequest");
    // The address of a sender with a display name, once; and its domain.
    assertThat(greet.emailIdentityArns())
        .containsExactly(
            here.formatted("ses") + "identity/desk@mail.shop.example",
            here.formatted("ses") + "identity/mail.shop.example")
        .inOrder();
    // `${` of the model is no reference of !Sub.
    assertThat(greet.objectArns())
        .containsExactly("arn:${AWS::Partition}:s3:::shop-notes/greeted/${!id}/*");
    assertThat(greet.secretArns())
        .containsExactly(
            here.formatted("secretsmanager") + "secret:shop/token-??????",
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/other",
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/other-??????")
        .inOrder();
    assertThat(greet.parameterArns())
        .containsExactly(
            here.formatted("ssm") + "parameter/shop/hook",
            here.formatted("ssm") + "parameter/shop-plain")
        .inOrder();
    // Customer has a unique claim: a command may let one go.
    assertThat(greet.sendsCommands()).isTrue();
    assertThat(greet.releasesClaims()).isTrue();
    assertThat(greet.fillsTemplates()).isTrue();
    assertThat(greet.ledgerKeys()).isEqualTo("automation#Greet#*");
    assertThat(greet.fingerprint()).isEmpty();
  }

  @Test
  void aScheduleWithoutAZoneIsInUtcAndADeploymentCarriesTheModelsFingerprint() throws IOException {
    List<AutomationStackData> automations = build();
    AutomationStackData nightly = automations.get(1);
    assertThat(nightly.trigger()).isEqualTo("schedule");
    assertThat(nightly.scheduleExpression()).isEqualTo("rate(1 day)");
    assertThat(nightly.scheduleTimezone()).isEqualTo("UTC");
    assertThat(nightly.sendsCommands()).isFalse();
    assertThat(nightly.fillsTemplates()).isFalse();
    assertThat(nightly.emailIdentityArns()).isEmpty();

    AutomationStackData released = automations.get(2);
    assertThat(released.trigger()).isEqualTo("deployment");
    assertThat(released.deploymentLogicalId()).isEqualTo("ReleasedAutomationDeployment");
    assertThat(released.fingerprint()).matches("[0-9a-f]{16}");
    // The same model in another folder: the same fingerprint; any change to it: another.
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    assertThat(build(elsewhere, MODEL).get(2).fingerprint()).isEqualTo(released.fingerprint());
    assertThat(build(dir.resolve("changed"), MODEL + "# a comment\n").get(2).fingerprint())
        .isNotEqualTo(released.fingerprint());
  }

  private List<AutomationStackData> build() throws IOException {
    return build(dir.resolve("model"), MODEL);
  }

  private static List<AutomationStackData> build(Path folder, String model) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("model.yaml"), model);
    Files.writeString(folder.resolve("note.txt"), "Customer {{id}}\n");
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    assertWithMessage(outcome.report().toString()).that(outcome.report().hasErrors()).isFalse();
    return ProjectDataBuilder.build(outcome.index().orElseThrow()).automationResources();
  }
}

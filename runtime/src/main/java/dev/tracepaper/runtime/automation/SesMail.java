package dev.tracepaper.runtime.automation;

import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;

/** E-mail through SES (v2 {@code SendEmail}, simple content, UTF-8). */
final class SesMail {

  private static final String UTF_8 = "UTF-8";

  private final SesV2Client ses;

  SesMail(Consumer<AwsClientBuilder<?, ?>> clients) {
    SesV2ClientBuilder builder = SesV2Client.builder();
    clients.accept(builder);
    ses = builder.build();
  }

  void send(Email email) {
    Content body = Content.builder().data(email.body()).charset(UTF_8).build();
    ses.sendEmail(
        request ->
            request
                .fromEmailAddress(email.from())
                .destination(to -> to.toAddresses(email.to()))
                .content(
                    content ->
                        content.simple(
                            message ->
                                message
                                    .subject(s -> s.data(email.subject()).charset(UTF_8))
                                    .body(
                                        email.html()
                                            ? Body.builder().html(body).build()
                                            : Body.builder().text(body).build()))));
  }
}

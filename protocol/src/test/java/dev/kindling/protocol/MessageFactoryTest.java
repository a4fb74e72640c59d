package dev.kindling.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageFactoryTest {

  /** The date pattern jupyter_client parses (with the timezone required, as Kindling writes). */
  private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$";

  private final MessageFactory factory = new MessageFactory("kernel");

  @Test
  void headerHasEveryRequiredKeyAndAJupyterDate() {
    var header = factory.header("status");

    assertThat(header.path("date").asText()).matches(DATE);
    assertThat(header.path("version").asText()).isEqualTo("5.4");
    assertThat(header.path("msg_type").asText()).isEqualTo("status");
    assertThat(header.path("session").asText()).isEqualTo(factory.session());
    assertThat(header.path("username").asText()).isEqualTo("kernel");
    assertThat(header.path("msg_id").asText()).isNotEmpty();
  }

  @Test
  void formatsDatesInUtcWithAtMostMicroseconds() {
    assertThat(MessageFactory.formatDate(Instant.parse("2026-11-22T00:54:59.123456789Z")))
        .isEqualTo("2026-11-22T00:54:59.123456Z")
        .matches(DATE);
    assertThat(MessageFactory.formatDate(Instant.parse("2026-01-02T03:04:05Z"))).matches(DATE);
  }

  @Test
  void msgIdsAreUniqueOverManyHeaders() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(factory.header("stream").path("msg_id").asText());
    }

    assertThat(ids).hasSize(10_000);
  }

  @Test
  void eachFactoryHasItsOwnSession() {
    assertThat(new MessageFactory("kernel").session()).isNotEqualTo(factory.session());
    assertThat(new MessageFactory("fixed", "u").session()).isEqualTo("fixed");
  }

  @Test
  void replyCopiesIdentitiesAndUsesTheRequestHeaderAsParent() {
    var requestHeader = new MessageFactory("client").header("kernel_info_request");
    requestHeader.put("subshell_id", "sub-1");
    List<byte[]> identities = List.of("peer".getBytes(StandardCharsets.UTF_8));
    Message request =
        new Message(
            identities, requestHeader, Json.object(), Json.object(), Json.object(), List.of());

    Message reply = factory.reply(request, "kernel_info_reply", Json.object().put("status", "ok"));

    assertThat(reply.identities()).containsExactlyElementsOf(identities);
    assertThat(reply.parentHeader()).isEqualTo(requestHeader);
    assertThat(reply.msgType()).isEqualTo("kernel_info_reply");
    assertThat(reply.session()).isEqualTo(factory.session());
    assertThat(reply.msgId()).isNotEqualTo(request.msgId());
  }

  @Test
  void broadcastHasAnIpykernelStyleTopicAndTheParent() {
    Message request = new MessageFactory("client").request("execute_request", Json.object());

    Message status =
        factory.broadcast(request, "status", Json.object().put("execution_state", "busy"));

    assertThat(new String(status.identities().get(0), StandardCharsets.UTF_8))
        .isEqualTo("kernel." + factory.session() + ".status");
    assertThat(status.parentHeader()).isEqualTo(request.header());
    assertThat(factory.broadcast((Message) null, "status", Json.object()).parentHeader())
        .isEqualTo(Json.object());
  }
}

package dev.kindling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.InvalidMessageException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  private static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
  private static final String HEADER =
      "{\"msg_id\":\"m1\",\"session\":\"s\",\"username\":\"u\",\"date\":\"2026-01-01T00:00:00Z\","
          + "\"msg_type\":\"execute_request\",\"version\":\"5.4\"}";

  private final Signer signer = new Signer(KEY, "hmac-sha256");
  private final WireCodec codec = new WireCodec(signer);
  private final MessageFactory factory = new MessageFactory("kernel");

  @Test
  void roundTripKeepsIdentitiesJsonAndBuffers() throws Exception {
    ObjectNode content = Json.object().put("code", "print('héllo ☃')");
    Message sent =
        new Message(
            List.of(utf8("client-a"), utf8("client-b")),
            factory.header("execute_request"),
            Json.object(),
            Json.object().put("cellId", "c1"),
            content,
            List.of(new byte[] {0, 1, 2, (byte) 0xff}, new byte[0]));

    List<byte[]> frames = codec.encode(sent);
    Message received = new WireCodec(signer).decode(frames);

    assertThat(frames.get(2)).isEqualTo(WireCodec.DELIMITER);
    assertThat(received.identities()).containsExactly(utf8("client-a"), utf8("client-b"));
    assertThat(received.header()).isEqualTo(sent.header());
    assertThat(received.parentHeader()).isEqualTo(Json.object());
    assertThat(received.metadata()).isEqualTo(sent.metadata());
    assertThat(received.content()).isEqualTo(content);
    assertThat(received.buffers()).containsExactly(new byte[] {0, 1, 2, (byte) 0xff}, new byte[0]);
    assertThat(received.msgType()).isEqualTo("execute_request");
  }

  @Test
  void refusesAnUnsignedMessageWhenAKeyIsSet() {
    List<byte[]> frames = codec.encode(factory.message("status", Json.object()));
    frames.set(1, new byte[0]);

    assertThat(reasonFor(frames)).isEqualTo(Reason.UNSIGNED);
  }

  @Test
  void refusesABadSignature() {
    List<byte[]> frames =
        new WireCodec(new Signer("other-key", "hmac-sha256"))
            .encode(factory.message("status", Json.object()));

    assertThat(reasonFor(frames)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesAReplayedMessageAlsoWithTheSignatureUpperCased() throws Exception {
    List<byte[]> frames = codec.encode(factory.message("status", Json.object()));
    codec.decode(frames);

    assertThat(reasonFor(frames)).isEqualTo(Reason.REPLAYED);
    List<byte[]> shouted = new ArrayList<>(frames);
    shouted.set(
        1, ascii(new String(frames.get(1), StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT)));
    assertThat(reasonFor(shouted)).isEqualTo(Reason.REPLAYED);
  }

  @Test
  void refusesFramesWithoutDelimiter() {
    List<byte[]> frames = codec.encode(factory.message("status", Json.object()));
    frames.remove(0);

    assertThat(reasonFor(frames)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesTooFewFramesAfterTheDelimiter() {
    List<byte[]> frames = codec.encode(factory.message("status", Json.object()));

    assertThat(reasonFor(frames.subList(0, frames.size() - 1))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesJsonThatIsNotAnObject() {
    assertThat(reasonFor(signed(HEADER, "{}", "{}", "[1, 2]"))).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor(signed(HEADER, "null", "{}", "{}"))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesInvalidUtf8AndInvalidJson() {
    byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};

    assertThat(reasonFor(signed(utf8(HEADER), utf8("{}"), utf8("{}"), invalidUtf8)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor(signed(HEADER, "{}", "{}", "{\"a\":"))).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor(signed(HEADER, "{}", "{}", "{\"a\":NaN}"))).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor(signed(HEADER, "{}", "{}", "{} {}"))).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor(signed(HEADER, "{}", "{}", ""))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesAHeaderWithoutMsgType() {
    String header = "{\"msg_id\":\"m1\",\"session\":\"s\",\"username\":\"u\",\"version\":\"5.4\"}";

    InvalidMessageException e = failure(signed(header, "{}", "{}", "{}"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e).hasMessageContaining("msg_type");
  }

  @Test
  void aReplyKeepsTheRequestHeaderVerbatimIncludingUnknownKeys() throws Exception {
    String header =
        "{\"msg_id\":\"m1\",\"session\":\"s\",\"username\":\"u\","
            + "\"date\":\"2026-01-01T00:00:00.1+02:00\",\"msg_type\":\"execute_request\","
            + "\"version\":\"5.5\",\"subshell_id\":\"sub-1\",\"x_custom\":{\"n\":[1,2]}}";
    Message request = codec.decode(signed(header, "{}", "{}", "{\"code\":\"1\"}"));

    Message reply = factory.reply(request, "execute_reply", Json.object().put("status", "ok"));
    Message decoded = new WireCodec(signer).decode(codec.encode(reply));

    assertThat(decoded.parentHeader()).isEqualTo(Json.MAPPER.readTree(header));
    assertThat(decoded.parentHeader().path("subshell_id").asText()).isEqualTo("sub-1");
    assertThat(decoded.parentHeader().path("date").asText())
        .isEqualTo("2026-01-01T00:00:00.1+02:00");
  }

  @Test
  void writesNonFiniteNumbersAsStrings() {
    ObjectNode content =
        Json.object()
            .put("nan", Double.NaN)
            .put("inf", Double.POSITIVE_INFINITY)
            .put("float", Float.NEGATIVE_INFINITY);

    List<byte[]> frames = codec.encode(factory.message("execute_result", content));
    String json = new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"nan\":\"NaN\",\"inf\":\"Infinity\",\"float\":\"-Infinity\"}");
  }

  private InvalidMessageException failure(List<byte[]> frames) {
    return catchThrowableOfType(InvalidMessageException.class, () -> codec.decode(frames));
  }

  private Reason reasonFor(List<byte[]> frames) {
    InvalidMessageException e = failure(frames);
    assertThat(e).as("decoding should fail").isNotNull();
    return e.reason();
  }

  private List<byte[]> signed(String header, String parent, String metadata, String content) {
    return signed(utf8(header), utf8(parent), utf8(metadata), utf8(content));
  }

  private List<byte[]> signed(byte[]... json) {
    List<byte[]> frames = new ArrayList<>();
    frames.add(WireCodec.DELIMITER);
    frames.add(signer.sign(List.of(json)));
    frames.addAll(List.of(json));
    return frames;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

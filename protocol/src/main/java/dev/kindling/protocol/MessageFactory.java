package dev.kindling.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Makes messages for one protocol session: fresh {@code msg_id}s, the session id, UTC dates with
 * microseconds, and protocol version {@value #PROTOCOL_VERSION}.
 *
 * <p>A kernel process uses one factory (a new session per process, so front ends notice restarts);
 * a client uses one per connection. Thread-safe.
 */
public final class MessageFactory {

  /** The protocol version written in every header. */
  public static final String PROTOCOL_VERSION = "5.4";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final String session;
  private final String username;

  /** A factory with a new random session id. */
  public MessageFactory(String username) {
    this(UUID.randomUUID().toString(), username);
  }

  public MessageFactory(String session, String username) {
    this.session = session;
    this.username = username;
  }

  /** This factory's session id. */
  public String session() {
    return session;
  }

  /** Formats an instant the way Jupyter headers carry dates. */
  public static String formatDate(Instant instant) {
    return DATE.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  /** A new header for a message of this type. */
  public ObjectNode header(String msgType) {
    ObjectNode header = Json.object();
    header.put("msg_id", UUID.randomUUID().toString());
    header.put("session", session);
    header.put("username", username);
    header.put("date", formatDate(Instant.now()));
    header.put("msg_type", msgType);
    header.put("version", PROTOCOL_VERSION);
    return header;
  }

  /** A message with no parent, sent to no identity in particular. */
  public Message message(String msgType, ObjectNode content) {
    return new Message(
        List.of(), header(msgType), Json.object(), Json.object(), content, List.of());
  }

  /** A reply to {@code request}: same identities, parent header = the request's header verbatim. */
  public Message reply(Message request, String msgType, ObjectNode content) {
    return reply(request, msgType, content, Json.object());
  }

  /** A reply with metadata. */
  public Message reply(Message request, String msgType, ObjectNode content, ObjectNode metadata) {
    return new Message(
        request.identities(), header(msgType), request.header(), metadata, content, List.of());
  }

  /**
   * An IOPub broadcast caused by {@code parent} (or by nothing when {@code parent} is null), with a
   * topic frame in the style of ipykernel ({@code kernel.<session>.<msg_type>}).
   */
  public Message broadcast(Message parent, String msgType, ObjectNode content) {
    return broadcast(parent == null ? Json.object() : parent.header(), msgType, content, List.of());
  }

  /** An IOPub broadcast with an explicit parent header and buffers. */
  public Message broadcast(
      ObjectNode parentHeader, String msgType, ObjectNode content, List<byte[]> buffers) {
    byte[] topic = ("kernel." + session + "." + msgType).getBytes(StandardCharsets.UTF_8);
    return new Message(
        List.of(topic), header(msgType), parentHeader, Json.object(), content, buffers);
  }

  /** A request from a client, with metadata and buffers empty. */
  public Message request(String msgType, ObjectNode content) {
    return message(msgType, content);
  }
}

package dev.kindling.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One Jupyter message as it travels on a channel.
 *
 * <p>The header, parent header, metadata and content stay JSON objects so that keys Kindling does
 * not know (such as {@code subshell_id}) survive: a reply's parent header is the request's header
 * exactly as received. Messages are treated as immutable once built; do not modify the nodes of a
 * message that has been handed to another thread.
 *
 * @param identities routing frames: ROUTER identities of the peer, or the IOPub topic
 * @param header the header ({@code msg_id}, {@code session}, {@code msg_type}, ...)
 * @param parentHeader the header of the request this message answers; empty when none
 * @param metadata message metadata; usually empty
 * @param content the type-specific content
 * @param buffers raw binary buffers after the JSON frames (unsigned)
 */
public record Message(
    List<byte[]> identities,
    ObjectNode header,
    ObjectNode parentHeader,
    ObjectNode metadata,
    ObjectNode content,
    List<byte[]> buffers) {

  public Message {
    identities = List.copyOf(identities);
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(parentHeader, "parentHeader");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(content, "content");
    buffers = List.copyOf(buffers);
  }

  /** The {@code msg_type} from the header, or {@code ""} when missing. */
  public String msgType() {
    return header.path("msg_type").asText("");
  }

  /** The {@code msg_id} from the header, or {@code ""} when missing. */
  public String msgId() {
    return header.path("msg_id").asText("");
  }

  /** The sender's {@code session} from the header, or {@code ""} when missing. */
  public String session() {
    return header.path("session").asText("");
  }

  /** The known type of this message, if it is one Kindling knows. */
  public java.util.Optional<MessageType> type() {
    return MessageType.fromWireName(msgType());
  }

  /** A copy of this message routed to other identities. */
  public Message withIdentities(List<byte[]> otherIdentities) {
    return new Message(otherIdentities, header, parentHeader, metadata, content, buffers);
  }

  @Override
  public String toString() {
    return "Message[" + msgType() + " " + msgId() + "]";
  }
}

package dev.kindling.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns messages into signed multipart frames and back:
 *
 * <pre>
 * identities... | &lt;IDS|MSG&gt; | signature | header | parent | metadata | content | buffers...
 * </pre>
 *
 * <p>Decoding checks the signature over the raw frames as received and refuses messages that are
 * malformed, unsigned, wrongly signed, or replays of one of the last {@value #HISTORY_SIZE}
 * signatures. Encoding and decoding are thread-safe; the replay history is shared by every thread
 * that decodes with this codec, so one codec per connection refuses a message replayed onto any of
 * its channels.
 */
public final class WireCodec {

  /** The delimiter between routing frames and the message. */
  public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

  /** How many recent signatures are remembered to refuse replays (as jupyter_client). */
  public static final int HISTORY_SIZE = 1 << 16;

  private final Signer signer;
  private final Set<String> history = new LinkedHashSet<>();

  public WireCodec(Signer signer) {
    this.signer = signer;
  }

  /** The signer this codec uses. */
  public Signer signer() {
    return signer;
  }

  /** The frames of a message, signed. */
  public List<byte[]> encode(Message message) {
    List<byte[]> json =
        List.of(
            Json.toBytes(message.header()),
            Json.toBytes(message.parentHeader()),
            Json.toBytes(message.metadata()),
            Json.toBytes(message.content()));
    List<byte[]> frames =
        new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
    frames.addAll(message.identities());
    frames.add(DELIMITER);
    frames.add(signer.sign(json));
    frames.addAll(json);
    frames.addAll(message.buffers());
    return frames;
  }

  /**
   * Parses and checks received frames.
   *
   * @throws InvalidMessageException when the message must be dropped; the reason says why
   */
  public Message decode(List<byte[]> frames) throws InvalidMessageException {
    int delimiter = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (Arrays.equals(frames.get(i), DELIMITER)) {
        delimiter = i;
        break;
      }
    }
    if (delimiter < 0) {
      throw new InvalidMessageException(
          InvalidMessageException.Reason.MALFORMED, "no <IDS|MSG> delimiter");
    }
    if (frames.size() - delimiter - 1 < 5) {
      throw new InvalidMessageException(
          InvalidMessageException.Reason.MALFORMED,
          "expected signature and four JSON frames after the delimiter, got "
              + (frames.size() - delimiter - 1)
              + " frames");
    }
    byte[] signature = frames.get(delimiter + 1);
    List<byte[]> json = frames.subList(delimiter + 2, delimiter + 6);
    if (signer.enabled()) {
      if (signature.length == 0) {
        throw new InvalidMessageException(
            InvalidMessageException.Reason.UNSIGNED, "unsigned message");
      }
      if (!signer.verify(signature, json)) {
        throw new InvalidMessageException(
            InvalidMessageException.Reason.BAD_SIGNATURE, "invalid signature");
      }
      // Signatures are compared case-insensitively, so the history must be too: otherwise an
      // upper-cased copy of a signature would replay a message.
      String key = new String(signature, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
      if (!remember(key)) {
        throw new InvalidMessageException(
            InvalidMessageException.Reason.REPLAYED, "duplicate signature (replayed message)");
      }
    }
    ObjectNode header = parse(json.get(0), "header");
    if (!header.path("msg_type").isTextual() || header.path("msg_type").asText().isEmpty()) {
      throw new InvalidMessageException(
          InvalidMessageException.Reason.MALFORMED, "header has no msg_type");
    }
    if (!header.path("msg_id").isTextual()) {
      throw new InvalidMessageException(
          InvalidMessageException.Reason.MALFORMED, "header has no msg_id");
    }
    return new Message(
        frames.subList(0, delimiter),
        header,
        parse(json.get(1), "parent_header"),
        parse(json.get(2), "metadata"),
        parse(json.get(3), "content"),
        frames.subList(delimiter + 6, frames.size()));
  }

  /** Adds a signature to the history; false when it was already there. */
  private boolean remember(String signature) {
    synchronized (history) {
      if (!history.add(signature)) {
        return false;
      }
      if (history.size() > HISTORY_SIZE) {
        var oldest = history.iterator();
        oldest.next();
        oldest.remove();
      }
      return true;
    }
  }

  private static ObjectNode parse(byte[] frame, String what) throws InvalidMessageException {
    try {
      return Json.parseObject(frame);
    } catch (IOException e) {
      throw new InvalidMessageException(
          InvalidMessageException.Reason.MALFORMED,
          what + " is not a JSON object: " + e.getMessage(),
          e);
    }
  }
}

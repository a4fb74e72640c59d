package dev.kindling.kernel.testplugin;

import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import dev.kindling.api.CommTarget;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Comm target {@code echo}: answers an open with {@code {"opened": <open data>}} and every message
 * with {@code {"echo": <data>}} plus the message's buffers.
 */
@Extension
public final class EchoCommTarget implements CommTarget {

  @Override
  public String targetName() {
    return "echo";
  }

  @Override
  public void opened(Comm comm, CommMessage openMessage) {
    comm.onMessage(
        message ->
            comm.send(
                new CommMessage(Map.of("echo", message.data()), Map.of(), message.buffers())));
    comm.onClose(message -> {});
    comm.send(Map.of("opened", openMessage.data()));
  }
}

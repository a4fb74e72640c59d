package com.example.kindling.magic;

import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import dev.kindling.api.CommTarget;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The {@code hello} comm target: greets the front end when it opens a comm, answers every message
 * with a count and the data it got, and says goodbye on close.
 */
@Extension
public final class HelloCommTarget implements CommTarget {

  @Override
  public String targetName() {
    return "hello";
  }

  @Override
  public void opened(Comm comm, CommMessage openMessage) {
    comm.send(Map.of("greeting", "hello from the kernel", "opened_with", openMessage.data()));
    int[] received = {0};
    comm.onMessage(
        message -> {
          received[0]++;
          comm.send(Map.of("received", received[0], "echo", message.data()));
        });
    comm.onClose(message -> System.err.println("hello comm " + comm.id() + " closed"));
  }
}

package dev.kindling.kernel.plugin;

import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Test fixture: a comm without a front end. It records what kernel-side code sends and lets a test
 * play the front end with {@link #receive} and {@link #closeFromFrontEnd}.
 */
public final class FakeComm implements Comm {

  private final String id;
  private final String targetName;
  private final Map<String, Object> openData;
  private final List<CommMessage> sent = new CopyOnWriteArrayList<>();
  private final List<Consumer<CommMessage>> messageHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<CommMessage>> closeHandlers = new CopyOnWriteArrayList<>();
  private volatile Map<String, Object> closeData;

  public FakeComm(String id, String targetName, Map<String, Object> openData) {
    this.id = id;
    this.targetName = targetName;
    this.openData = Map.copyOf(openData);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String targetName() {
    return targetName;
  }

  /** The data of the {@code comm_open}, when the kernel side opened this comm. */
  public Map<String, Object> openData() {
    return openData;
  }

  @Override
  public void send(CommMessage message) {
    if (isClosed()) {
      throw new IllegalStateException("comm " + id + " is closed");
    }
    sent.add(message);
  }

  /** Every message sent to the front end, in order. */
  public List<CommMessage> sent() {
    return List.copyOf(sent);
  }

  @Override
  public void onMessage(Consumer<CommMessage> handler) {
    messageHandlers.add(handler);
  }

  @Override
  public void onClose(Consumer<CommMessage> handler) {
    closeHandlers.add(handler);
  }

  /** Plays a {@code comm_msg} from the front end. */
  public void receive(CommMessage message) {
    messageHandlers.forEach(handler -> handler.accept(message));
  }

  /** Plays a {@code comm_close} from the front end. */
  public void closeFromFrontEnd(CommMessage message) {
    closeData = message.data();
    closeHandlers.forEach(handler -> handler.accept(message));
  }

  @Override
  public void close(Map<String, Object> data) {
    closeData = data == null ? Map.of() : data;
  }

  @Override
  public boolean isClosed() {
    return closeData != null;
  }
}

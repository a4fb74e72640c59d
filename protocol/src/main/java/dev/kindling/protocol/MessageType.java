package dev.kindling.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The message types Kindling knows, tying each wire name to its channel and, for requests, to the
 * reply type. Unknown types still travel as {@link Message}s; they simply have no constant here.
 */
public enum MessageType {
  EXECUTE_REQUEST("execute_request", Channel.SHELL, "execute_reply"),
  EXECUTE_REPLY("execute_reply", Channel.SHELL, null),
  INSPECT_REQUEST("inspect_request", Channel.SHELL, "inspect_reply"),
  INSPECT_REPLY("inspect_reply", Channel.SHELL, null),
  COMPLETE_REQUEST("complete_request", Channel.SHELL, "complete_reply"),
  COMPLETE_REPLY("complete_reply", Channel.SHELL, null),
  HISTORY_REQUEST("history_request", Channel.SHELL, "history_reply"),
  HISTORY_REPLY("history_reply", Channel.SHELL, null),
  IS_COMPLETE_REQUEST("is_complete_request", Channel.SHELL, "is_complete_reply"),
  IS_COMPLETE_REPLY("is_complete_reply", Channel.SHELL, null),
  COMM_INFO_REQUEST("comm_info_request", Channel.SHELL, "comm_info_reply"),
  COMM_INFO_REPLY("comm_info_reply", Channel.SHELL, null),
  CONNECT_REQUEST("connect_request", Channel.SHELL, "connect_reply"),
  CONNECT_REPLY("connect_reply", Channel.SHELL, null),
  KERNEL_INFO_REQUEST("kernel_info_request", Channel.SHELL, "kernel_info_reply"),
  KERNEL_INFO_REPLY("kernel_info_reply", Channel.SHELL, null),
  SHUTDOWN_REQUEST("shutdown_request", Channel.CONTROL, "shutdown_reply"),
  SHUTDOWN_REPLY("shutdown_reply", Channel.CONTROL, null),
  INTERRUPT_REQUEST("interrupt_request", Channel.CONTROL, "interrupt_reply"),
  INTERRUPT_REPLY("interrupt_reply", Channel.CONTROL, null),
  COMM_OPEN("comm_open", Channel.SHELL, null),
  COMM_MSG("comm_msg", Channel.SHELL, null),
  COMM_CLOSE("comm_close", Channel.SHELL, null),
  INPUT_REQUEST("input_request", Channel.STDIN, null),
  INPUT_REPLY("input_reply", Channel.STDIN, null),
  STATUS("status", Channel.IOPUB, null),
  EXECUTE_INPUT("execute_input", Channel.IOPUB, null),
  STREAM("stream", Channel.IOPUB, null),
  DISPLAY_DATA("display_data", Channel.IOPUB, null),
  UPDATE_DISPLAY_DATA("update_display_data", Channel.IOPUB, null),
  EXECUTE_RESULT("execute_result", Channel.IOPUB, null),
  ERROR("error", Channel.IOPUB, null),
  CLEAR_OUTPUT("clear_output", Channel.IOPUB, null),
  IOPUB_WELCOME("iopub_welcome", Channel.IOPUB, null);

  private static final Map<String, MessageType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(t -> t.wireName, Function.identity()));

  private final String wireName;
  private final Channel channel;
  private final String replyType;

  MessageType(String wireName, Channel channel, String replyType) {
    this.wireName = wireName;
    this.channel = channel;
    this.replyType = replyType;
  }

  /** The {@code msg_type} on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The channel the message normally travels on (comms go both on shell and iopub). */
  public Channel channel() {
    return channel;
  }

  /** The reply's wire name, for request types. */
  public Optional<String> replyType() {
    return Optional.ofNullable(replyType);
  }

  /** The known type with this wire name. */
  public static Optional<MessageType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}

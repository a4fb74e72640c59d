package dev.kindling.client;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything one execution produced, once its reply and its {@code idle} status have both arrived.
 *
 * @param reply the {@code execute_reply}
 * @param outputs the outputs in the order IOPub delivered them
 */
public record ExecuteOutcome(ExecuteReply reply, List<Output> outputs) {

  public ExecuteOutcome {
    outputs = List.copyOf(outputs);
  }

  /** The reply's status: {@code ok}, {@code error} or {@code aborted}. */
  public String status() {
    return reply.status();
  }

  /** All text written to {@code stream} ({@code stdout} or {@code stderr}), joined. */
  public String stream(String name) {
    return outputs.stream()
        .filter(Output.Stream.class::isInstance)
        .map(Output.Stream.class::cast)
        .filter(stream -> stream.name().equals(name))
        .map(Output.Stream::text)
        .collect(Collectors.joining());
  }

  /** All standard output, joined. */
  public String stdout() {
    return stream("stdout");
  }

  /** The cell's result, if it had one. */
  public Optional<Output.ExecuteResult> result() {
    return outputs.stream()
        .filter(Output.ExecuteResult.class::isInstance)
        .map(Output.ExecuteResult.class::cast)
        .findFirst();
  }

  /** The error output, if the cell failed. */
  public Optional<Output.Error> error() {
    return outputs.stream()
        .filter(Output.Error.class::isInstance)
        .map(Output.Error.class::cast)
        .findFirst();
  }
}

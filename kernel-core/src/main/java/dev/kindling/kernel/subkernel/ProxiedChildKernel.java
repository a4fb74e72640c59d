package dev.kindling.kernel.subkernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ChildKernel;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.MimeBundle;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChildKernel}: every call goes to the current {@link ChildSession}; a session whose
 * process has died is replaced by a fresh one on the next {@link #execute}.
 */
final class ProxiedChildKernel implements ChildKernel {

  private static final Logger log = LoggerFactory.getLogger(ProxiedChildKernel.class);

  /** Completion with jedi can take seconds the first time, on a busy machine more. */
  private static final Duration QUICK_REPLY = Duration.ofSeconds(30);

  /** How long a finished cell waits for the child's last output (its {@code idle}). */
  private static final Duration IDLE_AFTER_REPLY = Duration.ofSeconds(5);

  private final ChildKernelSpec spec;
  private final ChildKernelService service;
  private volatile ChildSession session;
  private volatile LanguageInfo language;
  private volatile boolean closed;

  ProxiedChildKernel(ChildKernelSpec spec, ChildKernelService service, ChildSession first) {
    this.spec = spec;
    this.service = service;
    this.session = first;
    this.language = languageOf(first.kernelInfo(), spec.name());
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public boolean isAlive() {
    return !closed && session.isAlive();
  }

  @Override
  public LanguageInfo languageInfo() {
    return language;
  }

  /** The running session, started again if the child died. */
  synchronized ChildSession session() throws ChildKernelException, InterruptedException {
    if (closed) {
      throw new ChildKernelException(spec.name() + " has been shut down");
    }
    if (!session.isAlive()) {
      log.info("{} child kernel is not running; starting a new one", spec.name());
      session.kill();
      session = service.startSession(spec);
      language = languageOf(session.kernelInfo(), spec.name());
    }
    return session;
  }

  /** The running session, without restarting a dead one. */
  Optional<ChildSession> liveSession() {
    ChildSession current = session;
    return !closed && current.isAlive() ? Optional.of(current) : Optional.empty();
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) throws InterruptedException {
    ChildSession child;
    try {
      child = session();
    } catch (ChildKernelException e) {
      return ExecutionResult.error(
          "KernelUnavailable", e.getMessage(), List.of("KernelUnavailable: " + e.getMessage()));
    }
    // Never silent towards the child: its execute_result is captured (not relayed) either way, and
    // the kernel shows nothing for a silent request, while user_expressions need the value.
    ObjectNode content =
        ChildSession.executeContent(
            request.code(), false, request.storeHistory(), request.allowStdin());
    ChildSession.Sent sent =
        child.send(
            Channel.SHELL, "execute_request", content, Optional.of(service.currentParent()), true);
    boolean interrupted = false;
    try {
      Message reply;
      while (true) {
        try {
          reply = child.await(sent.request().reply(), Duration.ofDays(365));
          break;
        } catch (InterruptedException e) {
          // The kernel also sent interrupt_request to the child: wait for its answer.
          interrupted = true;
        }
      }
      awaitIdle(child, sent);
      return result(reply, sent.request());
    } catch (ChildSession.ChildDiedException e) {
      return died(child, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no reply from " + spec.name(), e);
    } finally {
      child.endInput();
      child.forget(sent);
      if (interrupted) {
        log.debug("{} cell ended after an interrupt", spec.name());
      }
    }
  }

  private void awaitIdle(ChildSession child, ChildSession.Sent sent) {
    try {
      child.await(sent.request().idle(), IDLE_AFTER_REPLY);
    } catch (TimeoutException | InterruptedException e) {
      log.warn("{} did not report idle after its reply; later output may be lost", spec.name());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ExecutionResult result(Message reply, ChildRequest request) {
    ObjectNode content = reply.content();
    String status = content.path("status").asText("");
    if (status.equals("ok")) {
      for (JsonNode payload : content.path("payload")) {
        if (payload.isObject()) {
          service.payloads().add((ObjectNode) payload.deepCopy());
        }
      }
      return request.result().map(ProxiedChildKernel::value).orElse(ExecutionResult.empty());
    }
    ObjectNode error = request.error().map(Message::content).orElse(content);
    if (status.equals("aborted")) {
      return ExecutionResult.error("Aborted", "the cell was aborted", List.of());
    }
    if (status.equals("abort")) {
      // IRkernel's status for a cell stopped by SIGINT (not in the messaging spec).
      return ExecutionResult.error("Interrupted", "the cell was interrupted", List.of());
    }
    List<String> traceback = new ArrayList<>();
    error.path("traceback").forEach(line -> traceback.add(line.asText()));
    return ExecutionResult.error(
        error.path("ename").asText("Error"), error.path("evalue").asText(""), traceback);
  }

  @SuppressWarnings("unchecked")
  private static ExecutionResult value(Message executeResult) {
    Map<String, Object> data =
        Json.MAPPER.convertValue(executeResult.content().path("data"), Map.class);
    JsonNode metadata = executeResult.content().path("metadata");
    Map<String, Object> meta =
        metadata.isObject() ? Json.MAPPER.convertValue(metadata, Map.class) : Map.of();
    return ExecutionResult.value(new MimeBundle(data == null ? Map.of() : data, meta));
  }

  private ExecutionResult died(ChildSession child, ChildSession.ChildDiedException e) {
    String message =
        "the "
            + spec.name()
            + " kernel (pid "
            + child.pid()
            + ") exited with code "
            + e.exitCode()
            + " while running this cell; its state is lost and the next cell starts a new one."
            + " Its output is in the kernel log";
    List<String> traceback = new ArrayList<>();
    traceback.add("KernelDied: " + message);
    if (!e.lastOutput().isEmpty()) {
      traceback.add("Last output of the " + spec.name() + " kernel:");
      traceback.addAll(e.lastOutput());
    }
    log.warn("{} child kernel died with exit code {}", spec.name(), e.exitCode());
    return ExecutionResult.error("KernelDied", message, traceback);
  }

  @Override
  public Completion complete(String code, int cursor) {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("cursor_pos", code.codePointCount(0, cursor));
    return quickRequest("complete_request", content)
        .map(
            reply -> {
              List<String> matches = new ArrayList<>();
              reply.path("matches").forEach(m -> matches.add(m.asText()));
              int start = javaIndex(code, reply.path("cursor_start").asInt(cursor));
              int end = javaIndex(code, reply.path("cursor_end").asInt(cursor));
              return new Completion(matches, start, Math.max(start, end));
            })
        .orElse(Completion.none(cursor));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("cursor_pos", code.codePointCount(0, cursor));
    content.put("detail_level", detailLevel);
    return quickRequest("inspect_request", content)
        .filter(reply -> reply.path("found").asBoolean(false))
        .map(
            reply ->
                new MimeBundle(
                    Json.MAPPER.convertValue(reply.path("data"), Map.class),
                    reply.path("metadata").isObject()
                        ? Json.MAPPER.convertValue(reply.path("metadata"), Map.class)
                        : Map.of()));
  }

  @Override
  public CodeCompleteness isComplete(String code) {
    ObjectNode content = Json.object();
    content.put("code", code);
    return quickRequest("is_complete_request", content)
        .map(
            reply ->
                switch (reply.path("status").asText("unknown")) {
                  case "complete" -> CodeCompleteness.complete();
                  case "incomplete" -> CodeCompleteness.incomplete(reply.path("indent").asText(""));
                  case "invalid" -> CodeCompleteness.invalid();
                  default -> CodeCompleteness.unknown();
                })
        .orElse(CodeCompleteness.unknown());
  }

  /** A shell request answered at once by a running child; empty if it is not running. */
  private Optional<ObjectNode> quickRequest(String msgType, ObjectNode content) {
    Optional<ChildSession> live = liveSession();
    if (live.isEmpty()) {
      return Optional.empty();
    }
    ChildSession child = live.get();
    ChildSession.Sent sent =
        child.send(Channel.SHELL, msgType, content, Optional.of(service.currentParent()), false);
    try {
      return Optional.of(child.await(sent.request().reply(), QUICK_REPLY).content());
    } catch (TimeoutException | RuntimeException e) {
      log.warn("{}: no {} reply: {}", spec.name(), msgType, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      child.forget(sent);
    }
  }

  @Override
  public void interrupt() {
    liveSession().ifPresent(ChildSession::interrupt);
  }

  @Override
  public void close() {
    closed = true;
    service.forgetKernel(this);
    session.close();
  }

  private static int javaIndex(String code, int codePoints) {
    int clamped = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    return code.offsetByCodePoints(0, clamped);
  }

  static LanguageInfo languageOf(ObjectNode kernelInfo, String fallbackName) {
    JsonNode info = kernelInfo.path("language_info");
    String name = info.path("name").asText(fallbackName.toLowerCase(java.util.Locale.ROOT));
    String extension = info.path("file_extension").asText(".txt");
    JsonNode codemirror = info.path("codemirror_mode");
    String mode =
        codemirror.isObject()
            ? codemirror.path("name").asText(name) + codemirror.path("version").asText("")
            : codemirror.asText(name);
    return new LanguageInfo(
        name,
        info.path("version").asText(""),
        info.path("mimetype").asText("text/plain"),
        extension.startsWith(".") ? extension : "." + extension,
        info.path("pygments_lexer").asText(name),
        mode);
  }
}

package dev.kindling.kernel.subkernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ChildKernel;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.ChildKernels;
import dev.kindling.api.Stdin;
import dev.kindling.kernel.comm.CommForwarder;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellPayloads;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link ChildKernels}: starts child kernels, keeps track of them for shutdown, and
 * routes comms between front ends and children (comms a child opened go back to it; a front end's
 * {@code comm_open} for a target the kernel does not know is offered to the newest running child).
 */
public final class ChildKernelService implements ChildKernels, CommForwarder, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChildKernelService.class);

  /** How long a forwarded comm message waits for the child to finish handling it. */
  private static final Duration COMM_HANDLING = Duration.ofSeconds(10);

  private final CellScope scope;
  private final Iopub iopub;
  private final MessageFactory messages;
  private final Stdin stdin;
  private final CellPayloads payloads;
  private final List<ProxiedChildKernel> kernels = new CopyOnWriteArrayList<>();
  private final Map<String, ProxiedChildKernel> commOwners = new ConcurrentHashMap<>();
  private final Map<String, String> commTargets = new ConcurrentHashMap<>();

  public ChildKernelService(
      CellScope scope, Iopub iopub, MessageFactory messages, Stdin stdin, CellPayloads payloads) {
    this.scope = scope;
    this.iopub = iopub;
    this.messages = messages;
    this.stdin = stdin;
    this.payloads = payloads;
  }

  @Override
  public ChildKernel start(ChildKernelSpec spec) throws ChildKernelException, InterruptedException {
    ProxiedChildKernel kernel = new ProxiedChildKernel(spec, this, startSession(spec));
    kernels.add(kernel);
    return kernel;
  }

  ChildSession startSession(ChildKernelSpec spec)
      throws ChildKernelException, InterruptedException {
    ChildSession[] holder = new ChildSession[1];
    ChildComms comms =
        new ChildComms() {
          @Override
          public void openedByChild(String commId, String targetName) {
            kernels.stream()
                .filter(k -> k.liveSession().map(s -> s == holder[0]).orElse(false))
                .findFirst()
                .ifPresent(
                    k -> {
                      commOwners.put(commId, k);
                      commTargets.put(commId, targetName);
                    });
          }

          @Override
          public void closedByChild(String commId) {
            commOwners.remove(commId);
            commTargets.remove(commId);
          }
        };
    holder[0] = ChildSession.start(spec, comms, scope, iopub, messages, stdin);
    return holder[0];
  }

  CellPayloads payloads() {
    return payloads;
  }

  /** The header of the front end's request being served now (the running cell). */
  ObjectNode currentParent() {
    return scope.current().map(Cell::request).map(Message::header).orElseGet(Json::object);
  }

  void forgetKernel(ProxiedChildKernel kernel) {
    kernels.remove(kernel);
    commOwners.values().removeIf(owner -> owner == kernel);
  }

  @Override
  public boolean offerOpen(Message commOpen) {
    for (int i = kernels.size() - 1; i >= 0; i--) {
      ProxiedChildKernel kernel = kernels.get(i);
      Optional<ChildSession> session = kernel.liveSession();
      if (session.isPresent()) {
        String commId = commOpen.content().path("comm_id").asText("");
        commOwners.put(commId, kernel);
        commTargets.put(commId, commOpen.content().path("target_name").asText(""));
        forwardTo(session.get(), commOpen);
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean forward(Message commMessage) {
    String commId = commMessage.content().path("comm_id").asText("");
    ProxiedChildKernel owner = commOwners.get(commId);
    if (owner == null) {
      return false;
    }
    if (commMessage.msgType().equals("comm_close")) {
      commOwners.remove(commId);
      commTargets.remove(commId);
    }
    owner
        .liveSession()
        .ifPresentOrElse(
            session -> forwardTo(session, commMessage),
            () -> log.info("comm {} belongs to a child kernel that is gone", commId));
    return true;
  }

  /** Sends a front-end comm message to a child and waits (briefly) until it has handled it. */
  private void forwardTo(ChildSession session, Message frontEnd) {
    Message copy =
        session.newMessage(
            frontEnd.msgType(),
            frontEnd.content().deepCopy(),
            frontEnd.metadata().deepCopy(),
            frontEnd.buffers());
    ChildSession.Sent sent =
        session.send(Channel.SHELL, copy, Optional.of(frontEnd.header()), false);
    try {
      session.await(sent.request().idle(), COMM_HANDLING);
    } catch (TimeoutException | RuntimeException e) {
      log.warn("child did not finish handling {} in time: {}", frontEnd.msgType(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.forget(sent);
    }
  }

  @Override
  public Map<String, String> openComms() {
    return Map.copyOf(commTargets);
  }

  /** Ends every child kernel still running. */
  @Override
  public void close() {
    for (ProxiedChildKernel kernel : kernels) {
      try {
        kernel.close();
      } catch (RuntimeException e) {
        log.warn("Could not close child kernel {}", kernel.name(), e);
      }
    }
  }
}

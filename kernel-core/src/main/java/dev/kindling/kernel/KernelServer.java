package dev.kindling.kernel;

import dev.kindling.kernel.execution.OutputCapture;
import dev.kindling.kernel.iopub.IopubPublisher;
import dev.kindling.kernel.plugin.PluginHost;
import dev.kindling.kernel.transport.Heartbeat;
import dev.kindling.kernel.transport.Replies;
import dev.kindling.kernel.transport.RequestSocketLoop;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.WireCodec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * A {@link Kernel} on ZeroMQ: binds the five sockets of a connection file, one owner thread per
 * socket group (shell+stdin, control, IOPub, heartbeat), and runs until shut down.
 */
public final class KernelServer {

  private static final Logger log = LoggerFactory.getLogger(KernelServer.class);

  /** The longest a shutdown may take before the process is halted. */
  private static final long SHUTDOWN_DEADLINE_MILLIS = 1500;

  private final KernelOptions options;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private ZContext context;
  private IopubPublisher iopub;
  private RequestSocketLoop shell;
  private RequestSocketLoop control;
  private Heartbeat heartbeat;
  private Kernel kernel;
  private PluginHost plugins;
  private OutputCapture capture;

  public KernelServer(KernelOptions options) {
    this.options = options;
  }

  /** Binds every socket and starts the kernel; returns when it is ready for requests. */
  public void start() {
    ConnectionInfo connection = options.connection();
    // Plugins load on their own thread while this one sets up ZeroMQ and the sockets.
    CompletableFuture<PluginHost> loading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loading.complete(PluginHost.start(options.pluginsDir()));
              } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
              }
            },
            "kindling-plugins");
    loader.setDaemon(true);
    loader.start();
    context = new ZContext(1);
    MessageFactory messages = new MessageFactory("kernel");
    WireCodec codec = new WireCodec(connection.signer());
    iopub = new IopubPublisher(context, connection.endpoint(Channel.IOPUB), codec, messages);
    iopub.start();
    heartbeat = new Heartbeat(connection.endpoint(Channel.HEARTBEAT));
    heartbeat.start();

    plugins = loaded(loading);
    RoutedReplies replies = new RoutedReplies();
    kernel = new Kernel(options, messages, iopub, replies, KernelExtensions.of(plugins));
    kernel.onShutdown(this::shutdownAfter);
    capture = OutputCapture.install(kernel.scope(), iopub);

    control =
        new RequestSocketLoop(
            context,
            "control",
            Map.of(Channel.CONTROL, connection.endpoint(Channel.CONTROL)),
            codec,
            (channel, message) -> kernel.onControlMessage(message));
    shell =
        new RequestSocketLoop(
            context,
            "shell",
            Map.of(
                Channel.SHELL, connection.endpoint(Channel.SHELL),
                Channel.STDIN, connection.endpoint(Channel.STDIN)),
            codec,
            (channel, message) -> {
              if (channel == Channel.STDIN) {
                kernel.onStdinMessage(message);
              } else {
                kernel.onShellMessage(message);
              }
            });
    replies.control = control;
    replies.shell = shell;
    control.start();
    shell.start();
    kernel.start();
    log.info(
        "Kernel ready on {} (shell {}, iopub {}, control {}, stdin {}, heartbeat {})",
        connection.ip(),
        connection.shellPort(),
        connection.iopubPort(),
        connection.controlPort(),
        connection.stdinPort(),
        connection.hbPort());
  }

  private static PluginHost loaded(CompletableFuture<PluginHost> loading) {
    try {
      return loading.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Blocks until the kernel has shut down. */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  /** Stops the kernel once {@code replySent} completes (the shutdown reply is on its way). */
  public void shutdownAfter(CompletableFuture<Void> replySent) {
    Thread stopper =
        new Thread(
            () -> {
              try {
                replySent.get(SHUTDOWN_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
              } catch (Exception e) {
                log.warn("Shutdown reply not confirmed: {}", e.toString());
              }
              shutdown();
            },
            "kindling-shutdown");
    stopper.setDaemon(true);
    stopper.start();
  }

  /** Stops everything: interpreters, child processes, sockets. Idempotent. */
  public synchronized void shutdown() {
    if (stopped.getCount() == 0) {
      return;
    }
    log.info("Shutting down");
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(SHUTDOWN_DEADLINE_MILLIS);
                log.warn("Shutdown took too long; halting");
                Runtime.getRuntime().halt(0);
              } catch (InterruptedException e) {
                // shut down in time
              }
            },
            "kindling-shutdown-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      iopub.flush();
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
      kernel.close();
      plugins.close();
      shell.close();
      control.close();
      iopub.close();
      heartbeat.close();
      capture.uninstall();
      context.close();
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException e) {
      log.warn("Error while shutting down", e);
    } finally {
      stopped.countDown();
    }
  }

  /** Routes replies to the loop that owns the channel's socket. */
  private static final class RoutedReplies implements Replies {
    volatile RequestSocketLoop shell;
    volatile RequestSocketLoop control;

    @Override
    public CompletableFuture<Void> send(Channel channel, Message message, Runnable beforeSend) {
      return switch (channel) {
        case SHELL, STDIN -> shell.send(channel, message, beforeSend);
        case CONTROL -> control.send(channel, message, beforeSend);
        default -> throw new IllegalArgumentException("no replies on " + channel.wireName());
      };
    }
  }
}

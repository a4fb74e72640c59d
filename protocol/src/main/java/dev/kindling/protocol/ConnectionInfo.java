package dev.kindling.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A Jupyter connection file: where the five sockets are and how messages are signed. Extra keys are
 * ignored.
 *
 * @param transport {@code tcp} (the only transport JeroMQ shares with other ZeroMQ peers)
 * @param ip the address to bind (kernel) or connect to (client)
 * @param shellPort shell ROUTER port
 * @param iopubPort IOPub port
 * @param stdinPort stdin ROUTER port
 * @param controlPort control ROUTER port
 * @param hbPort heartbeat port
 * @param key the HMAC key; empty turns signing off
 * @param signatureScheme for example {@code hmac-sha256}
 * @param kernelName the kernelspec name; may be empty
 */
public record ConnectionInfo(
    String transport,
    String ip,
    int shellPort,
    int iopubPort,
    int stdinPort,
    int controlPort,
    int hbPort,
    String key,
    String signatureScheme,
    String kernelName) {

  /**
   * Reads a connection file.
   *
   * @throws IOException when the file cannot be read or lacks a port; the message names the file
   */
  public static ConnectionInfo read(Path file) throws IOException {
    ObjectNode json;
    try {
      json = Json.parseObject(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException("cannot read connection file " + file + ": " + e.getMessage(), e);
    }
    String transport = json.path("transport").asText("tcp");
    if (!transport.equals("tcp")) {
      throw new IOException(
          "connection file "
              + file
              + " asks for transport '"
              + transport
              + "'; Kindling supports only 'tcp' (use KernelManager.transport='tcp')");
    }
    return new ConnectionInfo(
        transport,
        json.path("ip").asText("127.0.0.1"),
        port(json, "shell_port", file),
        port(json, "iopub_port", file),
        port(json, "stdin_port", file),
        port(json, "control_port", file),
        port(json, "hb_port", file),
        json.path("key").asText(""),
        json.path("signature_scheme").asText("hmac-sha256"),
        json.path("kernel_name").asText(""));
  }

  /**
   * Writes this connection as a connection file readable by jupyter_client. As jupyter_client does,
   * the file is readable by its owner only (where the file system has POSIX permissions), since it
   * holds the signing key.
   */
  public void write(Path file) throws IOException {
    ObjectNode json = Json.object();
    json.put("transport", transport);
    json.put("ip", ip);
    json.put("shell_port", shellPort);
    json.put("iopub_port", iopubPort);
    json.put("stdin_port", stdinPort);
    json.put("control_port", controlPort);
    json.put("hb_port", hbPort);
    json.put("key", key);
    json.put("signature_scheme", signatureScheme);
    json.put("kernel_name", kernelName);
    byte[] bytes = Json.toBytes(json);
    if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
      Files.setPosixFilePermissions(file, ownerOnly);
    }
    Files.write(file, bytes);
  }

  /** The ZeroMQ endpoint of a channel, for example {@code tcp://127.0.0.1:5555}. */
  public String endpoint(Channel channel) {
    int port =
        switch (channel) {
          case SHELL -> shellPort;
          case IOPUB -> iopubPort;
          case STDIN -> stdinPort;
          case CONTROL -> controlPort;
          case HEARTBEAT -> hbPort;
        };
    String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
    return transport + "://" + host + ":" + port;
  }

  /** A signer for this connection's key and scheme. */
  public Signer signer() {
    return new Signer(key, signatureScheme);
  }

  private static int port(JsonNode json, String name, Path file) throws IOException {
    JsonNode port = json.get(name);
    if (port == null
        || !port.isIntegralNumber()
        || !port.canConvertToInt()
        || port.asInt() <= 0
        || port.asInt() > 65535) {
      throw new IOException(
          "connection file "
              + file
              + " has no valid "
              + name
              + " (expected an integer from 1 to 65535, got "
              + (port == null ? "nothing" : port.toString())
              + ")");
    }
    return port.asInt();
  }
}

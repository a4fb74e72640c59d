package dev.kindling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {

  @TempDir Path dir;

  /** The shape jupyter_client 8 writes, extra keys included. */
  private static final String JUPYTER_CLIENT_FILE =
      """
      {
        "shell_port": 53001,
        "iopub_port": 53002,
        "stdin_port": 53003,
        "control_port": 53004,
        "hb_port": 53005,
        "ip": "127.0.0.1",
        "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84",
        "transport": "tcp",
        "signature_scheme": "hmac-sha256",
        "kernel_name": "kindling-scala",
        "jupyter_session": "/home/me/notebook.ipynb",
        "extra": {"nested": [1, 2]}
      }
      """;

  @Test
  void readsAJupyterClientConnectionFile() throws IOException {
    Path file = write("kernel-1.json", JUPYTER_CLIENT_FILE);

    ConnectionInfo info = ConnectionInfo.read(file);

    assertThat(info)
        .isEqualTo(
            new ConnectionInfo(
                "tcp",
                "127.0.0.1",
                53001,
                53002,
                53003,
                53004,
                53005,
                "a0436f6c-1916-498b-8eb9-e81ab9368e84",
                "hmac-sha256",
                "kindling-scala"));
    assertThat(info.endpoint(Channel.SHELL)).isEqualTo("tcp://127.0.0.1:53001");
    assertThat(info.endpoint(Channel.HEARTBEAT)).isEqualTo("tcp://127.0.0.1:53005");
    assertThat(info.signer().enabled()).isTrue();
  }

  @Test
  void writesAFileThatReadsBackTheSameAndOnlyItsOwnerCanRead() throws IOException {
    ConnectionInfo info =
        new ConnectionInfo("tcp", "::1", 1, 2, 3, 4, 65535, "", "hmac-sha512", "");
    Path file = dir.resolve("kernel-2.json");

    info.write(file);

    assertThat(ConnectionInfo.read(file)).isEqualTo(info);
    assertThat(info.endpoint(Channel.IOPUB)).isEqualTo("tcp://[::1]:2");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void rejectsIpcTransportWithAClearMessage() throws IOException {
    Path file = write("ipc.json", JUPYTER_CLIENT_FILE.replace("\"tcp\"", "\"ipc\""));

    assertThatThrownBy(() -> ConnectionInfo.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'ipc'")
        .hasMessageContaining("only 'tcp'");
  }

  @Test
  void rejectsAMissingPortNamingTheKeyAndTheFile() throws IOException {
    Path file = write("no-hb.json", JUPYTER_CLIENT_FILE.replace("\"hb_port\": 53005,", ""));

    assertThatThrownBy(() -> ConnectionInfo.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("hb_port");
  }

  @Test
  void rejectsInvalidPortsNamingTheKeyAndTheFile() throws IOException {
    for (String bad : new String[] {"\"53001\"", "0", "70000", "-5", "530.5", "null"}) {
      Path file =
          write(
              "bad-shell.json",
              JUPYTER_CLIENT_FILE.replace("\"shell_port\": 53001", "\"shell_port\": " + bad));

      assertThatThrownBy(() -> ConnectionInfo.read(file))
          .as("shell_port %s", bad)
          .isInstanceOf(IOException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("shell_port");
    }
  }

  @Test
  void reportsAFileThatIsNotJson() throws IOException {
    Path file = write("broken.json", "{\"shell_port\": ");

    assertThatThrownBy(() -> ConnectionInfo.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
    assertThatThrownBy(() -> ConnectionInfo.read(dir.resolve("missing.json")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing.json");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}

package dev.kindling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignerTest {

  private static final List<byte[]> FRAMES =
      List.of(utf8("{\"msg_id\":\"1\"}"), utf8("{}"), utf8("{}"), utf8("{\"code\":\"1+1\"}"));

  /**
   * Computed independently with Python's standard library:
   *
   * <pre>
   * python3 -c "import hmac,hashlib; h=hmac.new(b'kindling-secret', digestmod=hashlib.sha256);
   *   [h.update(f) for f in (b'{\"msg_id\":\"1\"}', b'{}', b'{}', b'{\"code\":\"1+1\"}')];
   *   print(h.hexdigest())"
   * </pre>
   */
  private static final String EXPECTED =
      "a49fc54ee48efc1692b552eb13c8872671389be8eb5e683c8ea044b97d0eb59c";

  @Test
  void signsTheJsonFramesWithHmacSha256AsJupyterClientDoes() {
    Signer signer = new Signer("kindling-secret", "hmac-sha256");

    assertThat(new String(signer.sign(FRAMES), StandardCharsets.US_ASCII)).isEqualTo(EXPECTED);
    assertThat(signer.verify(utf8(EXPECTED), FRAMES)).isTrue();
  }

  @Test
  void emptyKeyMeansAnEmptySignatureAndNoChecking() {
    Signer signer = new Signer("", "hmac-sha256");

    assertThat(signer.enabled()).isFalse();
    assertThat(signer.sign(FRAMES)).isEmpty();
    assertThat(Signer.none().sign(FRAMES)).isEmpty();
  }

  @Test
  void rejectsTamperedFramesAndWrongKeys() {
    Signer signer = new Signer("kindling-secret", "hmac-sha256");
    List<byte[]> tampered =
        List.of(FRAMES.get(0), FRAMES.get(1), FRAMES.get(2), utf8("{\"code\":\"1+2\"}"));

    assertThat(signer.verify(utf8(EXPECTED), tampered)).isFalse();
    assertThat(new Signer("other-key", "hmac-sha256").verify(utf8(EXPECTED), FRAMES)).isFalse();
    assertThat(signer.verify(utf8(EXPECTED.substring(1)), FRAMES)).isFalse();
    assertThat(signer.verify(new byte[0], FRAMES)).isFalse();
  }

  @Test
  void acceptsUppercaseHex() {
    Signer signer = new Signer("kindling-secret", "hmac-sha256");

    assertThat(signer.verify(utf8(EXPECTED.toUpperCase(Locale.ROOT)), FRAMES)).isTrue();
  }

  @Test
  void signsConsistentlyFromManyThreads() throws InterruptedException {
    Signer signer = new Signer("kindling-secret", "hmac-sha256");
    List<String> results = Collections.synchronizedList(new ArrayList<>());
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  results.add(new String(signer.sign(FRAMES), StandardCharsets.US_ASCII));
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(results).hasSize(2000).containsOnly(EXPECTED);
  }

  @Test
  void refusesUnknownSchemes() {
    assertThatThrownBy(() -> new Signer("k", "md5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("md5");
    assertThatThrownBy(() -> new Signer("k", "hmac-nosuchhash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hmac-nosuchhash");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

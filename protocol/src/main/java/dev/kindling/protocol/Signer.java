package dev.kindling.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures of messages, as the connection file's {@code key} and {@code signature_scheme}
 * define them. The key is the UTF-8 bytes of the key string; an empty key turns signing off.
 * Thread-safe: each thread gets its own {@link Mac}.
 */
public final class Signer {

  private static final HexFormat HEX = HexFormat.of();

  private final boolean enabled;
  private final ThreadLocal<Mac> mac;

  /**
   * @param key the connection file's key; empty disables signing
   * @param scheme the connection file's {@code signature_scheme}, for example {@code hmac-sha256}
   * @throws IllegalArgumentException for a scheme this JVM does not support
   */
  public Signer(String key, String scheme) {
    this.enabled = !key.isEmpty();
    if (!enabled) {
      this.mac = null;
      return;
    }
    String algorithm = macAlgorithm(scheme);
    SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
    try {
      Mac.getInstance(algorithm).init(spec);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unsupported signature_scheme: " + scheme, e);
    }
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance(algorithm);
                m.init(spec);
                return m;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** A signer that does not sign. */
  public static Signer none() {
    return new Signer("", "hmac-sha256");
  }

  /** True when messages are signed and checked. */
  public boolean enabled() {
    return enabled;
  }

  /** The lowercase hex signature of the four JSON frames, or empty bytes when signing is off. */
  public byte[] sign(List<byte[]> jsonFrames) {
    if (!enabled) {
      return new byte[0];
    }
    Mac m = mac.get();
    m.reset();
    for (byte[] frame : jsonFrames) {
      m.update(frame);
    }
    return HEX.formatHex(m.doFinal()).getBytes(StandardCharsets.US_ASCII);
  }

  /** Compares a received signature with the expected one in constant time. */
  public boolean verify(byte[] signature, List<byte[]> jsonFrames) {
    byte[] expected = sign(jsonFrames);
    byte[] received =
        new String(signature, StandardCharsets.US_ASCII)
            .toLowerCase(Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, received);
  }

  private static String macAlgorithm(String scheme) {
    String name = scheme.toLowerCase(Locale.ROOT);
    if (!name.startsWith("hmac-")) {
      throw new IllegalArgumentException("unsupported signature_scheme: " + scheme);
    }
    return "Hmac" + name.substring("hmac-".length()).toUpperCase(Locale.ROOT);
  }
}

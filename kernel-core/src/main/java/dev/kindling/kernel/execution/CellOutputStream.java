package dev.kindling.kernel.execution;

import dev.kindling.kernel.iopub.Iopub;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code System.out} or {@code System.err} write while the kernel runs: UTF-8 bytes become
 * stream text for the cell the writing thread works for. Characters split across writes are kept
 * until complete. Output written before any cell has run goes to the kernel's log stream instead.
 */
final class CellOutputStream extends OutputStream {

  private final String name;
  private final CellScope scope;
  private final Iopub iopub;
  private final OutputStream fallback;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private ByteBuffer leftover = ByteBuffer.allocate(0);

  CellOutputStream(String name, CellScope scope, Iopub iopub, OutputStream fallback) {
    this.name = name;
    this.scope = scope;
    this.iopub = iopub;
    this.fallback = fallback;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    var cell = scope.current();
    if (cell.isEmpty()) {
      try {
        fallback.write(bytes, offset, length);
      } catch (java.io.IOException ignored) {
        // the kernel's own stderr is gone: nothing left to tell
      }
      return;
    }
    ByteBuffer input = ByteBuffer.allocate(leftover.remaining() + length);
    input.put(leftover).put(bytes, offset, length).flip();
    CharBuffer chars = CharBuffer.allocate(input.remaining());
    decoder.decode(input, chars, false);
    leftover = input.slice();
    chars.flip();
    if (chars.hasRemaining()) {
      iopub.stream(cell.get().request().header(), name, chars.toString());
    }
  }
}

package dev.kindling.scala.api;

import dev.kindling.api.Stdin;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Standard input for cells ({@code kernel.in}, {@code scala.io.StdIn}): each time the bytes of the
 * previous line are used up, asks the front end for another line ({@code input_request}).
 */
public final class KernelInputStream extends InputStream {

  private final Stdin stdin;
  private byte[] line = new byte[0];
  private int position;

  public KernelInputStream(Stdin stdin) {
    this.stdin = stdin;
  }

  @Override
  public synchronized int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return line[position++] & 0xff;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, line.length - position);
    System.arraycopy(line, position, buffer, offset, count);
    position += count;
    return count;
  }

  @Override
  public synchronized int available() {
    return line.length - position;
  }

  private boolean fill() throws IOException {
    if (position < line.length) {
      return true;
    }
    try {
      line = (stdin.readLine("", false) + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    }
  }
}

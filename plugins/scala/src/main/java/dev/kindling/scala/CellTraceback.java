package dev.kindling.scala;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stack traces trimmed to what the user wrote: frames of the REPL's wrapper classes ({@code
 * $line4.$read$$iw.f}) become {@code f(<cell>:3)}; frames of the compiler, reflection and the
 * kernel that ran the cell are dropped.
 */
final class CellTraceback {

  /** {@code $line4.$read$$iw$$iw$Point.apply}: the REPL's wrappers around user definitions. */
  private static final Pattern WRAPPER = Pattern.compile("^\\$line\\d+\\.\\$(?:read|eval)(.*)$");

  private static final List<String> RUNNER_PACKAGES =
      List.of(
          "scala.tools.nsc.",
          "java.lang.reflect.",
          "jdk.internal.reflect.",
          "sun.reflect.",
          "dev.kindling.scala.",
          "dev.kindling.kernel.");

  private static final int MAX_OTHER_FRAMES = 8;

  private CellTraceback() {}

  /** For a Spark job failure, its deepest cause (what the user's code did); else the exception. */
  static Throwable rootCauseOfSparkFailure(Throwable thrown) {
    if (!isSparkException(thrown)) {
      return thrown;
    }
    Throwable root = thrown;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    return root;
  }

  /** Lines of the traceback: the shown exception, its frames, then its causes (or the wrapper). */
  static List<String> of(Throwable shown, Throwable thrown) {
    List<String> lines = new ArrayList<>();
    lines.add(headline(shown));
    lines.addAll(frames(shown));
    if (shown != thrown) {
      lines.add("which failed the Spark job: " + firstLine(headline(thrown)));
    } else {
      Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Throwable cause = shown.getCause();
          cause != null && seen.add(cause);
          cause = cause.getCause()) {
        lines.add("Caused by: " + headline(cause));
        lines.addAll(frames(cause));
      }
    }
    return lines;
  }

  /** Spark puts the executor's whole stack trace in a job failure's message. */
  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static String headline(Throwable t) {
    return t.getMessage() == null
        ? t.getClass().getName()
        : t.getClass().getName() + ": " + t.getMessage();
  }

  private static List<String> frames(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    int lastCellFrame = -1;
    for (int i = 0; i < stack.length; i++) {
      if (WRAPPER.matcher(stack[i].getClassName()).matches()) {
        lastCellFrame = i;
      }
    }
    List<String> lines = new ArrayList<>();
    int end = lastCellFrame >= 0 ? lastCellFrame + 1 : Math.min(stack.length, MAX_OTHER_FRAMES);
    for (int i = 0; i < end; i++) {
      StackTraceElement frame = stack[i];
      if (isRunner(frame) || isWrapperPlumbing(frame)) {
        continue;
      }
      lines.add("    at " + describe(frame));
    }
    return lines;
  }

  static String describe(StackTraceElement frame) {
    Matcher wrapper = WRAPPER.matcher(frame.getClassName());
    if (!wrapper.matches()) {
      return frame.toString();
    }
    String owner = wrapper.group(1).replaceAll("\\$+iw(?=\\$|$)", "").replaceAll("^\\$+|\\$+$", "");
    String method = frame.getMethodName();
    String name =
        method.equals("<init>") || method.equals("<clinit>")
            ? (owner.isEmpty() ? "<cell>" : owner)
            : (owner.isEmpty() ? method : owner + "." + method);
    String line = frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "";
    return name + "(<cell>" + line + ")";
  }

  private static boolean isRunner(StackTraceElement frame) {
    String name = frame.getClassName();
    return RUNNER_PACKAGES.stream().anyMatch(name::startsWith);
  }

  /** The REPL's generated $eval/$print methods, which only call the user's code. */
  private static boolean isWrapperPlumbing(StackTraceElement frame) {
    String name = frame.getClassName();
    return name.matches("^\\$line\\d+\\.\\$eval.*")
        || (name.matches("^\\$line\\d+\\.\\$read\\$?$"))
        || frame.getMethodName().equals("$print");
  }

  private static boolean isSparkException(Throwable thrown) {
    for (Class<?> type = thrown.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals("org.apache.spark.SparkException")) {
        return true;
      }
    }
    return false;
  }
}

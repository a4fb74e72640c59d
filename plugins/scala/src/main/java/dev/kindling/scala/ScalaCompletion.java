package dev.kindling.scala;

import dev.kindling.api.Completion;
import dev.kindling.api.MimeBundle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import scala.jdk.javaapi.CollectionConverters;
import scala.tools.nsc.interpreter.CompletionCandidate;
import scala.tools.nsc.interpreter.PresentationCompilationResult;
import scala.tools.nsc.interpreter.shell.Accumulator;
import scala.tools.nsc.interpreter.shell.CompletionResult;
import scala.tools.nsc.interpreter.shell.ReplCompletion;

/**
 * Completion and inspection from the REPL's presentation compiler, which sees everything earlier
 * cells defined and imported.
 */
final class ScalaCompletion {

  private ScalaCompletion() {}

  static Completion complete(ScalaRepl repl, String code, int cursor) {
    CompletionResult result =
        repl.withCompiler(
            intp -> new ReplCompletion(intp, new Accumulator()).complete(code, cursor, true));
    int start = result.cursor();
    if (start < 0 || start > cursor) {
      return Completion.none(cursor);
    }
    String prefix = code.substring(start, cursor);
    Set<String> matches = new LinkedHashSet<>();
    for (CompletionCandidate candidate : CollectionConverters.asJava(result.candidates())) {
      String name = candidate.name();
      boolean wanted =
          !name.isEmpty()
              && !name.contains("$")
              && name.startsWith(prefix)
              && (!candidate.isUniversal() || !prefix.isEmpty());
      if (wanted) {
        matches.add(name);
      }
    }
    return new Completion(new ArrayList<>(matches), start, cursor);
  }

  /** The declarations and type of the identifier at the cursor. */
  static Optional<MimeBundle> inspect(ScalaRepl repl, String code, int cursor) {
    int start = Math.min(cursor, code.length());
    while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(cursor, code.length());
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    if (start == end) {
      return Optional.empty();
    }
    String name = code.substring(start, end);
    int from = start;
    int to = end;
    List<String> lines =
        repl.withCompiler(
            intp -> {
              var compiled = intp.presentationCompile(to, code);
              if (compiled.isLeft()) {
                return List.<String>of();
              }
              PresentationCompilationResult result = compiled.toOption().get();
              try {
                return describe(result, name, from, to);
              } finally {
                result.cleanup();
              }
            });
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(MimeBundle.text(String.join("\n", lines)));
  }

  private static List<String> describe(
      PresentationCompilationResult result, String name, int start, int end) {
    Set<String> lines = new LinkedHashSet<>();
    var candidates = result.completionCandidates(true, 1)._2();
    for (CompletionCandidate candidate : CollectionConverters.asJava(candidates)) {
      if (candidate.name().equals(name)) {
        String declaration = candidate.declString().apply();
        if (!declaration.isBlank()) {
          lines.add(declaration.strip());
        }
      }
    }
    if (lines.isEmpty()) {
      String type = result.typeAt(start, end);
      if (!type.isBlank() && !type.equals("<notype>")) {
        lines.add(name + ": " + type);
      }
    }
    return new ArrayList<>(lines);
  }
}

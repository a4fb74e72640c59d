package dev.kindling.kernel.testplugin;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Comm;
import dev.kindling.api.Completion;
import dev.kindling.api.DisplayHandle;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MimeBundle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code kindling-test} language: each line of a cell is one {@link TestCommand}, run in order.
 * The cell's result is the last {@code value}/{@code point}/{@code get}, returned after every line
 * ran; {@code error} stops the cell with an error result, {@code throw} with an exception.
 */
public final class TestInterpreter implements Interpreter {

  static final LanguageInfo LANGUAGE =
      new LanguageInfo("kindling-test", "1.0", "text/x-kindling-test", ".ktest", "text", "text");

  private final KernelContext context;
  private final Map<String, DisplayHandle> updatableDisplays = new HashMap<>();
  private final AtomicBoolean interruptRequested = new AtomicBoolean();
  private Comm lastOpenedComm;

  public TestInterpreter(KernelContext context) {
    this.context = context;
  }

  @Override
  public LanguageInfo languageInfo() {
    return LANGUAGE;
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) throws Exception {
    interruptRequested.set(false);
    ExecutionResult result = ExecutionResult.empty();
    for (TestLine line : TestLine.parse(request.code())) {
      Optional<TestCommand> command = TestCommand.forWord(line.command());
      if (command.isEmpty()) {
        return error("unknown command: " + line.command());
      }
      try {
        Optional<ExecutionResult> outcome = run(command.get(), line);
        if (outcome.isPresent()) {
          if (outcome.get() instanceof ExecutionResult.Error) {
            return outcome.get();
          }
          result = outcome.get();
        }
      } catch (NumberFormatException e) {
        return error(line.command() + " needs a number: " + line.argument());
      }
    }
    return result;
  }

  /** Runs one line; a present result replaces the cell's result (or, as an error, ends it). */
  private Optional<ExecutionResult> run(TestCommand command, TestLine line) throws Exception {
    String argument = line.argument();
    switch (command) {
      case PRINT -> System.out.println(argument);
      case WRITE -> System.out.print(argument);
      case EPRINT -> System.err.println(argument);
      case VALUE -> {
        return Optional.of(ExecutionResult.value(argument));
      }
      case POINT -> {
        String[] xy = line.splitArgument();
        return Optional.of(
            ExecutionResult.value(
                new TestPoint(Long.parseLong(xy[0].strip()), Long.parseLong(xy[1].strip()))));
      }
      case DISPLAY -> {
        String[] mimeAndText = line.splitArgument();
        show(mimeAndText[0], mimeAndText[1]);
      }
      case HTML -> show("text/html", argument);
      case UPDATE -> update(line.splitArgument()[0], line.splitArgument()[1]);
      case PAGE -> context.display().page(MimeBundle.text(argument));
      case CLEAR -> context.display().clearOutput(false);
      case CLEAR_WAIT -> context.display().clearOutput(true);
      case ERROR -> {
        return Optional.of(error(argument));
      }
      case THROW -> throw new IllegalStateException(argument);
      case SLEEP -> Thread.sleep(Long.parseLong(argument.strip()));
      case BUSY -> busyWait(Long.parseLong(argument.strip()), true);
      case SPIN -> busyWait(Long.parseLong(argument.strip()), false);
      case INPUT -> {
        String answer = context.stdin().readLine(argument, false);
        System.out.println("got: " + answer);
      }
      case PASSWORD -> {
        String answer = context.stdin().readLine(argument, true);
        System.out.println("got " + answer.length() + " characters");
      }
      case THREAD -> {
        Thread printer = new Thread(() -> System.out.println(argument), "kindling-test-thread");
        printer.start();
        printer.join();
      }
      case SET -> {
        String[] nameAndValue = line.splitArgument();
        context.data().put(nameAndValue[0], nameAndValue[1]);
      }
      case GET -> {
        return Optional.of(ExecutionResult.value(String.valueOf(context.data().get(argument))));
      }
      case COMM_OPEN -> {
        Comm comm = context.comms().open(argument, Map.of("from", "kernel"));
        comm.onMessage(message -> comm.send(Map.of("echo", message.data())));
        lastOpenedComm = comm;
      }
      case COMM_SEND -> requireOpenedComm().send(Map.of("text", argument));
      case COMM_CLOSE -> requireOpenedComm().close(Map.of("from", "kernel"));
      case LSMAGIC -> listMagics();
      default -> {
        return Optional.of(
            ExecutionResult.value(TestSparkCommands.run(command, argument, context)));
      }
    }
    return Optional.empty();
  }

  private Comm requireOpenedComm() {
    if (lastOpenedComm == null) {
      throw new IllegalStateException("no comm-open ran yet");
    }
    return lastOpenedComm;
  }

  private void show(String mimeType, String text) {
    context.display().display(MimeBundle.of(mimeType, text).with(MimeBundle.TEXT_PLAIN, text));
  }

  private void update(String name, String text) {
    DisplayHandle handle = updatableDisplays.get(name);
    if (handle == null) {
      updatableDisplays.put(name, context.display().displayUpdatable(MimeBundle.text(text)));
    } else {
      handle.update(MimeBundle.text(text));
    }
  }

  private static void busyWait(long millis, boolean interruptible) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() - deadline < 0) {
      if (interruptible && Thread.interrupted()) {
        throw new InterruptedException("busy interrupted");
      }
      Thread.onSpinWait();
    }
  }

  private void listMagics() {
    for (LineMagic magic : context.magics().lineMagics()) {
      System.out.println(magic.name());
    }
    for (CellMagic magic : context.magics().cellMagics()) {
      System.out.println("%%" + magic.name());
    }
  }

  private static ExecutionResult error(String message) {
    return ExecutionResult.error("TestError", message, List.of("TestError: " + message));
  }

  @Override
  public Completion complete(String code, int cursor) {
    int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
    String beforeCursor = code.substring(lineStart, cursor);
    String word = beforeCursor.stripLeading();
    if (word.contains(" ")) {
      return Completion.none(cursor);
    }
    int wordStart = cursor - word.length();
    int wordEnd = cursor;
    while (wordEnd < code.length() && !Character.isWhitespace(code.charAt(wordEnd))) {
      wordEnd++;
    }
    return new Completion(TestCommand.wordsStartingWith(word), wordStart, wordEnd);
  }

  @Override
  public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
    int lineEnd = code.indexOf('\n', cursor);
    String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
    String word = wordAt(line, cursor - lineStart);
    return TestCommand.forWord(word).map(command -> MimeBundle.text(command.help()));
  }

  /** The word around {@code position}, or the word before it when it touches none. */
  private static String wordAt(String line, int position) {
    int end = position;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    int start = wordStart(line, position);
    if (start == end) {
      end = position;
      while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      start = wordStart(line, end);
    }
    return line.substring(start, end);
  }

  private static int wordStart(String line, int position) {
    int start = position;
    while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  @Override
  public CodeCompleteness isComplete(String code) {
    if (code.isBlank()) {
      return CodeCompleteness.complete();
    }
    List<String> physical = code.lines().filter(line -> !line.isBlank()).toList();
    if (physical.get(physical.size() - 1).endsWith("\\")) {
      return CodeCompleteness.incomplete("");
    }
    boolean allKnown =
        TestLine.parse(code).stream()
            .allMatch(line -> TestCommand.forWord(line.command()).isPresent());
    return allKnown ? CodeCompleteness.complete() : CodeCompleteness.invalid();
  }

  /** Nothing to release; declared without {@code throws} so try-with-resources needs no catch. */
  @Override
  public void close() {}

  @Override
  public void interrupt() {
    interruptRequested.set(true);
  }

  /** True once {@link #interrupt()} was called during the current (or last) cell. */
  boolean interruptRequested() {
    return interruptRequested.get();
  }
}

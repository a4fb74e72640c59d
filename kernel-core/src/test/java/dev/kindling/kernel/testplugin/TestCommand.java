package dev.kindling.kernel.testplugin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The commands of the {@code kindling-test} language, one per line: {@code COMMAND [ARGUMENT]}. */
public enum TestCommand {
  PRINT("print", "TEXT", "Print TEXT and a newline to standard output"),
  WRITE("write", "TEXT", "Write TEXT to standard output without a newline"),
  EPRINT("eprint", "TEXT", "Print TEXT and a newline to standard error"),
  VALUE("value", "TEXT", "Make TEXT the cell's result"),
  POINT("point", "X Y", "Make the point (X, Y) the cell's result, shown by the test renderer"),
  DISPLAY("display", "MIME TEXT", "Display TEXT as MIME, with a text/plain copy"),
  HTML("html", "TEXT", "Display TEXT as text/html, with a text/plain copy"),
  UPDATE("update", "NAME TEXT", "Show TEXT in the updatable display NAME, created on first use"),
  PAGE("page", "TEXT", "Show TEXT in the front end's pager (an execute_reply payload)"),
  CLEAR("clear", "", "Clear the cell's output now"),
  CLEAR_WAIT("clear-wait", "", "Clear the cell's output when the next output arrives"),
  ERROR("error", "TEXT", "Stop and fail the cell with TestError: TEXT"),
  THROW("throw", "TEXT", "Throw an IllegalStateException with message TEXT"),
  SLEEP("sleep", "MILLIS", "Sleep for MILLIS milliseconds; an interrupt stops it"),
  BUSY("busy", "MILLIS", "Busy-wait for MILLIS milliseconds; an interrupt stops it"),
  SPIN("spin", "MILLIS", "Busy-wait for MILLIS milliseconds, ignoring interrupts"),
  INPUT("input", "PROMPT", "Ask the user for a line and print it"),
  PASSWORD("password", "PROMPT", "Ask the user for a password and print its length"),
  THREAD("thread", "TEXT", "Print TEXT from a new thread and wait for that thread"),
  SET("set", "NAME VALUE", "Store VALUE under NAME in the kernel's shared data"),
  GET("get", "NAME", "Make the shared data value NAME the cell's result"),
  COMM_OPEN(
      "comm-open", "TARGET", "Open a comm to the front end's TARGET; it echoes what it receives"),
  COMM_SEND("comm-send", "TEXT", "Send {text: TEXT} on the comm the last comm-open opened"),
  COMM_CLOSE("comm-close", "", "Close the comm the last comm-open opened"),
  LSMAGIC("lsmagic", "", "Print the names of the loaded line and cell magics"),
  SPARK_COUNT("spark-count", "N", "Make spark.range(N).count() the cell's result"),
  SPARK_SLEEP("spark-sleep", "SECONDS", "Run a Spark job of 2 tasks that each sleep SECONDS"),
  SPARK_TABLE("spark-table", "N", "Make a DataFrame of N rows (id, doubled, label) the result"),
  SPARK_SQL("spark-sql", "QUERY", "Make spark.sql(QUERY) the cell's result"),
  SPARK_CONF("spark-conf", "KEY", "Make the session's setting KEY the cell's result"),
  SPARK_UI("spark-ui", "", "Make the Spark UI address (or 'no UI') the cell's result"),
  SPARK_ID("spark-id", "", "Make an id of the kernel's SparkSession object the cell's result"),
  SPARK_ACTIVE("spark-active", "", "Make 'yes' or 'no' (is a session running?) the result"),
  SPARK_CREATE(
      "spark-create", "", "Create a SparkSession as user code would (local[2], app name user)");

  private final String word;
  private final String argument;
  private final String description;

  TestCommand(String word, String argument, String description) {
    this.word = word;
    this.argument = argument;
    this.description = description;
  }

  /** The command as written in a cell, for example {@code clear-wait}. */
  public String word() {
    return word;
  }

  /** One line of help: {@code "COMMAND ARG: description"}. */
  public String help() {
    return (argument.isEmpty() ? word : word + " " + argument) + ": " + description;
  }

  /** The command spelled {@code word}, matched exactly. */
  public static Optional<TestCommand> forWord(String word) {
    return Arrays.stream(values()).filter(command -> command.word.equals(word)).findFirst();
  }

  /** The commands whose word starts with {@code prefix}, in alphabetical order. */
  public static List<String> wordsStartingWith(String prefix) {
    return Arrays.stream(values())
        .map(TestCommand::word)
        .filter(word -> word.startsWith(prefix))
        .sorted()
        .toList();
  }
}

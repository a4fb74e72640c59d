package dev.kindling.deps;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import dev.kindling.api.spark.SparkRuntime;
import dev.kindling.api.spark.SparkUnavailableException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.pf4j.Extension;

/**
 * {@code %%configure [-f]}: Spark settings for the kernel's session as sparkmagic users write them
 * (a JSON body). Before the session starts they apply when it starts; once it runs, {@code -f}
 * stops it and starts a new one with them, after saying what is lost.
 */
@Extension
public final class ConfigureMagic implements CellMagic {

  @Override
  public String name() {
    return "configure";
  }

  @Override
  public String description() {
    return "Spark settings for the session (sparkmagic's JSON); -f restarts a running session";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "%%configure [-f]",
        "{\"conf\": {\"spark.sql.shuffle.partitions\": \"4\"}, \"executorMemory\": \"2g\"}",
        "",
        "Applies the settings when the SparkSession starts. When it already runs, nothing changes",
        "unless -f is given: then the session is stopped (temporary views, cached data and values",
        "bound to it are lost) and a new one starts with the settings; Scala's spark and sc name",
        "the new session from the next cell on.",
        "Keys: conf (Spark settings), "
            + String.join(", ", new java.util.TreeSet<>(SessionSettings.KEYS.keySet()))
            + ".");
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    String flags = arguments.strip();
    if (!flags.isEmpty() && !flags.equals("-f") && !flags.equals("--force")) {
      throw new MagicUsageException("unknown argument " + flags);
    }
    boolean force = !flags.isEmpty();
    SessionSettings settings = SessionSettings.parse(body);
    SparkRuntime spark = context.spark();
    PrintStream out = System.out;
    try {
      if (!spark.startRequested()) {
        spark.configure(settings.spark());
        out.println("The SparkSession will start with these settings:");
        settings.lines().forEach(out::println);
        notes(settings, master(settings, context), out);
        return ExecutionResult.empty();
      }
      if (!force) {
        String message =
            "the SparkSession is already running, so nothing was changed. Run %%configure -f to"
                + " stop it and start a new one with these settings.";
        return ExecutionResult.error(
            "SessionRunning", message, List.of("SessionRunning: " + message));
      }
      SparkSession old = spark.session();
      out.println("Restarting Spark with these settings:");
      settings.lines().forEach(out::println);
      SessionLosses.of(old).forEach(line -> out.println(line));
      out.flush();
      SparkSession restarted = spark.restart(settings.spark());
      notes(settings, restarted.sparkContext().master(), out);
      out.println(
          "Spark restarted: application "
              + restarted.sparkContext().applicationId()
              + ", master "
              + restarted.sparkContext().master()
              + ". spark and sc name the new session in Scala cells.");
      return ExecutionResult.empty();
    } catch (UnsupportedOperationException e) {
      return ExecutionResult.error(
          "Unsupported", e.getMessage(), List.of("Unsupported: " + e.getMessage()));
    } catch (SparkUnavailableException e) {
      String message = e.getMessage() + " Run %%configure -f with other settings to try again.";
      return ExecutionResult.error(
          "SparkUnavailable", message, List.of("SparkUnavailable: " + message));
    }
  }

  private static void notes(SessionSettings settings, String master, PrintStream out) {
    List<String> notes = settings.notApplicable(master);
    if (!notes.isEmpty()) {
      out.println("These settings cannot apply here:");
      notes.forEach(note -> out.println("  " + note));
    }
  }

  /** The master the session will have: from the settings, the kernel's --conf, or local[*]. */
  private static String master(SessionSettings settings, KernelContext context) {
    String given = settings.spark().get("spark.master");
    if (given != null) {
      return given;
    }
    return context
        .configuration()
        .get("spark.master")
        .or(() -> Optional.ofNullable(System.getProperty("spark.master")))
        .orElse("local[*]");
  }
}

package dev.kindling.sql;

import dev.kindling.api.MagicUsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of {@code %%sql}.
 *
 * @param limit the most rows to show; empty for the kernel's {@code kindling.display.maxRows}
 * @param output how to show the result
 * @param variable the name to keep the DataFrame under, if any
 * @param chart the chart to add, if any
 */
record SqlOptions(
    Optional<Integer> limit,
    ResultFormat output,
    Optional<String> variable,
    Optional<Chart> chart) {

  static final String USAGE =
      "%%sql [--limit N] [--output html|text|json|csv] [--var NAME]"
          + " [--chart bar|line|scatter|area --x COLUMN --y COLUMN]\n"
          + "<Spark SQL statements, separated by ';'; the last one's result is shown>\n\n"
          + "  --limit N     show at most N rows (default: kindling.display.maxRows, 20)\n"
          + "  --output F    html (HTML and text tables, the default), text, json (adds\n"
          + "                application/json) or csv (adds text/csv)\n"
          + "  --var NAME    keep the DataFrame as kernel.data[\"NAME\"], and as a variable NAME of\n"
          + "                each of Scala, Python and R that is running\n"
          + "  --chart KIND  add a Vega-Lite chart of the shown rows, COLUMN --x against --y\n"
          + "  $name, ${expr} are replaced by values of the notebook (Scala, else kernel.data);\n"
          + "  $$ is a literal $";

  private static final Set<String> OPTIONS = Set.of("limit", "output", "var", "chart", "x", "y");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Parses the arguments of {@code %%sql}.
   *
   * @throws MagicUsageException when they are wrong
   */
  static SqlOptions parse(String arguments) {
    MagicArguments args = MagicArguments.parse(arguments, OPTIONS);
    ResultFormat output =
        args.choice("output", List.of("html", "text", "json", "csv"))
            .map(ResultFormat::named)
            .orElse(ResultFormat.HTML);
    Optional<String> variable = args.get("var");
    variable.ifPresent(
        name -> {
          if (!IDENTIFIER.matcher(name).matches()) {
            throw new MagicUsageException(
                "--var needs a name of letters, digits and _ (not starting with a digit): '"
                    + name
                    + "'");
          }
        });
    Optional<String> kind = args.choice("chart", Chart.KINDS);
    Optional<Chart> chart = Optional.empty();
    if (kind.isPresent()) {
      String x = args.get("x").orElseThrow(() -> new MagicUsageException("--chart needs --x"));
      String y = args.get("y").orElseThrow(() -> new MagicUsageException("--chart needs --y"));
      chart = Optional.of(new Chart(kind.get(), x, y));
    } else if (args.get("x").isPresent() || args.get("y").isPresent()) {
      throw new MagicUsageException("--x and --y go with --chart");
    }
    return new SqlOptions(args.positiveInt("limit"), output, variable, chart);
  }
}

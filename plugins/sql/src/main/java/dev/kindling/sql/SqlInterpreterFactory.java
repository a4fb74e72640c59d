package dev.kindling.sql;

import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * The SQL interpreter ({@code SQL}, alias {@code sparksql}): cells of Spark SQL on the kernel's
 * session. The kernelspec {@code kindling_sql} ("Kindling (SQL)") makes it the default.
 */
@Extension
public final class SqlInterpreterFactory implements InterpreterFactory {

  static final LanguageInfo LANGUAGE =
      new LanguageInfo(
          "sql",
          org.apache.spark.package$.MODULE$.SPARK_VERSION(),
          "text/x-sparksql",
          ".sql",
          "sql",
          "sql");

  @Override
  public String name() {
    return "SQL";
  }

  @Override
  public List<String> aliases() {
    return List.of("sparksql");
  }

  @Override
  public LanguageInfo languageInfo() {
    return LANGUAGE;
  }

  @Override
  public Interpreter create(KernelContext context) {
    return new SqlInterpreter(context);
  }
}

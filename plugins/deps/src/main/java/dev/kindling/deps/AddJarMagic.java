package dev.kindling.deps;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MagicUsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code %AddJar <path | file: URL | http(s): URL> [-f]}: fetches the jar into the cache (reusing a
 * cached copy unless {@code -f}) and adds it to every JVM interpreter and to Spark's executors.
 */
@Extension
public final class AddJarMagic implements LineMagic {

  @Override
  public String name() {
    return "AddJar";
  }

  @Override
  public String description() {
    return "Add a jar (path, file: or http(s): URL) to the JVM interpreters and Spark's executors";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "%AddJar <path | file:URL | http(s):URL> [-f]",
        "",
        "Fetches the jar into the kernel's cache directory and adds it to every JVM interpreter",
        "(classes usable from the next cell) and to Spark's executors (SparkContext.addJar).",
        "  -f   fetch again even if the jar is in the cache");
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) throws Exception {
    List<String> words = new ArrayList<>(Arrays.asList(arguments.strip().split("\\s+")));
    words.removeIf(String::isEmpty);
    boolean force = words.removeIf(w -> w.equals("-f") || w.equals("--force"));
    if (words.size() != 1 || words.get(0).startsWith("-")) {
      throw new MagicUsageException(
          words.isEmpty() ? "give the jar's location" : "expected one location, got " + words);
    }
    String location = words.get(0);
    JarFetcher fetcher = new JarFetcher(CacheDirectories.of(context.configuration()).jars());
    try {
      JarFetcher.FetchedJar jar = fetcher.fetch(location, force);
      new JarInstaller(context).install(List.of(jar.file()));
      System.out.println(
          (jar.reused() ? "Using cached " : "Fetched ")
              + jar.source()
              + (jar.reused()
                  ? " (" + jar.file() + "; -f fetches it again)"
                  : " to " + jar.file()));
      System.out.println("Added " + jar.file().getFileName() + " to the interpreters and Spark");
      return ExecutionResult.empty();
    } catch (DependencyException e) {
      return Errors.of(e);
    }
  }
}

package dev.kindling.sparkr;

import dev.kindling.api.AddedJarsClassLoader;
import dev.kindling.api.ChildKernel;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelInterpreter;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.ClasspathExtensible;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R cells: a real IRkernel child (through the kernel's {@code childKernels()} proxy) attached to
 * the kernel's Spark driver through Spark's RBackend running in the kernel JVM ({@link
 * SparkRBackend}). The child starts in the background as soon as the interpreter is created; a cell
 * waits for it. A start that fails (R or IRkernel missing) fails the cell with what to install, and
 * the next cell tries again ({@link ChildKernelInterpreter}). Jars added to the kernel ({@code
 * %AddJar}) reach the backend's class loader, so {@code callJStatic} and {@code newJObject} find
 * their classes.
 */
final class SparkRInterpreter extends ChildKernelInterpreter implements ClasspathExtensible {

  private static final Logger log = LoggerFactory.getLogger(SparkRInterpreter.class);

  /** Runs in the child before each cell: gives its backend thread the cell's Spark job group. */
  static final String ENTER_CELL = ".enterCell()";

  /** Errors of {@link #ENTER_CELL} after which the cell itself is not run. */
  private static final Set<String> ENDS_THE_CELL = Set.of("Interrupted", "KernelDied", "Aborted");

  private final KernelContext context;
  private final String r;
  private final LanguageInfo language;
  private final SparkRBridge bridge;
  private final AddedJarsClassLoader jars =
      new AddedJarsClassLoader("kindling-sparkr-jars", SparkRInterpreter.class.getClassLoader());
  private SparkRBackend backend;

  SparkRInterpreter(KernelContext context, LanguageInfo language) {
    super("SparkR");
    this.context = context;
    this.r = SparkRSettings.r(context.configuration());
    this.language = language;
    this.bridge = new SparkRBridge(context);
    startInBackground();
  }

  @Override
  protected ChildKernel startChild()
      throws SparkRSetupException, ChildKernelException, InterruptedException {
    REnvironment.probe(r).requireIrkernel();
    synchronized (this) {
      if (backend == null) {
        backend = SparkRBackend.start(bridge, jars);
      }
    }
    Map<String, String> env = new HashMap<>(backend.environment());
    env.put("KINDLING_SPARKR_LIB", RSources.directory().toString());
    if (SparkRSettings.useSparkR(context.configuration())) {
      env.put("KINDLING_SPARKR_PACKAGE", sparkRLibrary(System.getenv("SPARK_HOME")).toString());
    }
    return context.childKernels().start(spec(r, env));
  }

  /**
   * The R library holding Spark's own SparkR package ({@code $SPARK_HOME/R/lib}).
   *
   * @throws SparkRSetupException when there is none
   */
  static Path sparkRLibrary(String sparkHome) throws SparkRSetupException {
    if (sparkHome == null || sparkHome.isBlank()) {
      throw new SparkRSetupException(
          SparkRSettings.USE_SPARKR
              + " is set, but SPARK_HOME is not: SparkR is loaded from"
              + " $SPARK_HOME/R/lib/SparkR.");
    }
    Path library = Path.of(sparkHome, "R", "lib");
    if (!Files.isRegularFile(library.resolve("SparkR").resolve("DESCRIPTION"))) {
      throw new SparkRSetupException(
          SparkRSettings.USE_SPARKR
              + " is set, but there is no SparkR package at "
              + library.resolve("SparkR")
              + " (a Spark distribution built with SparkR has it).");
    }
    return library;
  }

  /** The IRkernel child: IRkernel's own kernelspec argv, interrupted by SIGINT. */
  static ChildKernelSpec spec(String r, Map<String, String> environment) {
    return ChildKernelSpec.of(
            "SparkR",
            List.of(
                r, "--slave", "-e", "IRkernel::main()", "--args", ChildKernelSpec.CONNECTION_FILE))
        .withEnvironment(environment)
        .withStartupCode(RSources.bootstrap())
        .withInterruptMode(ChildKernelSpec.InterruptMode.SIGNAL);
  }

  @Override
  protected String startErrorName(Throwable cause) {
    return cause instanceof SparkRSetupException ? "SparkRSetupError" : "SparkRStartError";
  }

  @Override
  public LanguageInfo languageInfo() {
    return language;
  }

  /** Hands the child's backend thread the cell's Spark job group before the cell runs. */
  @Override
  protected Optional<ExecutionResult> beforeCell(ChildKernel kernel, ExecutionRequest request)
      throws Exception {
    ExecutionResult entered =
        kernel.execute(
            new ExecutionRequest(ENTER_CELL, request.executionCount(), true, false, false));
    if (entered instanceof ExecutionResult.Error) {
      ExecutionResult.Error error = (ExecutionResult.Error) entered;
      if (ENDS_THE_CELL.contains(error.name())) {
        return Optional.of(entered); // interrupted before the cell began, or the child died
      }
      log.warn("SparkR could not give the cell its job group: {}", error.message());
    }
    return Optional.empty();
  }

  @Override
  public synchronized void close() {
    super.close();
    if (backend != null) {
      backend.close();
    }
    jars.close();
  }

  /**
   * Classes in {@code added} become resolvable from R ({@code callJStatic}, {@code newJObject}).
   */
  @Override
  public void addJars(List<Path> added) {
    jars.addJars(added);
  }
}

package dev.kindling.pyspark;

import dev.kindling.api.AddedJarsClassLoader;
import dev.kindling.api.ChildKernel;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelInterpreter;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.ClasspathExtensible;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Python cells: a real ipykernel child (through the kernel's {@code childKernels()} proxy) attached
 * to the kernel's Spark driver through a {@link PySparkGateway}. The child starts in the background
 * as soon as the interpreter is created; a cell waits for it. A start that fails (Python, ipykernel
 * or pyspark missing, versions that differ) fails the cell with the reason and the fix, and the
 * next cell tries again ({@link ChildKernelInterpreter}). Jars added to the kernel ({@code
 * %AddJar}) reach the gateway's class loader, so {@code spark._jvm} finds their classes.
 */
final class PySparkInterpreter extends ChildKernelInterpreter implements ClasspathExtensible {

  static final String BOOTSTRAP = "/dev/kindling/pyspark/bootstrap.py";

  private final KernelContext context;
  private final String python;
  private final LanguageInfo language;
  private final PySparkBridge bridge;
  private final AddedJarsClassLoader jars =
      new AddedJarsClassLoader("kindling-pyspark-jars", SparkSession.class.getClassLoader());
  private PySparkGateway gateway;

  PySparkInterpreter(KernelContext context, LanguageInfo language) {
    super("PySpark");
    this.context = context;
    this.python = PySparkSettings.python(context.configuration());
    this.language = language;
    this.bridge = new PySparkBridge(context);
    startInBackground();
  }

  @Override
  protected ChildKernel startChild()
      throws PySparkSetupException, ChildKernelException, InterruptedException {
    PythonEnvironment environment = PythonEnvironment.probe(python);
    environment.requireUsableWith(SparkVersion.get());
    synchronized (this) {
      if (gateway == null) {
        gateway = PySparkGateway.start(bridge, jars);
      }
    }
    Map<String, String> env = new HashMap<>(gateway.environment());
    env.put("PYSPARK_PYTHON", python);
    env.put("JPY_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
    // ipykernel imports debugpy, which warns on stderr about frozen modules otherwise.
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    ChildKernelSpec spec =
        ChildKernelSpec.of(
                "PySpark",
                List.of(python, "-m", "ipykernel_launcher", "-f", ChildKernelSpec.CONNECTION_FILE))
            .withEnvironment(env)
            .withStartupCode(bootstrap());
    return context.childKernels().start(spec);
  }

  static String bootstrap() {
    try (InputStream in = PySparkInterpreter.class.getResourceAsStream(BOOTSTRAP)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BOOTSTRAP);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected String startErrorName(Throwable cause) {
    return cause instanceof PySparkSetupException ? "PySparkSetupError" : "PySparkStartError";
  }

  @Override
  public LanguageInfo languageInfo() {
    return language;
  }

  /** IPython has magics of its own (%%timeit, %%capture, ...): unclaimed ones go to it. */
  @Override
  public boolean understandsMagics() {
    return true;
  }

  /** Classes in {@code added} become resolvable from Python through {@code spark._jvm}. */
  @Override
  public void addJars(List<Path> added) {
    jars.addJars(added);
  }

  @Override
  public synchronized void close() {
    super.close();
    if (gateway != null) {
      gateway.close();
    }
    jars.close();
  }
}

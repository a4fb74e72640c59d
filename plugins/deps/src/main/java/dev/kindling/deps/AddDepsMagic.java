package dev.kindling.deps;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * {@code %AddDeps}: resolves a Maven dependency (transitively by default) into the kernel's Maven
 * cache and adds the jars the kernel does not have yet, as {@code %AddJar} does.
 */
@Extension
public final class AddDepsMagic implements LineMagic {

  /** Kernel setting: {@code false} leaves Maven Central out of the repositories. */
  static final String CENTRAL_SETTING = "kindling.deps.central";

  @Override
  public String name() {
    return "AddDeps";
  }

  @Override
  public String description() {
    return "Resolve a Maven dependency and add its jars to the JVM interpreters and Spark";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "%AddDeps group:artifact:version [options]",
        "%AddDeps group::artifact:version [options]   (artifact_" + ScalaVersions.binary() + ")",
        "%AddDeps group artifact version [options]",
        "",
        "Resolves with Maven Resolver (Maven Central and the given repositories) into the",
        "kernel's cache and adds the jars the kernel does not have yet, as %AddJar does.",
        "  --transitive            with its dependencies (the default)",
        "  --intransitive          the artifact alone",
        "  --repository URL        another repository, before Maven Central (repeatable)",
        "  --exclude group[:art]   leave these dependencies out (repeatable)",
        "  --verbose               show downloads and what the kernel already has");
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) throws Exception {
    DependencyArguments request = DependencyArguments.parse(arguments, ScalaVersions.binary());
    CacheDirectories cache = CacheDirectories.of(context.configuration());
    boolean central =
        !"false".equalsIgnoreCase(context.configuration().get(CENTRAL_SETTING, "true").strip());
    KernelArtifacts kernel = KernelArtifacts.ofClassPath().with(context.classpath().jars());
    try {
      MavenResolver.Resolution resolution =
          new MavenResolver(cache.maven(), central).resolve(request, kernel, System.out);
      resolution.conflicts().forEach(System.out::println);
      if (request.verbose()) {
        resolution.provided().forEach(p -> System.out.println("Already in the kernel: " + p));
      }
      Set<Path> known = Set.copyOf(context.classpath().jars());
      List<MavenResolver.Resolved> fresh =
          resolution.jars().stream()
              .filter(jar -> !known.contains(jar.file().toAbsolutePath().normalize()))
              .toList();
      new JarInstaller(context).install(fresh.stream().map(MavenResolver.Resolved::file).toList());
      if (fresh.isEmpty()) {
        System.out.println("Nothing to add: the kernel already has " + request.coordinate());
      } else {
        System.out.println(
            "Added "
                + fresh.stream()
                    .map(MavenResolver.Resolved::coordinate)
                    .collect(Collectors.joining(", ")));
      }
      return ExecutionResult.empty();
    } catch (DependencyException e) {
      return Errors.of(e);
    }
  }
}

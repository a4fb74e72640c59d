package dev.kindling.deps;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.graph.selector.AndDependencySelector;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

/**
 * Resolves a dependency with Maven Resolver into jars in the local cache repository. What the
 * kernel already has ({@link KernelArtifacts}) is neither downloaded nor returned: resolution does
 * not descend into it, and a different version than the kernel's is reported as a conflict.
 */
final class MavenResolver {

  static final RemoteRepository CENTRAL =
      new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/")
          .build();

  private static volatile RepositorySystem system;

  private final Path localRepository;
  private final boolean useCentral;

  MavenResolver(Path localRepository, boolean useCentral) {
    this.localRepository = localRepository;
    this.useCentral = useCentral;
  }

  /**
   * What a resolution found.
   *
   * @param jars the jars to add, dependencies after the artifacts that need them
   * @param provided artifacts the kernel already has, as {@code group:artifact:version}
   * @param conflicts one line per artifact wanted in another version than the kernel has
   */
  record Resolution(List<Resolved> jars, List<String> provided, List<String> conflicts) {}

  /** A resolved artifact and its file in the local repository. */
  record Resolved(String coordinate, Path file) {}

  Resolution resolve(DependencyArguments request, KernelArtifacts kernel, PrintStream log)
      throws DependencyException {
    Coordinate root = request.coordinate();
    KernelProvidedSelector kernelSelector = new KernelProvidedSelector(kernel);
    Optional<String> kernelVersion = kernel.version(root.group(), root.artifact());
    if (kernelVersion.isPresent()) {
      String line = root.key() + ":" + kernelVersion.get();
      List<String> conflicts =
          kernelVersion.get().equals(root.version())
              ? List.of()
              : List.of(
                  "Warning: "
                      + root
                      + " was asked for, but the kernel already has "
                      + line
                      + "; the kernel's version stays in use");
      return new Resolution(List.of(), List.of(line), conflicts);
    }
    List<RemoteRepository> repositories = repositories(request.repositories());
    RepositorySystem repositorySystem = system();
    DefaultRepositorySystemSession session = session(repositorySystem, request.verbose(), log);
    session.setDependencySelector(
        new AndDependencySelector(session.getDependencySelector(), kernelSelector));
    Artifact artifact = new DefaultArtifact(root.group(), root.artifact(), "jar", root.version());
    List<ArtifactResult> results;
    try {
      if (request.transitive()) {
        List<Exclusion> exclusions =
            request.excludes().stream()
                .map(e -> new Exclusion(e.group(), e.artifact(), "*", "*"))
                .toList();
        CollectRequest collect =
            new CollectRequest(
                new Dependency(artifact, JavaScopes.COMPILE, false, exclusions), repositories);
        results =
            repositorySystem
                .resolveDependencies(
                    session,
                    new DependencyRequest(
                        collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME)))
                .getArtifactResults();
      } else {
        results =
            List.of(
                repositorySystem.resolveArtifact(
                    session, new ArtifactRequest(artifact, repositories, null)));
      }
    } catch (RepositoryException e) {
      throw new DependencyException(
          "ResolutionFailed",
          "could not resolve " + root + " from " + describe(repositories) + ": " + reason(e),
          e);
    }
    List<Resolved> jars = new ArrayList<>();
    for (ArtifactResult result : results) {
      Artifact resolved = result.getArtifact();
      if (resolved != null && resolved.getFile() != null) {
        jars.add(
            new Resolved(
                resolved.getGroupId()
                    + ":"
                    + resolved.getArtifactId()
                    + ":"
                    + resolved.getVersion(),
                resolved.getFile().toPath()));
      }
    }
    return new Resolution(jars, kernelSelector.provided(), kernelSelector.conflicts());
  }

  private List<RemoteRepository> repositories(List<URI> urls) {
    List<RemoteRepository> repositories = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      RemoteRepository.Builder builder =
          new RemoteRepository.Builder("repository-" + (i + 1), "default", urls.get(i).toString());
      if ("file".equalsIgnoreCase(urls.get(i).getScheme())) {
        // A directory on this machine rarely has checksum files; nothing travels a network.
        RepositoryPolicy local =
            new RepositoryPolicy(
                true,
                RepositoryPolicy.UPDATE_POLICY_DAILY,
                RepositoryPolicy.CHECKSUM_POLICY_IGNORE);
        builder.setReleasePolicy(local).setSnapshotPolicy(local);
      }
      repositories.add(builder.build());
    }
    if (useCentral) {
      repositories.add(CENTRAL);
    }
    return repositories;
  }

  private DefaultRepositorySystemSession session(
      RepositorySystem repositorySystem, boolean verbose, PrintStream log) {
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(
        repositorySystem.newLocalRepositoryManager(
            session, new LocalRepository(localRepository.toFile())));
    // A missing artifact is looked for again next time (it may have been published since).
    session.setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(false, false));
    session.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_WARN);
    session.setConfigProperty("aether.connector.connectTimeout", 15_000);
    session.setConfigProperty("aether.connector.requestTimeout", 120_000);
    if (verbose) {
      session.setTransferListener(
          new AbstractTransferListener() {
            @Override
            public void transferSucceeded(TransferEvent event) {
              log.println(
                  "Downloaded "
                      + event.getResource().getRepositoryUrl()
                      + event.getResource().getResourceName());
            }
          });
    }
    return session;
  }

  private static RepositorySystem system() {
    RepositorySystem found = system;
    if (found == null) {
      synchronized (MavenResolver.class) {
        if (system == null) {
          system = new RepositorySystemSupplier().get();
        }
        found = system;
      }
    }
    return found;
  }

  private static String describe(List<RemoteRepository> repositories) {
    return repositories.stream().map(r -> r.getUrl()).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The most specific message in the exception's causes. */
  private static String reason(Throwable e) {
    String message = e.getMessage();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message;
  }
}

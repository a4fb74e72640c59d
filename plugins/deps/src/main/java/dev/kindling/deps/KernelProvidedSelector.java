package dev.kindling.deps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionContext;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.Dependency;

/**
 * Leaves out of a resolution every artifact the kernel already has (and so everything below it),
 * remembering each, and a conflict line when the version wanted differs from the kernel's.
 */
final class KernelProvidedSelector implements DependencySelector {

  private final KernelArtifacts kernel;
  private final Set<String> provided = new LinkedHashSet<>();
  private final Set<String> conflicts = new LinkedHashSet<>();

  KernelProvidedSelector(KernelArtifacts kernel) {
    this.kernel = kernel;
  }

  @Override
  public boolean selectDependency(Dependency dependency) {
    Artifact artifact = dependency.getArtifact();
    Optional<String> version = kernel.version(artifact.getGroupId(), artifact.getArtifactId());
    if (version.isEmpty()) {
      return true;
    }
    String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
    synchronized (this) {
      provided.add(key + ":" + version.get());
      if (!version.get().equals(artifact.getVersion())) {
        conflicts.add(
            "Warning: version conflict: "
                + key
                + ":"
                + artifact.getVersion()
                + " is wanted, the kernel has "
                + version.get()
                + "; the kernel's version stays in use");
      }
    }
    return false;
  }

  @Override
  public DependencySelector deriveChildSelector(DependencyCollectionContext context) {
    return this;
  }

  synchronized List<String> provided() {
    return new ArrayList<>(provided);
  }

  synchronized List<String> conflicts() {
    return new ArrayList<>(conflicts);
  }
}

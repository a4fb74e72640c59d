package dev.kindling.deps;

import dev.kindling.api.ExecutionResult;
import java.util.List;

/** A {@link DependencyException} as the cell's error. */
final class Errors {

  private Errors() {}

  static ExecutionResult of(DependencyException e) {
    return ExecutionResult.error(
        e.errorName(), e.getMessage(), List.of(e.errorName() + ": " + e.getMessage()));
  }
}

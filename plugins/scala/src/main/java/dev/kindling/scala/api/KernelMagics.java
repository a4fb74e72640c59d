package dev.kindling.scala.api;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import java.util.Optional;
import scala.Dynamic;
import scala.runtime.BoxedUnit;

/**
 * {@code kernel.magics}: runs a magic by name, as Toree did: {@code kernel.magics.addJar("x.jar")}
 * runs line magic {@code %addJar x.jar}; a cell magic gets the argument as its body. A magic's
 * value is returned, a failure is thrown as {@link MagicFailedException}.
 */
public final class KernelMagics implements Dynamic {

  private final KernelContext context;

  KernelMagics(KernelContext context) {
    this.context = context;
  }

  /** {@code kernel.magics.name(args)} is {@code kernel.magics.applyDynamic("name")(args)}. */
  public MagicCall applyDynamic(String name) {
    return new MagicCall(name);
  }

  /** {@code kernel.magics.name} without arguments. */
  public Object selectDynamic(String name) {
    return run(name, "");
  }

  /** Runs magic {@code name} with {@code arguments}. */
  public Object run(String name, String arguments) {
    Optional<LineMagic> line = context.magics().lineMagic(name);
    Optional<CellMagic> cell = context.magics().cellMagic(name);
    try {
      if (line.isPresent()) {
        return unwrap(name, line.get().run(arguments.strip(), context));
      }
      if (cell.isPresent()) {
        ExecutionRequest request = new ExecutionRequest(arguments, 0, false, false, false);
        return unwrap(name, cell.get().run("", arguments, request, context));
      }
    } catch (MagicFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MagicFailedException(name, e.getMessage(), e);
    } catch (Exception e) {
      throw new MagicFailedException(name, e.toString(), e);
    }
    throw new MagicFailedException(name, "no magic named " + name, null);
  }

  private static Object unwrap(String name, ExecutionResult result) {
    if (result instanceof ExecutionResult.Value value) {
      return value.value();
    }
    if (result instanceof ExecutionResult.Error error) {
      throw new MagicFailedException(name, error.name() + ": " + error.message(), null);
    }
    return BoxedUnit.UNIT;
  }

  /** One pending call {@code kernel.magics.name}, applied to its arguments. */
  public final class MagicCall {
    private final String name;

    MagicCall(String name) {
      this.name = name;
    }

    public Object apply() {
      return run(name, "");
    }

    public Object apply(String arguments) {
      return run(name, arguments);
    }
  }

  /** A magic run from Scala code failed. */
  public static final class MagicFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MagicFailedException(String magic, String message, Throwable cause) {
      super("%" + magic + ": " + message, cause);
    }
  }
}

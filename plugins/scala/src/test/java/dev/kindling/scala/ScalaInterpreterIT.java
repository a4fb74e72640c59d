package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionResult;
import org.junit.jupiter.api.Test;

class ScalaInterpreterIT {

  private final ScalaSession scala = ScalaSession.shared();

  @Test
  void theLastExpressionIsTheResultAsTheReplPrintsIt() throws Exception {
    assertThat(scala.run("6*7").text()).isEqualTo("42");
    assertThat(scala.run("List(1, 2, 3).map(_ * 2)").text()).isEqualTo("List(2, 4, 6)");
    assertThat(scala.run("Array(1, 2)").text()).isEqualTo("Array(1, 2)");
    assertThat(scala.run("\"plain\"").text()).isEqualTo("plain");
  }

  @Test
  void definitionsPersistAcrossCells() throws Exception {
    scala.run("val base = 40");
    scala.run("def add(x: Int) = base + x");
    assertThat(scala.run("add(2)").text()).isEqualTo("42");
  }

  @Test
  void classesObjectsCompanionsAndImportsWork() throws Exception {
    ScalaSession.Run defined =
        scala.run(
            """
            import scala.collection.mutable.ListBuffer
            case class Point(x: Int, y: Int) { def norm1 = x.abs + y.abs }
            object Point { def origin = Point(0, 0) }
            class Counter { private val seen = ListBuffer[Int](); def add(i: Int) = { seen += i; seen.size } }
            trait Shape { def area: Double }
            """);
    assertThat(defined.result()).isEqualTo(ExecutionResult.empty());
    assertThat(defined.out()).contains("class Point", "object Point", "class Counter");
    assertThat(scala.run("Point(3, -4).norm1 + Point.origin.x").text()).isEqualTo("7");
    assertThat(scala.run("val c = new Counter; c.add(1); c.add(5)").text()).isEqualTo("2");
  }

  @Test
  void definitionsEchoAsStreamOutputAndExpressionsDoNot() throws Exception {
    ScalaSession.Run run = scala.run("val answer = 41 + 1");
    assertThat(run.result()).isEqualTo(ExecutionResult.empty());
    assertThat(run.out()).isEqualTo("val answer: Int = 42\n");
    assertThat(scala.run("answer").out()).isEmpty();
  }

  @Test
  void theEchoSettingTurnsDefinitionEchoOff() throws Exception {
    scala.settings.put(ScalaInterpreter.ECHO_SETTING, "false");
    try {
      assertThat(scala.run("val quiet = 1").out()).isEmpty();
      assertThat(scala.run("quiet + 1").text()).isEqualTo("2");
    } finally {
      scala.settings.remove(ScalaInterpreter.ECHO_SETTING);
    }
  }

  @Test
  void addedJarsAreOnTheClassPathOfLaterCells(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path jar = dir.resolve("greeting.jar");
    try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("greeting/hello.txt"));
      out.write("hello from a jar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    scala.run("kernel.addJars(\"" + jar.toString().replace("\\", "/") + "\")");
    assertThat(
            scala
                .run(
                    "scala.io.Source.fromInputStream(getClass.getClassLoader"
                        + ".getResourceAsStream(\"greeting/hello.txt\")).mkString")
                .text())
        .isEqualTo("hello from a jar");
  }

  @Test
  void printlnGoesToStandardOutputAndUnitHasNoResult() throws Exception {
    ScalaSession.Run run = scala.run("println(\"hello\"); System.err.println(\"oops\")");
    assertThat(run.out()).isEqualTo("hello\n");
    assertThat(run.err()).isEqualTo("oops\n");
    assertThat(run.result()).isEqualTo(ExecutionResult.empty());
  }

  @Test
  void aCompileErrorPointsAtTheCellsLineAndColumn() throws Exception {
    ExecutionResult.Error error = scala.run("val a = 1\nval b = a + undefinedThing").error();
    assertThat(error.name()).isEqualTo("CompileError");
    assertThat(error.message()).startsWith("line 2, column 13: not found: value undefinedThing");
    assertThat(String.join("\n", error.traceback()))
        .contains("val b = a + undefinedThing\n            ^");
  }

  @Test
  void anUnfinishedCellIsACompileError() throws Exception {
    ExecutionResult.Error error = scala.run("def f(x: Int) = {\n  x + 1").error();
    assertThat(error.name()).isEqualTo("CompileError");
    assertThat(error.message()).contains("incomplete");
  }

  @Test
  void aRuntimeExceptionShowsItsClassMessageAndTheCellsFrames() throws Exception {
    scala.run("def divide(a: Int, b: Int) = a / b");
    ExecutionResult.Error error = scala.run("val zero = 0\ndivide(1, zero)").error();
    assertThat(error.name()).isEqualTo("java.lang.ArithmeticException");
    assertThat(error.message()).isEqualTo("/ by zero");
    assertThat(error.traceback().get(0)).isEqualTo("java.lang.ArithmeticException: / by zero");
    assertThat(error.traceback()).anyMatch(line -> line.equals("    at divide(<cell>:1)"));
    assertThat(error.traceback()).anyMatch(line -> line.equals("    at <cell>(<cell>:2)"));
    assertThat(error.traceback()).noneMatch(line -> line.contains("scala.tools.nsc"));
    assertThat(error.traceback()).noneMatch(line -> line.contains("$line"));
  }

  @Test
  void aCellOfOnlyCommentsSucceedsWithoutResult() throws Exception {
    scala.run("throw new IllegalStateException(\"earlier\")");
    assertThat(scala.run("// just a note\n/* and another */").result())
        .isEqualTo(ExecutionResult.empty());
  }

  @Test
  void theInterpreterStaysUsableAfterErrors() throws Exception {
    scala.run("throw new IllegalStateException(\"boom\")");
    scala.run("nonsense(");
    assertThat(scala.run("1 + 1").text()).isEqualTo("2");
  }

  @Test
  void standardInputReadsFromTheFrontEnd() throws Exception {
    scala.context.answerInput("Ada");
    assertThat(scala.run("scala.io.StdIn.readLine()").text()).isEqualTo("Ada");
  }
}

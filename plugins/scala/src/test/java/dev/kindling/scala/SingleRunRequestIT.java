package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;

/**
 * {@link SingleRunRequest} against Scala's own REPL: the same cells, run by a {@link ScalaRepl} and
 * by a plain {@link IMain#interpret}, give the same echo, the same result and the same type.
 */
class SingleRunRequestIT {

  /** The REPL's line for a cell's result value: {@code val res3: Int = 42}. */
  private static final Pattern RESULT_LINE =
      Pattern.compile("(?s)(.*?)val (res\\d+): ([^\\n]*?) = (.*)\\n?$");

  @TempDir static Path outputDir;

  private static ScalaRepl repl;
  private static IMain reference;
  private static CellReporter referenceEcho;

  private final PrintStream discard = new PrintStream(OutputStream.nullOutputStream());

  @BeforeAll
  static void startBothRepls() {
    List<Path> classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
    ClassLoader parent = SingleRunRequestIT.class.getClassLoader();
    repl = ScalaRepl.create(classPath, outputDir, parent);
    Settings settings = new Settings();
    settings.processArguments(
        CollectionConverters.asScala(
                List.of("-Yrepl-class-based", "-classpath", ReplClassPath.asString(classPath)))
            .toList(),
        true);
    referenceEcho = CellReporter.create(settings);
    reference = new IMain(settings, Option.apply(parent), settings, referenceEcho);
    assertThat(reference.initializeCompiler()).isTrue();
  }

  @AfterAll
  static void close() {
    repl.close();
    reference.close();
  }

  @Test
  void definitionsEchoAsInScalasRepl() {
    sameAsTheRepl("val x = 1");
    sameAsTheRepl("var y = \"a\"; y = \"b\"");
    sameAsTheRepl("var counter = 0");
    sameAsTheRepl("counter += 1");
    sameAsTheRepl("lazy val z = { println(\"evaluated\"); 3 }");
    sameAsTheRepl("def twice(n: Int): Int = n * 2");
    sameAsTheRepl("def poly[A](a: A)(implicit o: Ordering[A]): List[A] = List(a)");
    sameAsTheRepl("class A; trait B; object C; case class D(i: Int); type E = Int");
    sameAsTheRepl("val List(first, second) = List(1, 2)");
    sameAsTheRepl("implicit val descending: Ordering[Int] = Ordering.Int.reverse");
    sameAsTheRepl("private val hidden = 1; val shown = hidden + 1");
    sameAsTheRepl("import scala.util.Try");
    sameAsTheRepl("val `odd name` = 1");
    sameAsTheRepl("println(\"printed\")");
    sameAsTheRepl("val lines = \"one\\ntwo\"");
  }

  @Test
  void symbolicNamesEchoAsWrittenNotEncoded() {
    // Scala's REPL prints this definition as "def $plus$plus$plus(s: String): String".
    ReplOutcome outcome = run("def +++(s: String) = s + s");
    assertThat(((ReplOutcome.Success) outcome).echo()).isEqualTo("def +++(s: String): String\n");
  }

  @Test
  void resultsAndTheirTypesAreThoseOfScalasRepl() {
    sameAsTheRepl("6 * 7");
    sameAsTheRepl("val xs = (1 to 3).toList; xs.map(_ * 2)");
    sameAsTheRepl("List(Some(1), None)");
    sameAsTheRepl("null: String");
    sameAsTheRepl("Map(1 -> \"a\")");
  }

  @Test
  void aValueClassCellUsesObjectWrappersAndStillRuns() {
    sameAsTheRepl("class Meter(val v: Double) extends AnyVal { def twice = new Meter(v * 2) }");
    sameAsTheRepl("new Meter(2.5).twice.v");
  }

  @Test
  void aCellThatThrowsKeepsItsExceptionAsLastException() {
    assertThat(thrownBy("val broken = 1 / 0")).isInstanceOf(ArithmeticException.class);
    assertThat(resultOf("lastException.getMessage")).isEqualTo("/ by zero");
    assertThat(run("broken")).isInstanceOf(ReplOutcome.CompileFailure.class);
  }

  @Test
  void aStackOverflowFailsTheCellAndTheReplGoesOn() {
    assertThat(thrownBy("def down(n: Int): Int = down(n + 1) + 1\ndown(0)"))
        .isInstanceOf(StackOverflowError.class);
    assertThat(resultOf("40 + 2")).isEqualTo(42);
  }

  @Test
  void aDefinitionThatCannotBeShownFailsTheCellButStaysDefined() {
    assertThat(
            thrownBy(
                "class Unprintable { override def toString: String = throw new IllegalStateException(\"no text\") }\n"
                    + "val unprintable = new Unprintable"))
        .hasMessage("no text");
    assertThat(resultOf("unprintable.getClass.getSimpleName")).isEqualTo("Unprintable");
  }

  private ReplOutcome run(String cell) {
    return repl.run(cell, discard, discard, new BufferedReader(new StringReader("")));
  }

  /** What {@code cell} threw; fails unless it compiled and threw. */
  private Throwable thrownBy(String cell) {
    ReplOutcome outcome = run(cell);
    assertThat(outcome).as(cell).isInstanceOf(ReplOutcome.RuntimeFailure.class);
    return ((ReplOutcome.RuntimeFailure) outcome).exception();
  }

  /** The value of {@code cell}'s last expression; fails unless it ran and has one. */
  private Object resultOf(String cell) {
    ReplOutcome outcome = run(cell);
    assertThat(outcome).as(cell).isInstanceOf(ReplOutcome.Success.class);
    return ((ReplOutcome.Success) outcome).value().orElseThrow().value();
  }

  private void sameAsTheRepl(String cell) {
    referenceEcho.startCell(discard);
    assertThat(reference.interpret(cell)).isEqualTo(Results.Success$.MODULE$);
    String expected = referenceEcho.echo();
    ReplOutcome outcome = run(cell);
    assertThat(outcome).as(cell).isInstanceOf(ReplOutcome.Success.class);
    ReplOutcome.Success success = (ReplOutcome.Success) outcome;
    Matcher result = RESULT_LINE.matcher(expected);
    if (result.matches()) {
      assertThat(success.echo()).as(cell).isEqualTo(result.group(1));
      ReplOutcome.ResultValue value = success.value().orElseThrow();
      // Numbers differ when other tests ran cells in only one of the two REPLs.
      assertThat(value.name()).as(cell).matches("res\\d+");
      assertThat(value.type()).as(cell).isEqualTo(result.group(3));
      assertThat(ReplStrings.of(value.value())).as(cell).isEqualTo(result.group(4).strip());
    } else {
      assertThat(success.echo()).as(cell).isEqualTo(expected);
      assertThat(success.value()).as(cell).isEmpty();
    }
  }
}

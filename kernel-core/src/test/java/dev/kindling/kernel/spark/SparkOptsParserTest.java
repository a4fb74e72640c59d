package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkOptsParserTest {

  @Test
  void readsTheOptionsOfASparkSubmitCommandLine() {
    SparkOptsParser.Parsed parsed =
        SparkOptsParser.parse(
            "--master local[2] --conf spark.sql.shuffle.partitions=7 --name 'My app'"
                + " --driver-memory 2g --jars /a.jar --jars=/b.jar --conf=spark.x=y");

    assertThat(parsed.settings())
        .containsEntry("spark.master", "local[2]")
        .containsEntry("spark.sql.shuffle.partitions", "7")
        .containsEntry("spark.app.name", "My app")
        .containsEntry("spark.driver.memory", "2g")
        .containsEntry("spark.jars", "/a.jar,/b.jar")
        .containsEntry("spark.x", "y");
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void quotedConfValuesKeepTheirSpaces() {
    SparkOptsParser.Parsed parsed =
        SparkOptsParser.parse("--conf \"spark.driver.extraJavaOptions=-Da=1 -Db=2\"");

    assertThat(parsed.settings())
        .containsExactlyEntriesOf(java.util.Map.of("spark.driver.extraJavaOptions", "-Da=1 -Db=2"));
  }

  @Test
  void unknownOptionsAndPackagesAreWarnedAboutNotFatal() {
    SparkOptsParser.Parsed parsed =
        SparkOptsParser.parse(
            "--verbose --packages org.x:y:1.0 --conf novalue --master yarn --deploy-mode cluster");

    assertThat(parsed.settings())
        .containsExactlyEntriesOf(java.util.Map.of("spark.master", "yarn"));
    assertThat(parsed.warnings())
        .hasSize(4)
        .anySatisfy(w -> assertThat(w).contains("unknown option --verbose"))
        .anySatisfy(w -> assertThat(w).contains("--packages org.x:y:1.0 is not supported"))
        .anySatisfy(w -> assertThat(w).contains("--conf novalue is not key=value"))
        .anySatisfy(w -> assertThat(w).contains("--deploy-mode cluster ignored"));
  }

  @Test
  void anOptionWithoutItsValueIsReported() {
    assertThat(SparkOptsParser.parse("--master").warnings())
        .containsExactly("SPARK_OPTS: --master needs a value; ignored");
  }
}

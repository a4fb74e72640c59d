package dev.kindling.api.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  private final TextTable table =
      TextTable.firstRows(
          List.of("id", "label"),
          List.of(List.of("1", "<b>&\"x\"</b>"), List.of("22", "null")),
          true);

  @Test
  void htmlEscapesValuesAndNotesTruncation() {
    assertThat(table.html())
        .contains("<th>id</th><th>label</th>")
        .contains("<td>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</td>")
        .contains("<td>null</td>")
        .endsWith("<p>showing first 2 rows</p>");
  }

  @Test
  void textIsARuledTableLikeShow() {
    assertThat(table.text())
        .isEqualTo(
            String.join(
                "\n",
                "+---+-----------+",
                "| id|      label|",
                "+---+-----------+",
                "|  1|<b>&\"x\"</b>|",
                "| 22|       null|",
                "+---+-----------+",
                "showing first 2 rows"));
  }

  @Test
  void noNoteWhenEveryRowIsShown() {
    TextTable all = TextTable.firstRows(List.of("n"), List.of(List.of("1")), false);
    assertThat(all.html()).doesNotContain("showing");
    assertThat(all.text()).doesNotContain("showing");
  }

  @Test
  void nestedValuesReadLikeSparkShows() {
    assertThat(CellText.of(null)).isEqualTo("null");
    assertThat(CellText.of(scala.jdk.javaapi.CollectionConverters.asScala(List.of(1, 2)).toSeq()))
        .isEqualTo("[1, 2]");
    assertThat(CellText.of(java.util.Map.of("k", "v"))).isEqualTo("{k -> v}");
  }
}

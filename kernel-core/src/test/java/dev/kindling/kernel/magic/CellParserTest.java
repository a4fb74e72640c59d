package dev.kindling.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.kernel.testplugin.EchoLineMagic;
import dev.kindling.kernel.testplugin.UpperCellMagic;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {

  private final MagicRegistry magics =
      new MagicRegistry(List.of(new EchoLineMagic()), List.of(new UpperCellMagic()));
  private final CellParser parser = new CellParser(magics);

  @Test
  void claimedCellMagicTakesTheBody() {
    ParsedCell parsed = parser.parse("%%UPPER x\nabc\ndef");
    assertThat(parsed).isInstanceOf(ParsedCell.CellMagicCall.class);
    ParsedCell.CellMagicCall call = (ParsedCell.CellMagicCall) parsed;
    assertThat(call.arguments()).isEqualTo("x");
    assertThat(call.body()).isEqualTo("abc\ndef");
  }

  @Test
  void unclaimedCellMagicIsReportedWithTheWholeCell() {
    ParsedCell parsed = parser.parse("%%uper\nabc");
    assertThat(parsed).isEqualTo(new ParsedCell.UnclaimedCellMagic("uper", "%%uper\nabc"));
  }

  @Test
  void cellMagicHelp() {
    ParsedCell parsed = parser.parse("%%upper?");
    assertThat(parsed)
        .isEqualTo(
            new ParsedCell.Segments(List.of(new ParsedCell.Help(magics.cellMagic("upper").get()))));
  }

  @Test
  void unclaimedLineMagicStaysInTheCode() {
    ParsedCell parsed = parser.parse("%foo bar");
    assertThat(parsed).isEqualTo(new ParsedCell.Segments(List.of(new ParsedCell.Code("%foo bar"))));
  }

  @Test
  void nearestNamesComeFromCellAndLineMagics() {
    assertThat(NearestMagics.to("uper", magics)).containsExactly("%%upper");
    assertThat(NearestMagics.to("ECHO", magics)).containsExactly("%echo");
    assertThat(NearestMagics.to("completelydifferent", magics)).isEmpty();
  }

  @Test
  void editDistance() {
    assertThat(NearestMagics.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestMagics.distance("", "abc")).isEqualTo(3);
    assertThat(NearestMagics.distance("html", "html")).isZero();
  }
}

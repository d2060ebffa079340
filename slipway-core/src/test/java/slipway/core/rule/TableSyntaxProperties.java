package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A type's normal form, written as one pass, is the one its definition by regular expressions gives. */
class TableSyntaxProperties {
  private static final List<String> PIECES = List.of("VARCHAR", "numeric", "Timestamp", " ", "  ", "\t", "\n", "\r\n",
      "\u000B", "\f", "(", ")", ",", "[", "]", "10", "2", "with time zone", "public.", "\"My Type\"", "é", "\u00A0",
      "İ", "int4");

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(PIECES).list().ofMaxSize(14).map(l -> String.join("", l));
  }

  /** The definition: white space runs to one space, none before ( ) , [ ] or after ( ,. */
  private static String byRegex(String written) {
    String t = Pattern.compile("\\s+").matcher(written.toLowerCase(Locale.ROOT)).replaceAll(" ");
    t = Pattern.compile(" (?=[(),\\[\\]])").matcher(t).replaceAll("");
    return Pattern.compile("(?<=[(,]) ").matcher(t).replaceAll("");
  }

  @Property(tries = 3000)
  void normalTypeIsTheRegularExpressions(@ForAll("types") String written) {
    assertEquals(byRegex(written), TableSyntax.normalType(written));
  }

  @Property(tries = 1000)
  void anyText(@ForAll String written) {
    assertEquals(byRegex(written), TableSyntax.normalType(written));
  }
}

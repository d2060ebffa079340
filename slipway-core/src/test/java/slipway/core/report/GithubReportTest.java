package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GithubReportTest {
  @Test void oneAnnotationPerFindingWithEscapedMessage() {
    String out = ReportFixture.print(ReportFixture.report(), GithubReport::write);
    String[] lines = out.split("\n");
    assertEquals(3, lines.length, out);
    assertTrue(lines[0].startsWith("::error file=db/V2__m2.sql,line=2,col=1,title=slipway create-index-blocks-writes::writes to"), out);
    assertTrue(lines[0].contains("%0AInstead:%0ACREATE INDEX CONCURRENTLY"), out);
    assertTrue(lines[1].startsWith("::notice "), out);
  }

  @Test void escapesPropertiesAndData() {
    assertEquals("a%3Ab%2Cc%25%0A", GithubReport.property("a:b,c%\n"));
    assertEquals("50%25 done%0Anext", GithubReport.data("50% done\nnext"));
  }
}

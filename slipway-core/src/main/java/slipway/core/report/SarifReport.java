package slipway.core.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import slipway.core.rule.Finding;
import slipway.core.rule.Fix;
import slipway.core.rule.Rule;
import slipway.core.rule.RuleInfo;
import slipway.core.rule.Rules;
import slipway.core.rule.Severity;

/**
 * {@code --format sarif}: SARIF 2.1.0 as GitHub code scanning accepts it (one run, every rule described
 * in {@code tool.driver.rules}, results with a physical location and, when there is one, the fix).
 * Validated against the OASIS schema in SarifReportTest.
 */
public final class SarifReport {
  private SarifReport() {}

  public static void write(LintReport r, PrintWriter out) {
    List<RuleInfo> rules = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Rule rule : Rules.all()) {
      index.put(rule.info().id(), rules.size());
      rules.add(rule.info());
    }
    StringBuilder b = new StringBuilder(8192);
    b.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n")
        .append("  \"runs\": [ {\n    \"tool\": { \"driver\": { \"name\": \"slipway\", \"version\": ")
        .append(JsonReport.str(r.version())).append(",\n      \"informationUri\": \"https://github.com/slipway-dev/slipway\",\n")
        .append("      \"rules\": [");
    for (int i = 0; i < rules.size(); i++) {
      RuleInfo ri = rules.get(i);
      b.append(i == 0 ? "\n" : ",\n");
      b.append("        { \"id\": ").append(JsonReport.str(ri.id())).append(", \"name\": ").append(JsonReport.str(camel(ri.id())))
          .append(", \"shortDescription\": { \"text\": ").append(JsonReport.str(ri.title())).append(" }")
          .append(", \"fullDescription\": { \"text\": ").append(JsonReport.str(ri.why())).append(" }")
          .append(", \"help\": { \"text\": ").append(JsonReport.str(ri.why() + "\nInstead:\n" + ri.safeAlternative()))
          .append(", \"markdown\": ").append(JsonReport.str(ri.why() + "\n\n```sql\n" + ri.safeAlternative() + "\n```\n\nSee "
              + ri.docPath())).append(" }")
          .append(", \"defaultConfiguration\": { \"level\": ").append(JsonReport.str(level(ri.severity()))).append(" }")
          .append(", \"properties\": { \"tags\": [\"postgresql\", \"migration\"], \"postgresVersions\": ")
          .append(JsonReport.str(ri.versions().toString())).append(" } }");
    }
    b.append("\n      ] } },\n    \"columnKind\": \"utf16CodeUnits\",\n    \"results\": [");
    boolean first = true;
    for (LintReport.FileReport f : r.files()) {
      for (LintReport.StatementReport st : f.statements()) {
        for (Finding x : st.findings()) {
          b.append(first ? "\n" : ",\n");
          first = false;
          result(b, f, x, index.getOrDefault(x.rule().id(), -1));
        }
      }
    }
    b.append(first ? "]\n  } ]\n}\n" : "\n    ]\n  } ]\n}\n");
    out.print(b);
    out.flush();
  }

  private static void result(StringBuilder b, LintReport.FileReport f, Finding x, int ruleIndex) {
    String text = x.message() + (x.instead() == null ? "" : "\nInstead:\n" + x.instead());
    b.append("      { \"ruleId\": ").append(JsonReport.str(x.rule().id()));
    if (ruleIndex >= 0) b.append(", \"ruleIndex\": ").append(ruleIndex);
    b.append(", \"level\": ").append(JsonReport.str(level(x.severity())))
        .append(", \"message\": { \"text\": ").append(JsonReport.str(text)).append(" },\n        \"locations\": [ { ")
        .append("\"physicalLocation\": { \"artifactLocation\": { \"uri\": ").append(JsonReport.str(uri(x.span().file())))
        .append(" }, \"region\": ").append(region(x.span().line(), x.span().column(), x.span().offset(), x.span().length()))
        .append(" } } ]");
    if (x.fix() != null) {
      b.append(",\n        \"fixes\": [ { \"description\": { \"text\": ").append(JsonReport.str(x.fix().title()))
          .append(" }, \"artifactChanges\": [ { \"artifactLocation\": { \"uri\": ").append(JsonReport.str(uri(x.span().file())))
          .append(" }, \"replacements\": [");
      boolean first = true;
      for (Fix.Edit e : x.fix().edits()) {
        b.append(first ? " " : ", ");
        first = false;
        b.append("{ \"deletedRegion\": { \"charOffset\": ").append(e.offset()).append(", \"charLength\": ")
            .append(e.length()).append(" }, \"insertedContent\": { \"text\": ").append(JsonReport.str(e.replacement()))
            .append(" } }");
      }
      b.append(" ] } ] } ]");
    }
    b.append(" }");
  }

  private static String region(int line, int column, int offset, int length) {
    return "{ \"startLine\": " + Math.max(1, line) + ", \"startColumn\": " + Math.max(1, column) + ", \"charOffset\": "
        + Math.max(0, offset) + ", \"charLength\": " + Math.max(0, length) + " }";
  }

  static String level(Severity s) {
    return s == Severity.ERROR ? "error" : s == Severity.WARNING ? "warning" : "note";
  }

  /** A relative URI with forward slashes (what code scanning matches against the repository). */
  static String uri(String file) {
    String u = file.replace('\\', '/');
    while (u.startsWith("./")) u = u.substring(2);
    return u.replace(" ", "%20");
  }

  private static String camel(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}

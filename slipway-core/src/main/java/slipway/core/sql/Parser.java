package slipway.core.sql;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.AlterSequence;
import slipway.core.sql.syntax.Assignment;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.AlterType;
import slipway.core.sql.syntax.Cluster;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.CommentOn;
import slipway.core.sql.syntax.Constraint;
import slipway.core.sql.syntax.Constraint.ConstraintKind;
import slipway.core.sql.syntax.Copy;
import slipway.core.sql.syntax.CreateExtension;
import slipway.core.sql.syntax.CreateFunction;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.CreateSchema;
import slipway.core.sql.syntax.CreateSequence;
import slipway.core.sql.syntax.CreateTable;
import slipway.core.sql.syntax.CreateTrigger;
import slipway.core.sql.syntax.CreateType;
import slipway.core.sql.syntax.CreateView;
import slipway.core.sql.syntax.Delete;
import slipway.core.sql.syntax.DoBlock;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.Expression;
import slipway.core.sql.syntax.Grant;
import slipway.core.sql.syntax.IndexElement;
import slipway.core.sql.syntax.Insert;
import slipway.core.sql.syntax.LockTable;
import slipway.core.sql.syntax.Merge;
import slipway.core.sql.syntax.OtherCommand;
import slipway.core.sql.syntax.PsqlMetaCommand;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.RefreshMaterializedView;
import slipway.core.sql.syntax.Reindex;
import slipway.core.sql.syntax.ResetVariable;
import slipway.core.sql.syntax.Select;
import slipway.core.sql.syntax.SetVariable;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.TransactionControl;
import slipway.core.sql.syntax.Truncate;
import slipway.core.sql.syntax.TypeName;
import slipway.core.sql.syntax.Unrecognized;
import slipway.core.sql.syntax.Update;
import slipway.core.sql.syntax.Vacuum;
import slipway.core.sql.syntax.Volatility;
import slipway.core.sql.syntax.Where;

/**
 * Parses split statements into the typed tree of {@code slipway.core.sql.syntax}, following
 * PostgreSQL's grammar (gram.y) for the statements that matter to lock and safety analysis. Never
 * throws: text it does not read becomes {@link Unrecognized}; a statement that starts like a known
 * form but breaks its grammar becomes {@link Unrecognized} with a {@code file:line:col} error.
 */
public final class Parser {
  private Parser() {}

  /** Splits and parses a whole file. */
  public static List<Statement> parse(String file, String source) {
    List<SqlStatement> statements = Splitter.split(file, source);
    List<Statement> out = new ArrayList<>(statements.size());
    for (SqlStatement s : statements) out.add(parse(s));
    return out;
  }

  /** Parses one statement; never throws. */
  public static Statement parse(SqlStatement statement) {
    if (statement.psqlMetaCommand()) return new PsqlMetaCommand(statement.span(), statement.text());
    Cursor c = new Cursor(statement);
    try {
      return new StatementParser(c).statement();
    } catch (ParseError e) {
      return new Unrecognized(statement.span(), statement.text(),
          new Diagnostic(c.spanAt(e.offset, 0), e.getMessage()));
    } catch (RuntimeException e) {
      // A bug, not the user's fault: still no exception escapes, but parse-stats counts these.
      return new Unrecognized(statement.span(), statement.text(),
          new Diagnostic(statement.span(), INTERNAL_ERROR + e));
    }
  }

  /** The message prefix of an {@link Unrecognized#error()} caused by a parser bug (counted as an exception). */
  public static final String INTERNAL_ERROR = "internal parser error: ";

  /** A grammar violation at an offset; caught in {@link #parse(SqlStatement)}. */
  static final class ParseError extends RuntimeException {
    final int offset;

    ParseError(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  /** Unrecognised but well-formed as far as the parser looked (no error). */
  static final class NotRecognized extends RuntimeException {
    NotRecognized() {
      super(null, null, false, false);
    }
  }

  /** The statement's meaningful tokens and a position among them. */
  static final class Cursor {
    final SqlStatement statement;
    final List<Token> tokens;
    final String text;
    final int base;
    final Token eof;
    int i;
    /** Offsets (in the statement text) where lines after the first start; computed on first use. */
    private int[] lineStarts;
    private int lineCount;

    Cursor(SqlStatement statement) {
      this.statement = statement;
      this.tokens = statement.tokens();
      this.text = statement.text();
      this.base = statement.span().offset();
      int end = base + text.length();
      this.eof = new Token(TokenKind.PUNCT, end, end, "");
    }

    Token peek() {
      return i < tokens.size() ? tokens.get(i) : eof;
    }

    Token peek(int k) {
      return i + k < tokens.size() ? tokens.get(i + k) : eof;
    }

    Token prev() {
      return i > 0 ? tokens.get(i - 1) : eof;
    }

    Token advance() {
      Token t = peek();
      if (i < tokens.size()) i++;
      return t;
    }

    boolean atEnd() {
      return i >= tokens.size();
    }

    boolean is(String word) {
      return peek().is(word);
    }

    boolean is(int k, String word) {
      return peek(k).is(word);
    }

    boolean isSym(String symbol) {
      return peek().isSymbol(symbol);
    }

    boolean accept(String word) {
      if (peek().is(word)) {
        i++;
        return true;
      }
      return false;
    }

    /** Accepts the words in sequence, or none of them. */
    boolean accept(String... words) {
      for (int k = 0; k < words.length; k++) if (!peek(k).is(words[k])) return false;
      i += words.length;
      return true;
    }

    boolean acceptSym(String symbol) {
      if (peek().isSymbol(symbol)) {
        i++;
        return true;
      }
      return false;
    }

    void expect(String word) {
      if (!accept(word)) throw error("expected " + word.toUpperCase() + describeFound());
    }

    void expectSym(String symbol) {
      if (!acceptSym(symbol)) throw error("expected '" + symbol + "'" + describeFound());
    }

    String describeFound() {
      Token t = peek();
      return t == eof ? " before the end of the statement" : " but found " + tokenText(t);
    }

    ParseError error(String message) {
      return new ParseError(peek().start(), message);
    }

    String tokenText(Token t) {
      if (t == eof) return "the end";
      String s = text.substring(t.start() - base, t.end() - base);
      return "'" + (s.length() > 30 ? s.substring(0, 30) + "…" : s) + "'";
    }

    String text(int fromToken, int toTokenExclusive) {
      if (toTokenExclusive <= fromToken) return "";
      return text.substring(tokens.get(fromToken).start() - base, tokens.get(toTokenExclusive - 1).end() - base);
    }

    Span span(int fromToken, int toTokenExclusive) {
      if (toTokenExclusive <= fromToken) return spanAt(peek().start(), 0);
      int start = tokens.get(fromToken).start();
      return spanAt(start, tokens.get(toTokenExclusive - 1).end() - start);
    }

    Span spanAt(int offset, int length) {
      if (lineStarts == null) {
        lineStarts = new int[8];
        for (int k = 0; k < text.length(); k++) {
          char ch = text.charAt(k);
          if (ch == '\n' || (ch == '\r' && (k + 1 >= text.length() || text.charAt(k + 1) != '\n'))) {
            if (lineCount == lineStarts.length) lineStarts = java.util.Arrays.copyOf(lineStarts, lineCount * 2);
            lineStarts[lineCount++] = k + 1;
          }
        }
      }
      int local = offset - base;
      int idx = java.util.Arrays.binarySearch(lineStarts, 0, lineCount, local);
      int line = idx >= 0 ? idx + 1 : -idx - 1; // lines after the first that start at or before local
      int column = line == 0 ? statement.span().column() + local : local - lineStarts[line - 1] + 1;
      return new Span(statement.span().file(), statement.span().line() + line, column, offset, length);
    }

    /** Skips a balanced (…) or […] group at the cursor, if any. */
    boolean skipGroup() {
      if (!isSym("(") && !isSym("[")) return false;
      int depth = 0;
      do {
        Token t = advance();
        if (t.isSymbol("(") || t.isSymbol("[")) depth++;
        else if (t.isSymbol(")") || t.isSymbol("]")) depth--;
      } while (depth > 0 && !atEnd());
      if (depth > 0) throw error("unbalanced parentheses");
      return true;
    }

    /** Index of the next depth-0 token at or after the cursor that is one of the words, or -1. */
    int findAtDepth0(String... words) {
      int depth = 0;
      for (int k = i; k < tokens.size(); k++) {
        Token t = tokens.get(k);
        if (t.isSymbol("(") || t.isSymbol("[")) depth++;
        else if (t.isSymbol(")") || t.isSymbol("]")) depth--;
        else if (depth == 0 && t.kind() == TokenKind.IDENT) {
          for (String w : words) if (w.equals(t.value())) return k;
        }
      }
      return -1;
    }

    boolean containsWord(String word) {
      for (Token t : tokens) if (t.is(word)) return true;
      return false;
    }
  }

  static final class StatementParser {
    final Cursor c;

    StatementParser(Cursor c) {
      this.c = c;
    }

    Span all() {
      return c.statement.span();
    }

    Statement statement() {
      Token first = c.peek();
      if (first.kind() == TokenKind.PUNCT && first.value().equals("(")) return select();
      if (first.kind() != TokenKind.IDENT) return unrecognized();
      Statement s;
      switch (first.value()) {
        case "create": s = create(); break;
        case "alter": s = alter(); break;
        case "drop": s = drop(); break;
        case "insert": case "update": case "delete": case "merge": case "with": s = dml(); break;
        case "select": case "values": case "table": s = select(); break;
        case "begin": case "start": case "commit": case "end": case "rollback": case "abort":
        case "savepoint": case "release": s = transaction(); break;
        case "prepare":
          s = c.is(1, "transaction") ? transaction() : other(1); break;
        case "set": s = set(); break;
        case "reset": s = reset(); break;
        case "truncate": s = truncate(); break;
        case "vacuum": case "analyze": case "analyse": s = vacuum(); break;
        case "cluster": s = cluster(); break;
        case "refresh": s = refresh(); break;
        case "reindex": s = reindex(); break;
        case "comment": s = comment(); break;
        case "grant": case "revoke": s = grant(); break;
        case "lock": s = lock(); break;
        case "copy": s = copy(); break;
        case "do": s = doBlock(); break;
        case "call": case "notify": case "listen": case "unlisten": case "discard": case "checkpoint":
        case "load": case "explain": case "execute": case "deallocate": case "declare": case "fetch":
        case "move": case "close": case "show":
          s = other(1); break;
        case "reassign":
          s = c.is(1, "owned") ? other(2) : unrecognized(); break;
        case "security":
          s = c.is(1, "label") ? other(2) : unrecognized(); break;
        case "import":
          s = c.is(1, "foreign") && c.is(2, "schema") ? other(3) : unrecognized(); break;
        default:
          s = unrecognized();
      }
      return s;
    }

    Unrecognized unrecognized() {
      return new Unrecognized(all(), c.text, null);
    }

    /** A known command: its first {@code words} words are the kind; the object name follows if one does. */
    OtherCommand other(int words) {
      StringBuilder kind = new StringBuilder();
      for (int k = 0; k < words; k++) {
        if (k > 0) kind.append('_');
        kind.append(c.advance().value().toUpperCase());
      }
      return new OtherCommand(all(), kind.toString(), optionalName());
    }

    QualifiedName optionalName() {
      Token t = c.peek();
      if (t.kind() == TokenKind.IDENT || t.kind() == TokenKind.QUOTED_IDENT || t.kind() == TokenKind.PLACEHOLDER) {
        int save = c.i;
        try {
          return qname();
        } catch (ParseError e) {
          c.i = save;
        }
      }
      return null;
    }

    // ---- names ------------------------------------------------------------------------------

    static boolean isNameToken(Token t) {
      return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.QUOTED_IDENT || t.kind() == TokenKind.PLACEHOLDER;
    }

    /**
     * One name: an identifier, a quoted identifier or a placeholder; adjacent pieces without spaces
     * between them ({@code ${prefix}_users}) are one name, as the migration tool's substitution makes them.
     */
    String name() {
      Token t = c.peek();
      if (!isNameToken(t)) throw c.error("expected a name" + c.describeFound());
      c.advance();
      if (t.kind() != TokenKind.PLACEHOLDER && !isNameToken(c.peek()) || c.peek().start() != t.end()) {
        return t.kind() == TokenKind.PLACEHOLDER ? c.text.substring(t.start() - c.base, t.end() - c.base) : t.value();
      }
      int start = t.start();
      int end = t.end();
      while (isNameToken(c.peek()) && c.peek().start() == end) end = c.advance().end();
      return c.text.substring(start - c.base, end - c.base);
    }

    QualifiedName qname() {
      String a = name();
      if (!c.isSym(".")) return new QualifiedName(null, a);
      List<String> parts = new ArrayList<>(3);
      parts.add(a);
      while (c.acceptSym(".")) {
        if (c.peek().isSymbol("*")) {
          c.advance();
          parts.add("*");
          break;
        }
        parts.add(name());
      }
      String last = parts.remove(parts.size() - 1);
      return new QualifiedName(String.join(".", parts), last);
    }

    List<QualifiedName> qnames() {
      return qnames(new ArrayList<>());
    }

    /** Like {@link #qnames()}, adding where each name is written to {@code spans}. */
    List<QualifiedName> qnames(List<Span> spans) {
      List<QualifiedName> names = new ArrayList<>();
      do {
        c.accept("only");
        int start = c.i;
        names.add(qname());
        spans.add(c.span(start, c.i));
        c.acceptSym("*");
      } while (c.acceptSym(","));
      return names;
    }

    /** ( name, name … ) */
    List<String> nameList() {
      c.expectSym("(");
      List<String> names = new ArrayList<>();
      if (c.acceptSym(")")) return names;
      do names.add(name()); while (c.acceptSym(","));
      c.expectSym(")");
      return names;
    }

    /** The text of a balanced group, without its parentheses; the cursor moves past it. */
    String groupText() {
      int start = c.i;
      c.skipGroup();
      return c.text(start + 1, c.i - 1);
    }

    /** Comma-separated elements of a (…) group, as written. */
    List<String> groupElements() {
      c.expectSym("(");
      List<String> out = new ArrayList<>();
      int depth = 0;
      int start = c.i;
      while (!c.atEnd()) {
        Token t = c.peek();
        if (t.isSymbol("(") || t.isSymbol("[")) depth++;
        else if (t.isSymbol(")") || t.isSymbol("]")) {
          if (depth == 0) break;
          depth--;
        } else if (depth == 0 && t.isSymbol(",")) {
          out.add(c.text(start, c.i));
          c.advance();
          start = c.i;
          continue;
        }
        c.advance();
      }
      if (c.i > start) out.add(c.text(start, c.i));
      c.expectSym(")");
      return out;
    }

    String stringLiteral() {
      Token t = c.peek();
      if (t.kind() == TokenKind.PLACEHOLDER) return name();
      if (t.kind() != TokenKind.STRING && t.kind() != TokenKind.DOLLAR_STRING) {
        throw c.error("expected a string literal" + c.describeFound());
      }
      c.advance();
      StringBuilder sb = new StringBuilder(t.value());
      // 'a' <newline> 'b' is one string in PostgreSQL.
      while (c.peek().kind() == TokenKind.STRING && c.text.substring(c.prev().end() - c.base, c.peek().start() - c.base).indexOf('\n') >= 0) {
        sb.append(c.advance().value());
      }
      return sb.toString();
    }

    /** Text of the rest of the statement. */
    String rest() {
      int start = c.i;
      c.i = c.tokens.size();
      return c.text(start, c.i);
    }

    void expectEnd() {
      if (!c.atEnd()) throw c.error("unexpected " + c.tokenText(c.peek()));
    }

    // ---- expressions --------------------------------------------------------------------------

    /**
     * An expression up to a depth-0 comma, closing parenthesis, end, or (after its first token) one of
     * the stop words; CASE … END is skipped whole.
     */
    Expression expression(String... stopWords) {
      int start = c.i;
      int depth = 0;
      int caseDepth = 0;
      while (!c.atEnd()) {
        Token t = c.peek();
        if (t.isSymbol("(") || t.isSymbol("[")) {
          depth++;
        } else if (t.isSymbol(")") || t.isSymbol("]")) {
          if (depth == 0) break;
          depth--;
        } else if (depth == 0 && caseDepth == 0 && t.isSymbol(",")) {
          break;
        } else if (t.kind() == TokenKind.IDENT) {
          if (t.value().equals("case")) caseDepth++;
          else if (t.value().equals("end") && caseDepth > 0) caseDepth--;
          else if (depth == 0 && caseDepth == 0 && c.i > start && !c.prev().isSymbol("::")) {
            boolean stop = false;
            for (String w : stopWords) if (w.equals(t.value())) stop = true;
            if (stop) break;
          }
        }
        c.advance();
      }
      if (c.i == start) throw c.error("expected an expression" + c.describeFound());
      return expressionOf(start, c.i);
    }

    /** ( expression ) */
    Expression parenthesized() {
      c.expectSym("(");
      Expression e = expression();
      c.expectSym(")");
      return e;
    }

    Expression expressionOf(int from, int to) {
      return Volatilities.classify(c, from, to);
    }

    // ---- types ------------------------------------------------------------------------------

    TypeName typeName() {
      c.accept("setof");
      String name;
      List<String> mods = new ArrayList<>(0);
      if (c.accept("double", "precision")) {
        name = "double precision";
      } else if (c.is("character") || c.is("char") || c.is("nchar") || c.is("national")) {
        if (c.accept("national")) c.advance(); else c.advance();
        boolean varying = c.accept("varying");
        name = varying ? "character varying" : "character";
      } else if (c.accept("varchar")) {
        name = "character varying";
      } else if (c.is("bit") && c.peek().kind() == TokenKind.IDENT) {
        c.advance();
        name = c.accept("varying") ? "bit varying" : "bit";
      } else if (c.is("timestamp") || c.is("time")) {
        boolean ts = c.advance().value().equals("timestamp");
        if (c.isSym("(")) mods = groupElements();
        boolean tz = false;
        if (c.accept("with", "time", "zone")) tz = true;
        else c.accept("without", "time", "zone");
        name = (ts ? "timestamp" : "time") + (tz ? " with time zone" : " without time zone");
      } else if (c.accept("interval")) {
        name = "interval";
        while (c.is("year") || c.is("month") || c.is("day") || c.is("hour") || c.is("minute") || c.is("second") || c.is("to")) c.advance();
      } else {
        boolean quoted = c.peek().kind() == TokenKind.QUOTED_IDENT;
        QualifiedName q = qname();
        // "char" (quoted) is PostgreSQL's one-byte type, not character(1): only unquoted names are aliases.
        boolean builtin = q.schema() == null && !quoted || "pg_catalog".equals(q.schema());
        name = builtin ? canonicalType(q.name()) : q.toString();
      }
      if (c.isSym("(") && mods.isEmpty()) mods = groupElements();
      if (name.equals("float")) {
        int p = mods.isEmpty() ? 53 : parseIntOr(mods.get(0), 53);
        name = p <= 24 ? "real" : "double precision";
        mods = List.of();
      }
      int dims = 0;
      while (true) {
        if (c.isSym("[")) {
          c.skipGroup();
          dims++;
        } else if (c.is("array")) {
          c.advance();
          if (c.isSym("[")) c.skipGroup();
          dims++;
        } else {
          break;
        }
      }
      if (c.isSym("%") && c.is(1, "type")) {
        c.advance();
        c.advance();
      }
      return new TypeName(name, mods, dims);
    }

    static int parseIntOr(String s, int fallback) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    /** PostgreSQL's own names for built-in types (format_type's output). */
    static String canonicalType(String name) {
      switch (name) {
        case "int": case "int4": case "integer": return "integer";
        case "int8": case "bigint": return "bigint";
        case "int2": case "smallint": return "smallint";
        case "float8": return "double precision";
        case "float4": case "real": return "real";
        case "decimal": case "numeric": return "numeric";
        case "bool": case "boolean": return "boolean";
        case "varchar": return "character varying";
        case "bpchar": case "char": case "character": return "character";
        case "timestamptz": return "timestamp with time zone";
        case "timetz": return "time with time zone";
        case "varbit": return "bit varying";
        case "serial4": return "serial";
        case "serial8": return "bigserial";
        case "serial2": return "smallserial";
        default: return name;
      }
    }

    // ---- CREATE ------------------------------------------------------------------------------

    Statement create() {
      c.expect("create");
      boolean orReplace = c.accept("or", "replace");
      String persistence = null;
      if (c.accept("global") || c.accept("local")) persistence = "TEMPORARY";
      if (c.accept("temporary") || c.accept("temp")) persistence = "TEMPORARY";
      else if (c.accept("unlogged")) persistence = "UNLOGGED";
      if (c.is("table")) return createTable(persistence);
      if (c.is("unique") || c.is("index")) return createIndex();
      if (c.is("recursive") || c.is("view")) return createView(orReplace, persistence != null, false);
      if (c.accept("materialized")) return createView(orReplace, false, true);
      if (c.accept("sequence")) return createSequence(persistence != null);
      if (c.accept("schema")) return createSchema();
      if (c.accept("extension")) return createExtension();
      if (c.is("function") || c.is("procedure")) return createFunction(orReplace);
      if (c.is("trigger") || c.is("constraint") && c.is(1, "trigger")) return createTrigger(orReplace);
      if (c.accept("type")) return createType();
      return otherDdl("CREATE");
    }

    /** CREATE/ALTER/DROP of another object type PostgreSQL knows, or unrecognized. */
    Statement otherDdl(String verb) {
      String type = objectType();
      if (type == null) return unrecognized();
      QualifiedName object = optionalName();
      // ALTER DATABASE … SET TABLESPACE moves the files and cannot run in a transaction block
      // (docs: ALTER DATABASE); its other forms can: a kind of its own keeps them apart.
      if (verb.equals("ALTER") && type.equals("DATABASE") && c.is("set") && c.is(1, "tablespace")) {
        return new OtherCommand(all(), "ALTER_DATABASE_SET_TABLESPACE", object);
      }
      // ALTER SCHEMA … RENAME TO breaks every query naming the schema: a kind of its own for the rules.
      if (verb.equals("ALTER") && type.equals("SCHEMA") && c.is("rename") && c.is(1, "to")) {
        return new OtherCommand(all(), "ALTER_SCHEMA_RENAME", object);
      }
      return new OtherCommand(all(), verb + "_" + type.replace(' ', '_'), object);
    }

    static final String[] OBJECT_TYPES = {
        "access method", "aggregate", "cast", "collation", "conversion", "default conversion", "database",
        "default privileges", "domain", "event trigger", "extension", "foreign data wrapper", "foreign table",
        "function", "group", "index", "trusted procedural language", "trusted language",
        "procedural language", "language", "large object", "materialized view", "operator class",
        "operator family", "operator", "policy", "procedure", "publication", "role", "routine", "rule",
        "schema", "sequence", "server", "statistics", "subscription", "system", "table", "tablespace",
        "text search configuration", "text search dictionary", "text search parser", "text search template",
        "transform", "trigger", "constraint trigger", "type", "user mapping", "user", "view", "owned",
        "column", "constraint", "large object", "database"};

    static final java.util.Map<String, List<String[]>> OBJECT_TYPES_BY_FIRST_WORD = new java.util.HashMap<>();

    static {
      for (String type : OBJECT_TYPES) {
        String[] words = type.split(" ");
        OBJECT_TYPES_BY_FIRST_WORD.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
      }
    }

    /** The object type words at the cursor (longest match), consumed, in upper case; or null. */
    String objectType() {
      if (c.peek().kind() != TokenKind.IDENT) return null;
      List<String[]> candidates = OBJECT_TYPES_BY_FIRST_WORD.get(c.peek().value());
      if (candidates == null) return null;
      String[] best = null;
      int bestWords = 0;
      for (String[] words : candidates) {
        if (words.length <= bestWords) continue;
        boolean match = true;
        for (int k = 0; k < words.length && match; k++) match = c.is(k, words[k]);
        if (match) {
          best = words;
          bestWords = words.length;
        }
      }
      if (best == null) return null;
      c.i += bestWords;
      return String.join(" ", best).toUpperCase(java.util.Locale.ROOT);
    }

    Statement createTable(String persistence) {
      c.expect("table");
      boolean ifNotExists = c.accept("if", "not", "exists");
      QualifiedName table = qname();
      if (c.findAtDepth0("as") >= 0 && !c.is("partition") && !c.is("of")) {
        c.i = c.tokens.size();
        return new CreateTable(all(), table, ifNotExists, persistence, List.of(), List.of(), null, null, null, List.of(), true);
      }
      List<ColumnDef> columns = new ArrayList<>();
      List<Constraint> constraints = new ArrayList<>();
      QualifiedName partitionOf = null;
      String bound = null;
      if (c.accept("partition", "of")) {
        partitionOf = qname();
      } else if (c.accept("of")) {
        qname();
      }
      if (c.acceptSym("(")) {
        if (!c.acceptSym(")")) {
          do {
            if (isTableConstraintStart()) {
              constraints.add(tableConstraint());
            } else if (c.is("like")) {
              c.advance();
              qname();
              while (c.is("including") || c.is("excluding")) {
                c.advance();
                c.advance();
              }
            } else {
              columns.add(columnDef(partitionOf != null));
            }
          } while (c.acceptSym(","));
          c.expectSym(")");
        }
      }
      if (partitionOf != null) {
        int start = c.i;
        if (c.accept("default")) {
          bound = "DEFAULT";
        } else {
          c.expect("for");
          c.expect("values");
          while (!c.atEnd() && !c.is("partition") && !c.is("using") && !c.is("with") && !c.is("tablespace")
              && !c.is("on") && !c.is("without")) {
            if (!c.skipGroup()) c.advance();
          }
          bound = c.text(start, c.i);
        }
      }
      List<QualifiedName> inherits = new ArrayList<>(0);
      String partitionBy = null;
      while (!c.atEnd()) {
        if (c.accept("inherits")) {
          c.expectSym("(");
          do inherits.add(qname()); while (c.acceptSym(","));
          c.expectSym(")");
        } else if (c.accept("partition", "by")) {
          int start = c.i;
          c.advance();
          c.skipGroup();
          partitionBy = c.text(start, c.i);
        } else if (c.accept("using")) {
          name();
        } else if (c.accept("with")) {
          if (!c.skipGroup()) c.expect("oids");
        } else if (c.accept("without", "oids")) {
          // nothing
        } else if (c.accept("on", "commit")) {
          if (!c.accept("preserve", "rows") && !c.accept("delete", "rows")) c.expect("drop");
        } else if (c.accept("tablespace")) {
          name();
        } else if (c.accept("server")) {
          name();
        } else if (c.accept("options")) {
          c.skipGroup();
        } else {
          throw c.error("unexpected " + c.tokenText(c.peek()) + " after the table definition");
        }
      }
      return new CreateTable(all(), table, ifNotExists, persistence, columns, constraints, partitionOf, bound,
          partitionBy, inherits, false);
    }

    boolean isTableConstraintStart() {
      return c.is("constraint") || c.is("check") || c.is("unique") || c.is("primary") || c.is("foreign")
          || (c.is("exclude") && (c.peek(1).isSymbol("(") || c.is(1, "using")))
          || (c.is("not") && c.is(1, "null") && isNameToken(c.peek(2)));
    }

    static final String[] COLUMN_STOP = {"constraint", "not", "null", "check", "default", "unique", "primary",
        "references", "generated", "collate", "deferrable", "initially", "compression", "storage", "enforced"};

    ColumnDef columnDef(boolean typeOptional) {
      int start = c.i;
      String name = name();
      Span nameSpan = c.span(start, c.i);
      TypeName type = null;
      Span typeSpan = null;
      if (c.accept("with", "options")) {
        typeOptional = true;
      }
      if (!typeOptional || !(c.atEnd() || c.isSym(",") || c.isSym(")") || isColumnConstraintStart())) {
        int typeStart = c.i;
        type = typeName();
        typeSpan = c.span(typeStart, c.i);
      }
      boolean generatedStored = false;
      Expression defaultValue = null;
      boolean notNull = false;
      String identity = null;
      Expression generated = null;
      String collation = null;
      List<Constraint> constraints = new ArrayList<>(0);
      while (!c.atEnd() && !c.isSym(",") && !c.isSym(")")) {
        int cstart = c.i;
        String cname = null;
        Span cnameSpan = null;
        if (c.accept("constraint")) {
          cname = name();
          cnameSpan = c.span(cstart + 1, c.i);
        }
        if (c.accept("not", "null")) {
          notNull = true;
          c.accept("no", "inherit");
        } else if (c.accept("null")) {
          // explicit NULL
        } else if (c.accept("default")) {
          defaultValue = expression(COLUMN_STOP);
        } else if (c.accept("check")) {
          Expression e = parenthesized();
          boolean noInherit = c.accept("no", "inherit");
          constraints.add(named(constraint(cstart, cname, ConstraintKind.CHECK, List.of(name), e, null, null, List.of(),
              null, null, noInherit, null), cnameSpan));
        } else if (c.accept("generated")) {
          if (c.accept("always")) {
            c.expect("as");
            if (c.accept("identity")) {
              identity = "ALWAYS";
              if (c.isSym("(")) c.skipGroup();
            } else {
              generated = parenthesized();
              if (c.accept("stored")) generatedStored = true;
              else c.accept("virtual");
            }
          } else {
            c.expect("by");
            c.expect("default");
            c.expect("as");
            c.expect("identity");
            identity = "BY DEFAULT";
            if (c.isSym("(")) c.skipGroup();
          }
        } else if (c.accept("unique")) {
          nullsDistinct();
          indexParameters();
          constraints.add(named(constraint(cstart, cname, ConstraintKind.UNIQUE, List.of(name), null, null, null,
              List.of(), null, null, false, null), cnameSpan));
        } else if (c.accept("primary", "key")) {
          notNull = true;
          indexParameters();
          constraints.add(named(constraint(cstart, cname, ConstraintKind.PRIMARY_KEY, List.of(name), null, null, null,
              List.of(), null, null, false, null), cnameSpan));
        } else if (c.is("references")) {
          int refStart = c.i;
          c.advance();
          QualifiedName ref = qname();
          List<String> refCols = c.isSym("(") ? nameList() : List.of();
          String[] actions = referentialActions();
          Constraint k = named(constraint(cstart, cname, ConstraintKind.FOREIGN_KEY, List.of(name), null, null, ref,
              refCols, actions[0], actions[1], false, null), cnameSpan);
          constraints.add(withSpans(k, null, null, c.span(refStart, c.i), null));
        } else if (c.accept("collate")) {
          collation = qname().toString();
        } else if (c.accept("compression") || c.accept("storage")) {
          name();
        } else if (constraintAttribute(constraints)) {
          // DEFERRABLE etc. applied to the previous constraint
        } else {
          throw c.error("unexpected " + c.tokenText(c.peek()) + " in the definition of column " + name);
        }
      }
      // Identity columns are implicitly NOT NULL (CREATE TABLE docs: "the column is implicitly NOT NULL").
      if (identity != null) notNull = true;
      return new ColumnDef(c.span(start, c.i), name, type, defaultValue, notNull, identity, generated, collation,
          constraints, generatedStored, nameSpan, typeSpan);
    }

    boolean isColumnConstraintStart() {
      for (String w : COLUMN_STOP) if (c.is(w)) return true;
      return false;
    }

    /** DEFERRABLE, NOT DEFERRABLE, INITIALLY …, NOT VALID, ENFORCED, NOT ENFORCED after a constraint. */
    boolean constraintAttribute(List<Constraint> constraints) {
      boolean deferrable = false, initiallyDeferred = false, notValid = false, noInherit = false;
      int start = c.i;
      boolean timing = false; // DEFERRABLE / INITIALLY …: part of a foreign key's REFERENCES clause
      if (c.accept("deferrable")) deferrable = timing = true;
      else if (c.accept("not", "deferrable")) timing = true;
      else if (c.accept("initially", "deferred")) initiallyDeferred = timing = true;
      else if (c.accept("initially", "immediate")) timing = true;
      else if (c.accept("not", "valid")) notValid = true;
      else if (c.accept("no", "inherit")) noInherit = true;
      else if (c.accept("enforced") || c.accept("not", "enforced")) { }
      else return false;
      if (!constraints.isEmpty()) {
        int last = constraints.size() - 1;
        Constraint k = constraints.get(last);
        // An attribute written right after the constraint is part of its text (REFERENCES p DEFERRABLE is one
        // constraint, and DEFERRABLE / INITIALLY … belong to its REFERENCES clause, NOT VALID does not); after
        // something else (NOT NULL) it is not.
        boolean adjacent = start > 0 && c.tokens.get(start - 1).end() == k.span().end();
        Span span = k.span();
        Span references = k.referencesSpan();
        if (adjacent) {
          span = c.spanAt(span.offset(), c.prev().end() - span.offset());
          if (timing && references != null && references.end() == k.span().end()) {
            references = c.spanAt(references.offset(), c.prev().end() - references.offset());
          }
        }
        constraints.set(last, new Constraint(span, k.name(), k.kind(), k.columns(), k.check(), k.usingIndex(),
            k.referencedTable(), k.referencedColumns(), k.onDelete(), k.onUpdate(), k.notValid() || notValid,
            k.deferrable() || deferrable, k.initiallyDeferred() || initiallyDeferred, k.noInherit() || noInherit,
            k.indexMethod(), k.nameSpan(), k.columnsSpan(), references, k.usingIndexSpan()));
      }
      return true;
    }

    Constraint constraint(int startToken, String name, ConstraintKind kind, List<String> columns, Expression check,
        String usingIndex, QualifiedName ref, List<String> refColumns, String onDelete, String onUpdate,
        boolean noInherit, String method) {
      return new Constraint(c.span(startToken, c.i), name, kind, columns, check, usingIndex, ref, refColumns,
          kind != ConstraintKind.FOREIGN_KEY || onDelete != null ? onDelete : "NO ACTION",
          kind != ConstraintKind.FOREIGN_KEY || onUpdate != null ? onUpdate : "NO ACTION", false, false, false,
          noInherit, method, null, null, null, null);
    }

    /** {@code k} with where its name is written. */
    static Constraint named(Constraint k, Span nameSpan) {
      return withSpans(k, nameSpan, null, null, null);
    }

    /** {@code k} with where its name, column list, REFERENCES clause and USING INDEX name are written (null: as before). */
    static Constraint withSpans(Constraint k, Span nameSpan, Span columnsSpan, Span referencesSpan,
        Span usingIndexSpan) {
      return new Constraint(k.span(), k.name(), k.kind(), k.columns(), k.check(), k.usingIndex(), k.referencedTable(),
          k.referencedColumns(), k.onDelete(), k.onUpdate(), k.notValid(), k.deferrable(), k.initiallyDeferred(),
          k.noInherit(), k.indexMethod(), nameSpan == null ? k.nameSpan() : nameSpan,
          columnsSpan == null ? k.columnsSpan() : columnsSpan, referencesSpan == null ? k.referencesSpan() : referencesSpan,
          usingIndexSpan == null ? k.usingIndexSpan() : usingIndexSpan);
    }

    void nullsDistinct() {
      if (!c.accept("nulls", "distinct")) c.accept("nulls", "not", "distinct");
    }

    /** [INCLUDE (…)] [WITH (…)] [USING INDEX TABLESPACE t] */
    List<String> indexParameters() {
      List<String> include = List.of();
      while (true) {
        if (c.accept("include")) include = nameList();
        else if (c.is("with") && c.peek(1).isSymbol("(")) { c.advance(); c.skipGroup(); }
        else if (c.accept("using", "index", "tablespace")) name();
        else return include;
      }
    }

    /** [MATCH FULL|PARTIAL|SIMPLE] [ON DELETE action] [ON UPDATE action], in any order. */
    String[] referentialActions() {
      String[] actions = new String[2];
      while (true) {
        if (c.accept("match")) {
          c.advance();
        } else if (c.is("on") && (c.is(1, "delete") || c.is(1, "update"))) {
          c.advance();
          int which = c.advance().value().equals("delete") ? 0 : 1;
          actions[which] = referentialAction();
        } else {
          return actions;
        }
      }
    }

    String referentialAction() {
      if (c.accept("cascade")) return "CASCADE";
      if (c.accept("restrict")) return "RESTRICT";
      if (c.accept("no", "action")) return "NO ACTION";
      if (c.accept("set", "null")) {
        if (c.isSym("(")) c.skipGroup();
        return "SET NULL";
      }
      if (c.accept("set", "default")) {
        if (c.isSym("(")) c.skipGroup();
        return "SET DEFAULT";
      }
      throw c.error("expected CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT" + c.describeFound());
    }

    Constraint tableConstraint() {
      int start = c.i;
      String name = null;
      Span nameSpan = null;
      if (c.accept("constraint")) {
        name = name();
        nameSpan = c.span(start + 1, c.i);
      }
      Span columnsSpan = null;
      Span referencesSpan = null;
      Span usingIndexSpan = null;
      Constraint k;
      if (c.accept("check")) {
        Expression e = parenthesized();
        k = constraint(start, name, ConstraintKind.CHECK, List.of(), e, null, null, List.of(), null, null, false, null);
      } else if (c.accept("not", "null")) {
        String col = name();
        k = constraint(start, name, ConstraintKind.NOT_NULL, List.of(col), null, null, null, List.of(), null, null, false, null);
      } else if (c.accept("unique") || c.is("primary")) {
        boolean pk = c.accept("primary", "key");
        if (!pk) nullsDistinct();
        ConstraintKind kind = pk ? ConstraintKind.PRIMARY_KEY : ConstraintKind.UNIQUE;
        if (c.accept("using", "index")) {
          int indexStart = c.i;
          String index = name();
          usingIndexSpan = c.span(indexStart, c.i);
          k = constraint(start, name, kind, List.of(), null, index, null, List.of(), null, null, false, null);
        } else {
          int colsStart = c.i;
          List<String> cols = columnListWithoutOverlaps();
          columnsSpan = c.span(colsStart, c.i);
          indexParameters();
          k = constraint(start, name, kind, cols, null, null, null, List.of(), null, null, false, null);
        }
      } else if (c.accept("foreign", "key")) {
        int colsStart = c.i;
        List<String> cols = columnListWithoutOverlaps();
        columnsSpan = c.span(colsStart, c.i);
        int refStart = c.i;
        c.expect("references");
        QualifiedName ref = qname();
        List<String> refCols = c.isSym("(") ? columnListWithoutOverlaps() : List.of();
        String[] actions = referentialActions();
        referencesSpan = c.span(refStart, c.i);
        k = constraint(start, name, ConstraintKind.FOREIGN_KEY, cols, null, null, ref, refCols, actions[0], actions[1],
            false, null);
      } else if (c.accept("exclude")) {
        String method = "gist";
        if (c.accept("using")) method = name();
        int colsStart = c.i;
        List<String> elements = groupElements();
        columnsSpan = c.span(colsStart, c.i);
        indexParameters();
        Expression where = null;
        if (c.accept("where")) where = parenthesized();
        k = constraint(start, name, ConstraintKind.EXCLUDE, elements, where, null, null, List.of(), null, null, false, method);
      } else {
        throw c.error("expected CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or EXCLUDE" + c.describeFound());
      }
      List<Constraint> holder = new ArrayList<>(List.of(withSpans(k, nameSpan, columnsSpan, referencesSpan,
          usingIndexSpan)));
      while (constraintAttribute(holder)) { }
      Constraint done = holder.get(0);
      return new Constraint(c.span(start, c.i), done.name(), done.kind(), done.columns(), done.check(),
          done.usingIndex(), done.referencedTable(), done.referencedColumns(), done.onDelete(), done.onUpdate(),
          done.notValid(), done.deferrable(), done.initiallyDeferred(), done.noInherit(), done.indexMethod(),
          done.nameSpan(), done.columnsSpan(), done.referencesSpan(), done.usingIndexSpan());
    }

    /** (a, b, PERIOD c) / (a, c WITHOUT OVERLAPS) — PostgreSQL 18 temporal keys keep the column names. */
    List<String> columnListWithoutOverlaps() {
      c.expectSym("(");
      List<String> names = new ArrayList<>();
      do {
        c.accept("period");
        names.add(name());
        c.accept("without", "overlaps");
      } while (c.acceptSym(","));
      c.expectSym(")");
      return names;
    }

    Statement createIndex() {
      boolean unique = c.accept("unique");
      int keyword = c.i;
      c.expect("index");
      boolean concurrently = c.accept("concurrently");
      boolean ifNotExists = c.accept("if", "not", "exists");
      QualifiedName name = null;
      Span nameSpan = null;
      if (!c.is("on")) {
        int start = c.i;
        name = qname();
        nameSpan = c.span(start, c.i);
      }
      c.expect("on");
      boolean only = c.accept("only");
      int tableStart = c.i;
      QualifiedName table = qname();
      Span tableSpan = c.span(tableStart, c.i);
      c.acceptSym("*");
      String method = "btree";
      if (c.accept("using")) method = name();
      c.expectSym("(");
      List<IndexElement> elements = new ArrayList<>();
      do elements.add(indexElement()); while (c.acceptSym(","));
      c.expectSym(")");
      List<String> include = List.of();
      boolean nullsNotDistinct = false;
      List<String> params = List.of();
      String tablespace = null;
      Expression where = null;
      while (!c.atEnd()) {
        if (c.accept("include")) include = nameList();
        else if (c.accept("nulls", "not", "distinct")) nullsNotDistinct = true;
        else if (c.accept("nulls", "distinct")) nullsNotDistinct = false;
        else if (c.accept("with")) params = groupElements();
        else if (c.accept("tablespace")) tablespace = name();
        else if (c.accept("where")) where = expression();
        else throw c.error("unexpected " + c.tokenText(c.peek()) + " in CREATE INDEX");
      }
      return new CreateIndex(all(), name, table, unique, concurrently, ifNotExists, only, method, elements, include,
          nullsNotDistinct, params, tablespace, where, c.span(keyword, keyword + 1), nameSpan, tableSpan);
    }

    IndexElement indexElement() {
      int start = c.i;
      String column = null;
      Expression expression = null;
      if (c.isSym("(")) {
        c.advance();
        expression = expression();
        c.expectSym(")");
      } else if (isNameToken(c.peek()) && (c.peek(1).isSymbol("(") || c.peek(1).isSymbol(".") && c.peek(3).isSymbol("("))) {
        int from = c.i;
        qname();
        c.skipGroup();
        expression = expressionOf(from, c.i);
      } else {
        column = name();
      }
      String collation = null, opclass = null, nulls = null;
      boolean desc = false;
      if (c.accept("collate")) collation = qname().toString();
      if (isNameToken(c.peek()) && !c.is("asc") && !c.is("desc") && !c.is("nulls")) {
        opclass = qname().toString();
        if (c.isSym("(")) c.skipGroup();
      }
      if (c.accept("desc")) desc = true;
      else c.accept("asc");
      if (c.accept("nulls")) nulls = c.advance().value().toUpperCase();
      return new IndexElement(c.span(start, c.i), column, expression, collation, opclass, desc, nulls);
    }

    Statement createView(boolean orReplace, boolean temporary, boolean materialized) {
      boolean recursive = c.accept("recursive");
      c.expect("view");
      boolean ifNotExists = c.accept("if", "not", "exists");
      QualifiedName view = qname();
      if (c.isSym("(")) c.skipGroup();
      while (!c.is("as")) {
        if (c.atEnd()) throw c.error("expected AS before the end of the statement");
        if (!c.skipGroup()) c.advance();
      }
      c.expect("as");
      int start = c.i;
      int withAt = c.findAtDepth0("with");
      boolean withData = true;
      int end = c.tokens.size();
      while (withAt >= 0) {
        // WITH [NO] DATA / WITH [CASCADED|LOCAL] CHECK OPTION end the query; a leading WITH is a CTE.
        Token next = c.tokens.size() > withAt + 1 ? c.tokens.get(withAt + 1) : c.eof;
        if (next.is("no") || next.is("data") || next.is("check") || next.is("cascaded") || next.is("local")) {
          end = withAt;
          if (next.is("no")) withData = false;
          break;
        }
        int save = c.i;
        c.i = withAt + 1;
        withAt = c.findAtDepth0("with");
        c.i = save;
      }
      String query = c.text(start, end);
      c.i = c.tokens.size();
      return new CreateView(all(), view, materialized, orReplace, temporary || recursive && false, ifNotExists,
          withData, query);
    }

    Statement createSequence(boolean temporary) {
      boolean ifNotExists = c.accept("if", "not", "exists");
      QualifiedName seq = qname();
      return new CreateSequence(all(), seq, ifNotExists, temporary, sequenceOptions());
    }

    static final String[] SEQUENCE_OPTIONS = {"as", "increment", "minvalue", "maxvalue", "no", "start", "restart",
        "cache", "cycle", "owned", "sequence", "logged", "unlogged", "rename", "set", "owner"};

    List<String> sequenceOptions() {
      List<String> options = new ArrayList<>();
      int start = c.i;
      while (!c.atEnd()) {
        Token t = c.peek();
        boolean starts = false;
        if (c.i > start && !c.prev().is("no") && !c.prev().is("set")) {
          for (String w : SEQUENCE_OPTIONS) if (t.is(w)) starts = true;
          if (t.is("as") && c.prev().is("owned")) starts = false;
        }
        if (starts) {
          options.add(c.text(start, c.i));
          start = c.i;
        }
        if (!c.skipGroup()) c.advance();
      }
      if (c.i > start) options.add(c.text(start, c.i));
      return options;
    }

    Statement createSchema() {
      boolean ifNotExists = c.accept("if", "not", "exists");
      String schema = null;
      String authorization = null;
      if (!c.is("authorization")) schema = name();
      if (c.accept("authorization")) authorization = name();
      if (schema == null) schema = authorization;
      c.i = c.tokens.size(); // schema elements (CREATE TABLE … inside CREATE SCHEMA) are not analysed
      return new CreateSchema(all(), schema, ifNotExists, authorization);
    }

    Statement createExtension() {
      boolean ifNotExists = c.accept("if", "not", "exists");
      String name = name();
      c.accept("with");
      String schema = null, version = null;
      boolean cascade = false;
      while (!c.atEnd()) {
        if (c.accept("schema")) schema = name();
        else if (c.accept("version")) version = c.peek().kind() == TokenKind.STRING ? stringLiteral() : name();
        else if (c.accept("from")) c.advance();
        else if (c.accept("cascade")) cascade = true;
        else throw c.error("unexpected " + c.tokenText(c.peek()) + " in CREATE EXTENSION");
      }
      return new CreateExtension(all(), name, ifNotExists, schema, version, cascade);
    }

    static final String[] FUNCTION_OPTIONS = {"language", "as", "immutable", "stable", "volatile", "strict",
        "security", "external", "called", "cost", "rows", "parallel", "set", "window", "leakproof", "not",
        "support", "transform", "begin", "return", "returns"};

    Statement createFunction(boolean orReplace) {
      boolean procedure = c.advance().value().equals("procedure");
      QualifiedName name = qname();
      if (!c.isSym("(")) throw c.error("expected '(' and the argument list" + c.describeFound());
      String args = groupText();
      String returns = null, language = null, body = null;
      while (!c.atEnd()) {
        if (c.accept("returns", "null", "on", "null", "input")) {
          // STRICT
        } else if (c.accept("returns")) {
          int start = c.i;
          if (c.accept("table")) c.skipGroup();
          else typeName();
          returns = c.text(start, c.i);
        } else if (c.accept("language")) {
          language = c.peek().kind() == TokenKind.STRING ? stringLiteral() : name();
        } else if (c.accept("as")) {
          body = stringLiteral();
          if (c.acceptSym(",")) stringLiteral();
        } else if (c.is("begin")) {
          body = rest();
        } else if (c.is("return")) {
          body = rest();
        } else if (c.accept("set")) {
          while (!c.atEnd() && !isFunctionOption()) c.advance();
        } else if (c.accept("transform")) {
          while (!c.atEnd() && !isFunctionOption()) if (!c.skipGroup()) c.advance();
        } else if (c.accept("window") || c.accept("immutable") || c.accept("stable") || c.accept("volatile")
            || c.accept("strict") || c.accept("leakproof") || c.accept("not", "leakproof")
            || c.accept("called", "on", "null", "input") || c.accept("returns", "null", "on", "null", "input")
            || c.accept("external")) {
          // attribute
        } else if (c.accept("security")) {
          c.advance();
        } else if (c.accept("cost") || c.accept("rows") || c.accept("parallel") || c.accept("support")) {
          c.advance();
          if (c.acceptSym(".")) c.advance();
        } else {
          throw c.error("unexpected " + c.tokenText(c.peek()) + " in CREATE " + (procedure ? "PROCEDURE" : "FUNCTION"));
        }
      }
      return new CreateFunction(all(), name, procedure, orReplace, args, returns, language, body);
    }

    boolean isFunctionOption() {
      for (String w : FUNCTION_OPTIONS) if (c.is(w)) return true;
      return false;
    }

    Statement createTrigger(boolean orReplace) {
      boolean constraint = c.accept("constraint");
      c.expect("trigger");
      String trigger = name();
      String timing;
      if (c.accept("before")) timing = "BEFORE";
      else if (c.accept("after")) timing = "AFTER";
      else if (c.accept("instead", "of")) timing = "INSTEAD OF";
      else throw c.error("expected BEFORE, AFTER or INSTEAD OF" + c.describeFound());
      List<String> events = new ArrayList<>();
      do {
        String event = c.advance().value();
        if (event == null) throw c.error("expected an event");
        events.add(event.toUpperCase());
        if (event.equals("update") && c.accept("of")) {
          do name(); while (c.acceptSym(","));
        }
      } while (c.accept("or"));
      c.expect("on");
      QualifiedName table = qname();
      boolean forEachRow = false;
      while (!c.is("execute")) {
        if (c.atEnd()) throw c.error("expected EXECUTE FUNCTION before the end of the statement");
        if (c.accept("for")) {
          c.accept("each");
          forEachRow = c.accept("row");
          if (!forEachRow) c.expect("statement");
        } else if (!c.skipGroup()) {
          c.advance();
        }
      }
      c.expect("execute");
      if (!c.accept("function")) c.expect("procedure");
      QualifiedName function = qname();
      c.skipGroup();
      expectEnd();
      return new CreateTrigger(all(), trigger, table, orReplace, constraint, timing, events, forEachRow, function);
    }

    Statement createType() {
      QualifiedName type = qname();
      if (c.atEnd()) return new CreateType(all(), type, "SHELL", List.of());
      if (c.isSym("(")) {
        c.skipGroup();
        return new CreateType(all(), type, "BASE", List.of());
      }
      c.expect("as");
      if (c.accept("enum")) {
        c.expectSym("(");
        List<String> values = new ArrayList<>();
        if (!c.isSym(")")) {
          do values.add(stringLiteral()); while (c.acceptSym(","));
        }
        c.expectSym(")");
        expectEnd();
        return new CreateType(all(), type, "ENUM", values);
      }
      if (c.accept("range")) {
        c.skipGroup();
        return new CreateType(all(), type, "RANGE", List.of());
      }
      if (!c.isSym("(")) throw c.error("expected ENUM, RANGE or '('" + c.describeFound());
      c.skipGroup();
      expectEnd();
      return new CreateType(all(), type, "COMPOSITE", List.of());
    }

    // ---- ALTER -------------------------------------------------------------------------------

    Statement alter() {
      c.expect("alter");
      if (c.accept("table")) return alterTable("TABLE");
      if (c.accept("foreign", "table")) return alterTable("FOREIGN TABLE");
      if (c.accept("materialized", "view")) return alterTable("MATERIALIZED VIEW");
      if (c.is("index") || c.is("view")) {
        String type = c.advance().value().toUpperCase();
        return alterTable(type);
      }
      if (c.accept("sequence")) {
        boolean ifExists = c.accept("if", "exists");
        QualifiedName seq = qname();
        return new AlterSequence(all(), seq, ifExists, sequenceOptions());
      }
      if (c.accept("type")) return alterType();
      return otherDdl("ALTER");
    }

    Statement alterTable(String objectType) {
      if (c.is("all") && c.is(1, "in")) {
        return new OtherCommand(all(), "ALTER_" + objectType.replace(' ', '_') + "_ALL_IN_TABLESPACE", null);
      }
      boolean ifExists = c.accept("if", "exists");
      boolean only = c.accept("only");
      int nameStart = c.i;
      QualifiedName table = qname();
      Span tableSpan = c.span(nameStart, c.i);
      c.acceptSym("*");
      List<AlterTableAction> actions = new ArrayList<>();
      do actions.add(action()); while (c.acceptSym(","));
      expectEnd();
      return new AlterTable(all(), objectType, table, ifExists, only, actions, tableSpan);
    }

    AlterTableAction action() {
      int start = c.i;
      if (c.accept("add")) {
        if (isTableConstraintStart()) {
          Constraint k = tableConstraint();
          return new AlterTableAction.AddConstraint(c.span(start, c.i), k);
        }
        c.accept("column");
        boolean ifNotExists = c.accept("if", "not", "exists");
        ColumnDef col = columnDef(false);
        return new AlterTableAction.AddColumn(c.span(start, c.i), col, ifNotExists);
      }
      if (c.accept("drop")) {
        if (c.accept("constraint")) {
          boolean ifExists = c.accept("if", "exists");
          String name = name();
          boolean cascade = behavior();
          return new AlterTableAction.DropConstraint(c.span(start, c.i), name, ifExists, cascade);
        }
        c.accept("column");
        boolean ifExists = c.accept("if", "exists");
        int nameStart = c.i;
        String name = name();
        Span nameSpan = c.span(nameStart, c.i);
        boolean cascade = behavior();
        return new AlterTableAction.DropColumn(c.span(start, c.i), name, ifExists, cascade, nameSpan);
      }
      if (c.accept("alter")) {
        if (c.accept("constraint")) {
          String name = name();
          List<String> attributes = new ArrayList<>();
          while (!c.atEnd() && !c.isSym(",")) attributes.add(c.advance().value());
          return new AlterTableAction.AlterConstraint(c.span(start, c.i), name, attributes);
        }
        c.accept("column");
        // ALTER INDEX … ALTER COLUMN 2: an index column by number
        int nameStart = c.i;
        String column = c.peek().kind() == TokenKind.NUMBER ? c.advance().value() : name();
        return alterColumn(start, column, c.span(nameStart, c.i));
      }
      if (c.accept("validate", "constraint")) {
        return new AlterTableAction.ValidateConstraint(c.span(start, c.i), name());
      }
      if (c.accept("rename")) {
        if (c.accept("constraint")) {
          String from = name();
          c.expect("to");
          return new AlterTableAction.RenameConstraint(c.span(start, c.i), from, name());
        }
        if (c.accept("to")) {
          int nameStart = c.i;
          String to = name();
          return new AlterTableAction.RenameTo(c.span(start, c.i), to, c.span(nameStart, c.i));
        }
        c.accept("column");
        int fromStart = c.i;
        String from = name();
        Span fromSpan = c.span(fromStart, c.i);
        c.expect("to");
        int toStart = c.i;
        String to = name();
        return new AlterTableAction.RenameColumn(c.span(start, c.i), from, to, fromSpan, c.span(toStart, c.i));
      }
      if (c.accept("owner", "to")) return new AlterTableAction.OwnerTo(c.span(start, c.i), name());
      if (c.accept("set")) {
        if (c.accept("schema")) return new AlterTableAction.SetSchema(c.span(start, c.i), name());
        if (c.isSym("(")) return new AlterTableAction.SetStorageParameters(c.span(start, c.i), groupElementsAfter(), false);
        if (c.accept("logged")) return new AlterTableAction.SetPersistence(c.span(start, c.i), true);
        if (c.accept("unlogged")) return new AlterTableAction.SetPersistence(c.span(start, c.i), false);
        if (c.accept("tablespace")) {
          String ts = name();
          c.accept("nowait");
          return new AlterTableAction.SetTablespace(c.span(start, c.i), ts);
        }
        if (c.accept("access", "method")) return new AlterTableAction.SetAccessMethod(c.span(start, c.i), name());
        if (c.accept("without", "cluster")) return new AlterTableAction.ClusterOn(c.span(start, c.i), null);
        if (c.accept("without", "oids") || c.accept("with", "oids")) {
          return new AlterTableAction.OtherAction(c.span(start, c.i), c.text(start, c.i));
        }
        throw c.error("unexpected " + c.tokenText(c.peek()) + " after SET");
      }
      if (c.accept("reset")) {
        return new AlterTableAction.SetStorageParameters(c.span(start, c.i), groupElementsAfter(), true);
      }
      if (c.accept("attach", "partition")) {
        QualifiedName p = qname();
        String bound = null;
        if (!c.atEnd() && !c.isSym(",")) {
          int b = c.i;
          if (!c.accept("default")) {
            c.expect("for");
            c.expect("values");
            while (!c.atEnd() && !c.isSym(",")) if (!c.skipGroup()) c.advance();
          }
          bound = c.text(b, c.i);
        }
        return new AlterTableAction.AttachPartition(c.span(start, c.i), p, bound);
      }
      if (c.accept("detach", "partition")) {
        QualifiedName p = qname();
        boolean concurrently = c.accept("concurrently");
        boolean finalizeDetach = c.accept("finalize");
        return new AlterTableAction.DetachPartition(c.span(start, c.i), p, concurrently, finalizeDetach);
      }
      if (c.is("enable") || c.is("disable")) {
        boolean enable = c.advance().value().equals("enable");
        String mode = null;
        if (c.accept("always")) mode = "ALWAYS";
        else if (c.accept("replica")) mode = "REPLICA";
        if (c.accept("trigger")) return new AlterTableAction.SetTrigger(c.span(start, c.i), enable, name(), mode);
        if (c.accept("rule")) return new AlterTableAction.SetRule(c.span(start, c.i), enable, name(), mode);
        c.expect("row");
        c.expect("level");
        c.expect("security");
        return new AlterTableAction.RowLevelSecurity(c.span(start, c.i), enable ? "ENABLE" : "DISABLE");
      }
      if (c.accept("force", "row", "level", "security")) {
        return new AlterTableAction.RowLevelSecurity(c.span(start, c.i), "FORCE");
      }
      if (c.accept("no", "force", "row", "level", "security")) {
        return new AlterTableAction.RowLevelSecurity(c.span(start, c.i), "NO FORCE");
      }
      if (c.accept("inherit")) return new AlterTableAction.Inherit(c.span(start, c.i), qname(), true);
      if (c.accept("no", "inherit")) return new AlterTableAction.Inherit(c.span(start, c.i), qname(), false);
      if (c.accept("replica", "identity")) {
        int from = c.i;
        if (c.accept("using", "index")) name(); else c.advance();
        return new AlterTableAction.ReplicaIdentity(c.span(start, c.i), c.text(from, c.i).toUpperCase());
      }
      if (c.accept("cluster", "on")) return new AlterTableAction.ClusterOn(c.span(start, c.i), name());
      if (c.accept("of")) {
        qname();
        return new AlterTableAction.OtherAction(c.span(start, c.i), c.text(start, c.i));
      }
      if (c.accept("not", "of") || c.accept("depends", "on", "extension") || c.accept("no", "depends", "on", "extension")
          || c.accept("options")) {
        while (!c.atEnd() && !c.isSym(",")) if (!c.skipGroup()) c.advance();
        return new AlterTableAction.OtherAction(c.span(start, c.i), c.text(start, c.i));
      }
      throw c.error("unexpected " + c.tokenText(c.peek()) + "; expected an ALTER " + "action (ADD, DROP, ALTER, RENAME, SET, …)");
    }

    List<String> groupElementsAfter() {
      return groupElements();
    }

    /** [CASCADE | RESTRICT]: true for CASCADE. */
    boolean behavior() {
      if (c.accept("cascade")) return true;
      c.accept("restrict");
      return false;
    }

    static final String[] USING_STOP = {};

    AlterTableAction alterColumn(int start, String column, Span columnSpan) {
      if (c.accept("type") || c.accept("set", "data", "type")) {
        int typeStart = c.i;
        TypeName type = typeName();
        Span typeSpan = c.span(typeStart, c.i);
        String collation = null;
        if (c.accept("collate")) collation = qname().toString();
        Expression using = null;
        if (c.accept("using")) using = expression();
        return new AlterTableAction.AlterColumnType(c.span(start, c.i), column, type, collation, using, columnSpan,
            typeSpan);
      }
      if (c.accept("set", "default")) {
        return new AlterTableAction.SetDefault(c.span(start, c.i), column, expression());
      }
      if (c.accept("drop", "default")) return new AlterTableAction.DropDefault(c.span(start, c.i), column);
      if (c.accept("set", "not", "null")) return new AlterTableAction.SetNotNull(c.span(start, c.i), column, columnSpan);
      if (c.accept("drop", "not", "null")) return new AlterTableAction.DropNotNull(c.span(start, c.i), column);
      if (c.accept("add", "generated")) {
        String generated;
        if (c.accept("always")) generated = "ALWAYS";
        else {
          c.expect("by");
          c.expect("default");
          generated = "BY DEFAULT";
        }
        c.expect("as");
        c.expect("identity");
        if (c.isSym("(")) c.skipGroup();
        return new AlterTableAction.AddIdentity(c.span(start, c.i), column, generated);
      }
      if (c.accept("drop", "identity")) {
        boolean ifExists = c.accept("if", "exists");
        return new AlterTableAction.DropIdentity(c.span(start, c.i), column, ifExists);
      }
      if (c.accept("set", "expression")) {
        c.expect("as");
        return new AlterTableAction.SetExpression(c.span(start, c.i), column, parenthesizedKeep());
      }
      if (c.accept("drop", "expression")) {
        boolean ifExists = c.accept("if", "exists");
        return new AlterTableAction.DropExpression(c.span(start, c.i), column, ifExists);
      }
      if (c.is("set") && (c.is(1, "statistics") || c.is(1, "storage") || c.is(1, "compression"))) {
        c.advance();
        String option = c.advance().value().toUpperCase();
        int from = c.i;
        c.advance();
        return new AlterTableAction.SetColumnOption(c.span(start, c.i), column, option, c.text(from, c.i));
      }
      if (c.is("set") && c.peek(1).isSymbol("(") || c.is("reset")) {
        String option = c.advance().value().toUpperCase();
        String value = "(" + String.join(", ", groupElements()) + ")";
        return new AlterTableAction.SetColumnOption(c.span(start, c.i), column, option, value);
      }
      if (c.is("set") || c.is("restart")) {
        List<String> changes = new ArrayList<>();
        while (c.is("set") || c.is("restart")) {
          int from = c.i;
          c.advance();
          while (!c.atEnd() && !c.isSym(",") && !c.is("set") && !c.is("restart")) c.advance();
          changes.add(c.text(from, c.i));
        }
        return new AlterTableAction.AlterIdentity(c.span(start, c.i), column, changes);
      }
      if (c.accept("options")) {
        c.skipGroup();
        return new AlterTableAction.OtherAction(c.span(start, c.i), c.text(start, c.i));
      }
      throw c.error("unexpected " + c.tokenText(c.peek()) + " after ALTER COLUMN " + column);
    }

    Expression parenthesizedKeep() {
      return parenthesized();
    }

    Statement alterType() {
      QualifiedName type = qname();
      if (c.accept("add", "value")) {
        boolean ifNotExists = c.accept("if", "not", "exists");
        String value = stringLiteral();
        boolean before = false;
        String neighbour = null;
        if (c.accept("before")) {
          before = true;
          neighbour = stringLiteral();
        } else if (c.accept("after")) {
          neighbour = stringLiteral();
        }
        expectEnd();
        return new AlterType(all(), type, "ADD_VALUE", value, null, ifNotExists, before, neighbour);
      }
      if (c.accept("rename", "value")) {
        String from = stringLiteral();
        c.expect("to");
        String to = stringLiteral();
        expectEnd();
        return new AlterType(all(), type, "RENAME_VALUE", from, to, false, false, null);
      }
      if (c.accept("rename", "to")) return new AlterType(all(), type, "RENAME", name(), null, false, false, null);
      if (c.accept("owner", "to")) return new AlterType(all(), type, "OWNER", name(), null, false, false, null);
      if (c.accept("set", "schema")) return new AlterType(all(), type, "SET_SCHEMA", name(), null, false, false, null);
      if (c.is("add") || c.is("drop") || c.is("alter") || c.is("rename")) {
        rest();
        return new AlterType(all(), type, "ATTRIBUTES", null, null, false, false, null);
      }
      if (c.accept("set")) {
        rest();
        return new AlterType(all(), type, "SET", null, null, false, false, null);
      }
      throw c.error("unexpected " + c.tokenText(c.peek()) + " in ALTER TYPE");
    }

    // ---- DROP --------------------------------------------------------------------------------

    Statement drop() {
      c.expect("drop");
      int typeStart = c.i;
      String type = objectType();
      if (type == null) return unrecognized();
      Span typeSpan = c.span(typeStart, c.i);
      if (type.equals("OWNED") || type.equals("USER MAPPING") || type.equals("CAST") || type.equals("TRANSFORM")
          || type.equals("OPERATOR") || type.equals("AGGREGATE") && c.containsWord("order")) {
        rest();
        return new OtherCommand(all(), "DROP_" + type.replace(' ', '_'), null);
      }
      boolean concurrently = c.accept("concurrently");
      boolean ifExists = c.accept("if", "exists");
      List<QualifiedName> names = new ArrayList<>();
      List<Span> nameSpans = new ArrayList<>();
      QualifiedName on = null;
      do {
        int start = c.i;
        names.add(qname());
        nameSpans.add(c.span(start, c.i));
        if (c.isSym("(")) c.skipGroup();
        if (type.equals("OPERATOR CLASS") || type.equals("OPERATOR FAMILY")) {
          c.expect("using");
          name();
        }
      } while (c.acceptSym(","));
      if (c.accept("on")) on = qname();
      if (c.is("with") && c.peek(1).isSymbol("(")) { // DROP DATABASE … WITH (FORCE)
        c.advance();
        c.skipGroup();
      }
      String behavior = null;
      if (c.accept("cascade")) behavior = "CASCADE";
      else if (c.accept("restrict")) behavior = "RESTRICT";
      expectEnd();
      return new Drop(all(), type, names, ifExists, concurrently, behavior, on, typeSpan, nameSpans);
    }

    // ---- DML ---------------------------------------------------------------------------------

    Statement dml() {
      if (c.accept("with")) {
        c.accept("recursive");
        do {
          name();
          if (c.isSym("(")) c.skipGroup();
          c.expect("as");
          c.accept("not");
          c.accept("materialized");
          if (!c.isSym("(")) throw c.error("expected '(' and the WITH query" + c.describeFound());
          c.skipGroup();
          // SEARCH / CYCLE clauses
          while (c.is("search") || c.is("cycle")) {
            c.advance();
            while (!c.atEnd() && !c.is("select") && !c.is("insert") && !c.is("update") && !c.is("delete")
                && !c.is("merge") && !c.is("values") && !c.is("table") && !c.is("cycle")
                && !(c.isSym(",") && isNameToken(c.peek(1)) && (c.is(2, "as") || c.peek(2).isSymbol("(")))) {
              c.advance();
            }
          }
        } while (c.acceptSym(","));
      }
      if (c.is("select") || c.is("values") || c.is("table") || c.isSym("(")) return select();
      boolean limited = c.containsWord("limit");
      if (c.accept("insert")) {
        c.expect("into");
        QualifiedName table = qname();
        if (c.accept("as")) name();
        List<String> columns = List.of();
        if (c.isSym("(") && !c.is(1, "select") && !c.is(1, "values") && !c.is(1, "with")) columns = insertColumns();
        boolean onConflict = c.findAtDepth0("conflict") >= 0 && c.containsWord("on");
        boolean returning = c.findAtDepth0("returning") >= 0;
        rest();
        return new Insert(all(), table, columns, onConflict, returning);
      }
      if (c.accept("update")) {
        c.accept("only");
        int tableStart = c.i;
        QualifiedName table = qname();
        Span tableSpan = c.span(tableStart, c.i);
        c.acceptSym("*");
        if (!c.is("set")) {
          c.accept("as");
          name();
        }
        c.expect("set");
        boolean hasFrom = c.findAtDepth0("from") >= 0;
        int whereAt = c.findAtDepth0("where");
        boolean returning = c.findAtDepth0("returning") >= 0;
        List<Assignment> set = assignments();
        Where where = whereAt < 0 ? null : where(whereAt);
        rest();
        return new Update(all(), table, whereAt >= 0, hasFrom, returning, limited, tableSpan, set, where);
      }
      if (c.accept("delete")) {
        c.expect("from");
        c.accept("only");
        int tableStart = c.i;
        QualifiedName table = qname();
        Span tableSpan = c.span(tableStart, c.i);
        c.acceptSym("*");
        boolean hasUsing = c.findAtDepth0("using") >= 0;
        int whereAt = c.findAtDepth0("where");
        boolean returning = c.findAtDepth0("returning") >= 0;
        Where where = whereAt < 0 ? null : where(whereAt);
        rest();
        return new Delete(all(), table, whereAt >= 0, hasUsing, returning, limited, tableSpan, where);
      }
      if (c.accept("merge")) {
        c.expect("into");
        c.accept("only");
        QualifiedName table = qname();
        QualifiedName source = null;
        int using = c.findAtDepth0("using");
        if (using >= 0) {
          c.i = using + 1;
          c.accept("only");
          if (isNameToken(c.peek())) source = qname();
        }
        rest();
        return new Merge(all(), table, source);
      }
      throw c.error("expected SELECT, INSERT, UPDATE, DELETE or MERGE after WITH" + c.describeFound());
    }

    /**
     * The SET list of an UPDATE, from the cursor up to a depth-0 FROM, WHERE or RETURNING; the cursor is
     * left where it was. Each item runs to the next depth-0 comma; a target that is one plain column
     * followed by {@code =} gives its column and value.
     */
    List<Assignment> assignments() {
      int save = c.i;
      int end = c.findAtDepth0("from", "where", "returning");
      if (end < 0) end = c.tokens.size();
      List<Assignment> out = new ArrayList<>();
      int start = c.i;
      int depth = 0;
      for (int k = start; k <= end; k++) {
        Token t = k < end ? c.tokens.get(k) : null;
        if (t != null && (t.isSymbol("(") || t.isSymbol("["))) depth++;
        else if (t != null && (t.isSymbol(")") || t.isSymbol("]"))) depth--;
        if (t == null || depth == 0 && t.isSymbol(",")) {
          if (k > start) out.add(assignment(start, k));
          start = k + 1;
        }
      }
      c.i = save;
      return out;
    }

    Assignment assignment(int from, int to) {
      Token target = c.tokens.get(from);
      if (isNameToken(target) && from + 2 < to && c.tokens.get(from + 1).isSymbol("=")) {
        return new Assignment(c.span(from, to), target.kind() == TokenKind.PLACEHOLDER
            ? c.text(from, from + 1) : target.value(), c.span(from, from + 1), expressionOf(from + 2, to));
      }
      return new Assignment(c.span(from, to), null, null, null);
    }

    static final java.util.Set<String> COMPARISONS = java.util.Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

    static final java.util.Set<String> WHERE_WORDS = java.util.Set.of("and", "or", "not", "in", "is", "null",
        "where", "select", "from", "exists");

    /**
     * The WHERE clause whose key word is token {@code at}, up to a depth-0 RETURNING; the cursor is not
     * moved. Comparisons are read at any depth: a name (not a key word of the condition) followed by an
     * operator and an operand.
     */
    Where where(int at) {
      int end = at + 1;
      int depth = 0;
      boolean or = false;
      boolean limit = false;
      List<Where.Comparison> comparisons = new ArrayList<>();
      for (; end < c.tokens.size(); end++) {
        Token t = c.tokens.get(end);
        if (t.isSymbol("(") || t.isSymbol("[")) depth++;
        else if (t.isSymbol(")") || t.isSymbol("]")) depth--;
        else if (depth == 0 && t.is("returning")) break;
        else if (depth == 0 && t.is("or")) or = true;
        else if (t.is("limit")) limit = true;
      }
      for (int k = at + 1; k + 1 < end; k++) {
        Token t = c.tokens.get(k);
        if (!(t.kind() == TokenKind.IDENT || t.kind() == TokenKind.QUOTED_IDENT)
            || t.kind() == TokenKind.IDENT && WHERE_WORDS.contains(t.value())) continue;
        Token op = c.tokens.get(k + 1);
        int operand = k + 2;
        String operator = null;
        if (op.kind() == TokenKind.OPERATOR && COMPARISONS.contains(op.value())) {
          operator = op.value();
        } else if (op.is("between")) {
          operator = "BETWEEN";
        } else if (op.is("in") && operand < end && c.tokens.get(operand).isSymbol("(")) {
          operator = "IN";
          operand++;
        }
        if (operator == null) continue;
        boolean constant = operand < end && (constant(c.tokens.get(operand))
            || c.tokens.get(operand).isSymbol("-") && operand + 1 < end
                && c.tokens.get(operand + 1).kind() == TokenKind.NUMBER);
        comparisons.add(new Where.Comparison(t.value(), operator, constant));
      }
      return new Where(c.span(at, end), c.text(at, end), or, limit, comparisons);
    }

    /** A literal, a bind parameter ($1, ?, :name) or a placeholder. */
    boolean constant(Token t) {
      if (t == null) return false;
      switch (t.kind()) {
        case NUMBER: case STRING: case BIT_STRING: case DOLLAR_STRING: case PARAM: case PLACEHOLDER: return true;
        default: return t.isSymbol("?") || t.isSymbol(":");
      }
    }

    /** (a, b[1:2], c.field): the target columns with any subscripts or field selections. */
    List<String> insertColumns() {
      c.expectSym("(");
      List<String> names = new ArrayList<>();
      do {
        names.add(name());
        while (c.isSym("[") || c.isSym(".")) {
          if (!c.skipGroup()) {
            c.advance();
            name();
          }
        }
      } while (c.acceptSym(","));
      c.expectSym(")");
      return names;
    }

    Statement select() {
      int start = c.i;
      boolean into = false;
      int depth = 0;
      for (int k = start; k < c.tokens.size(); k++) {
        Token t = c.tokens.get(k);
        if (t.isSymbol("(")) depth++;
        else if (t.isSymbol(")")) depth--;
        else if (depth == 0 && t.is("into")) into = true;
      }
      Expression e = expressionOf(start, c.tokens.size());
      c.i = c.tokens.size();
      return new Select(all(), e.functions(), into);
    }

    // ---- transactions, SET -------------------------------------------------------------------

    Statement transaction() {
      String first = c.advance().value();
      String action;
      String name = null;
      switch (first) {
        case "begin":
        case "start":
          if (first.equals("start")) c.expect("transaction");
          else if (!c.accept("work")) c.accept("transaction");
          action = "BEGIN";
          break;
        case "commit":
        case "end":
          if (c.accept("prepared")) {
            return new TransactionControl(all(), "COMMIT_PREPARED", stringLiteral(), List.of());
          }
          if (!c.accept("work")) c.accept("transaction");
          action = "COMMIT";
          break;
        case "rollback":
        case "abort":
          if (c.accept("prepared")) {
            return new TransactionControl(all(), "ROLLBACK_PREPARED", stringLiteral(), List.of());
          }
          if (!c.accept("work")) c.accept("transaction");
          if (c.accept("to")) {
            c.accept("savepoint");
            return new TransactionControl(all(), "ROLLBACK_TO_SAVEPOINT", name(), List.of());
          }
          action = "ROLLBACK";
          break;
        case "savepoint":
          return new TransactionControl(all(), "SAVEPOINT", name(), List.of());
        case "release":
          c.accept("savepoint");
          return new TransactionControl(all(), "RELEASE_SAVEPOINT", name(), List.of());
        case "prepare":
          c.expect("transaction");
          return new TransactionControl(all(), "PREPARE_TRANSACTION", stringLiteral(), List.of());
        default:
          throw c.error("not a transaction statement");
      }
      List<String> modes = new ArrayList<>();
      int start = c.i;
      transactionMode(action);
      while (!c.atEnd()) {
        if (c.isSym(",")) {
          modes.add(c.text(start, c.i));
          c.advance();
          start = c.i;
          transactionMode(action);
        } else {
          c.advance();
        }
      }
      if (c.i > start) modes.add(c.text(start, c.i));
      return new TransactionControl(all(), action, null, modes);
    }

    /**
     * At the start of a mode of BEGIN (ISOLATION LEVEL …, READ WRITE|ONLY, [NOT] DEFERRABLE) or of
     * COMMIT/ROLLBACK (AND [NO] CHAIN): anything else is not a transaction statement (a PL/pgSQL
     * block's BEGIN, say).
     */
    void transactionMode(String action) {
      if (c.atEnd()) return;
      boolean ok = action.equals("BEGIN")
          ? c.is("isolation") || c.is("read") || c.is("deferrable") || c.is("not")
          : c.is("and");
      if (!ok) {
        throw c.error("expected " + (action.equals("BEGIN") ? "a transaction mode" : "AND [NO] CHAIN")
            + c.describeFound());
      }
    }

    Statement set() {
      c.expect("set");
      boolean local = c.accept("local");
      String name = null;
      if (c.accept("session", "authorization")) name = "session_authorization";
      else if (c.accept("session", "characteristics")) name = "session_characteristics";
      else if (!local) c.accept("session");
      if (name != null) {
        // done
      } else if (c.accept("time", "zone")) name = "timezone";
      else if (c.accept("session", "authorization")) name = "session_authorization";
      else if (c.accept("role")) name = "role";
      else if (c.accept("transaction")) name = "transaction";
      else if (c.accept("constraints")) name = "constraints";
      else if (c.accept("schema")) name = "search_path";
      else if (c.accept("names")) name = "client_encoding";
      else if (c.accept("xml", "option")) name = "xmloption";
      else {
        StringBuilder sb = new StringBuilder(name());
        while (c.acceptSym(".")) sb.append('.').append(name());
        name = sb.toString();
        if (!c.accept("to") && !c.acceptSym("=")) throw c.error("expected TO or = after SET " + name + c.describeFound());
      }
      String value = rest();
      return new SetVariable(all(), name, value, local);
    }

    Statement reset() {
      c.expect("reset");
      String name;
      if (c.accept("time", "zone")) name = "timezone";
      else if (c.accept("session", "authorization")) name = "session_authorization";
      else if (c.accept("transaction", "isolation", "level")) name = "transaction_isolation";
      else {
        StringBuilder sb = new StringBuilder(name());
        while (c.acceptSym(".")) sb.append('.').append(name());
        name = sb.toString();
      }
      expectEnd();
      return new ResetVariable(all(), name);
    }

    // ---- maintenance ------------------------------------------------------------------------

    Statement truncate() {
      c.expect("truncate");
      c.accept("table");
      boolean only = c.is("only");
      List<Span> spans = new ArrayList<>();
      List<QualifiedName> tables = qnames(spans);
      boolean restart = false, cascade = false;
      while (!c.atEnd()) {
        if (c.accept("restart", "identity")) restart = true;
        else if (c.accept("continue", "identity")) restart = false;
        else if (c.accept("cascade")) cascade = true;
        else if (c.accept("restrict")) cascade = false;
        else throw c.error("unexpected " + c.tokenText(c.peek()) + " in TRUNCATE");
      }
      return new Truncate(all(), tables, only, restart, cascade, spans);
    }

    Statement vacuum() {
      boolean analyzeOnly = !c.advance().value().equals("vacuum");
      List<String> options = new ArrayList<>();
      if (c.isSym("(")) options.addAll(groupElements());
      boolean full = false;
      while (c.is("full") || c.is("freeze") || c.is("verbose") || c.is("analyze") || c.is("analyse")) {
        String o = c.advance().value();
        if (o.equals("full")) full = true;
        options.add(o.toUpperCase());
      }
      for (String o : options) if (o.trim().toLowerCase().startsWith("full")) full = true;
      List<QualifiedName> tables = new ArrayList<>();
      if (!c.atEnd()) {
        do {
          tables.add(qname());
          if (c.isSym("(")) c.skipGroup();
        } while (c.acceptSym(","));
      }
      expectEnd();
      return new Vacuum(all(), analyzeOnly, full, options, tables);
    }

    Statement cluster() {
      c.expect("cluster");
      if (c.isSym("(")) c.skipGroup();
      c.accept("verbose");
      if (c.atEnd()) return new Cluster(all(), null, null);
      QualifiedName first = qname();
      if (c.accept("on")) {
        // CLUSTER index ON table (pre-8.3 syntax, still accepted)
        QualifiedName table = qname();
        expectEnd();
        return new Cluster(all(), table, first.name());
      }
      String index = null;
      if (c.accept("using")) index = name();
      expectEnd();
      return new Cluster(all(), first, index);
    }

    Statement refresh() {
      c.expect("refresh");
      c.expect("materialized");
      int keyword = c.i;
      c.expect("view");
      boolean concurrently = c.accept("concurrently");
      int viewStart = c.i;
      QualifiedName view = qname();
      Span viewSpan = c.span(viewStart, c.i);
      boolean withData = true;
      if (c.accept("with", "no", "data")) withData = false;
      else c.accept("with", "data");
      expectEnd();
      return new RefreshMaterializedView(all(), view, concurrently, withData, c.span(keyword, keyword + 1), viewSpan);
    }

    Statement reindex() {
      c.expect("reindex");
      boolean concurrently = false;
      if (c.isSym("(")) {
        for (String o : groupElements()) if (o.trim().toLowerCase().startsWith("concurrently")) concurrently = true;
      }
      c.accept("verbose");
      int keyword = c.i;
      String target = c.advance().value();
      if (target == null || !List.of("index", "table", "schema", "database", "system").contains(target)) {
        throw c.error("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM after REINDEX");
      }
      if (c.accept("concurrently")) concurrently = true;
      int nameStart = c.i;
      QualifiedName name = c.atEnd() ? null : qname();
      Span nameSpan = name == null ? null : c.span(nameStart, c.i);
      expectEnd();
      return new Reindex(all(), target.toUpperCase(), name, concurrently, c.span(keyword, keyword + 1), nameSpan);
    }

    Statement comment() {
      c.expect("comment");
      c.expect("on");
      String type = objectType();
      if (type == null) {
        if (c.accept("materialized", "view")) type = "MATERIALIZED VIEW";
        else type = c.advance().value() == null ? "" : c.prev().value().toUpperCase();
      }
      QualifiedName target = null;
      if (type.equals("CAST") || type.equals("TRANSFORM") || type.equals("LARGE OBJECT") || !isNameToken(c.peek())) {
        int is = c.findAtDepth0("is");
        if (is < 0) throw c.error("expected IS");
        c.i = is;
      } else {
        target = qname();
        if (c.isSym("(")) c.skipGroup();
        if (c.accept("on")) {
          c.accept("domain");
          QualifiedName table = qname();
          target = new QualifiedName(table.toString(), target.toString());
        } else if (c.accept("using")) {
          name();
        }
      }
      c.expect("is");
      String text = c.accept("null") ? null : stringLiteral();
      expectEnd();
      return new CommentOn(all(), type, target, text);
    }

    Statement grant() {
      boolean revoke = c.advance().value().equals("revoke");
      if (revoke) {
        if (!c.accept("grant", "option", "for")) c.accept("admin", "option", "for");
        c.accept("inherit", "option", "for");
        c.accept("set", "option", "for");
      }
      int on = c.findAtDepth0("on");
      int toFrom = c.findAtDepth0(revoke ? "from" : "to");
      List<String> privileges = new ArrayList<>();
      if (on < 0 || (toFrom >= 0 && toFrom < on)) {
        // GRANT role TO role: membership
        while (c.i < (toFrom < 0 ? c.tokens.size() : toFrom)) {
          if (!c.acceptSym(",")) privileges.add(name());
        }
        c.i = toFrom < 0 ? c.tokens.size() : toFrom + 1;
        List<String> grantees = grantees();
        return new Grant(all(), revoke, privileges, "ROLE", List.of(), grantees);
      }
      int start = c.i;
      while (c.i < on) {
        if (c.isSym(",")) {
          privileges.add(privilege(start, c.i));
          c.advance();
          start = c.i;
        } else if (!c.skipGroup()) {
          c.advance();
        }
      }
      if (c.i > start) privileges.add(privilege(start, c.i));
      c.expect("on");
      String type = "TABLE";
      List<QualifiedName> objects = new ArrayList<>();
      if (c.is("all") && c.peek(2).is("in")) {
        c.advance();
        type = "ALL " + c.advance().value().toUpperCase() + " IN SCHEMA";
        c.expect("in");
        c.expect("schema");
        do objects.add(qname()); while (c.acceptSym(","));
      } else {
        if (c.accept("foreign", "data", "wrapper")) type = "FOREIGN DATA WRAPPER";
        else if (c.accept("foreign", "server")) type = "FOREIGN SERVER";
        else if (c.accept("large", "object")) type = "LARGE OBJECT";
        else if (c.is("table") || c.is("sequence") || c.is("database") || c.is("domain") || c.is("function")
            || c.is("procedure") || c.is("routine") || c.is("language") || c.is("schema") || c.is("tablespace")
            || c.is("type") || c.is("parameter")) {
          if (!isNameToken(c.peek(1)) || c.is(1, revoke ? "from" : "to")) {
            // a table named like the key word
          } else {
            type = c.advance().value().toUpperCase();
          }
        }
        do {
          if (c.peek().kind() == TokenKind.NUMBER) c.advance();
          else objects.add(qname());
          if (c.isSym("(")) c.skipGroup();
        } while (c.acceptSym(","));
      }
      if (!c.accept(revoke ? "from" : "to")) throw c.error("expected " + (revoke ? "FROM" : "TO") + c.describeFound());
      return new Grant(all(), revoke, privileges, type, objects, grantees());
    }

    /** SELECT, UPDATE (a, b): the key words in upper case, column names as written. */
    String privilege(int from, int to) {
      String text = c.text(from, to);
      int paren = text.indexOf('(');
      return paren < 0 ? text.toUpperCase() : text.substring(0, paren).toUpperCase() + text.substring(paren);
    }

    List<String> grantees() {
      List<String> grantees = new ArrayList<>();
      do {
        c.accept("group");
        grantees.add(name());
      } while (c.acceptSym(","));
      rest(); // WITH GRANT OPTION, GRANTED BY, CASCADE
      return grantees;
    }

    Statement lock() {
      c.expect("lock");
      c.accept("table");
      List<Span> spans = new ArrayList<>();
      List<QualifiedName> tables = qnames(spans);
      String mode = "ACCESS EXCLUSIVE";
      if (c.accept("in")) {
        int start = c.i;
        while (!c.atEnd() && !c.is("mode")) c.advance();
        mode = c.text(start, c.i).toUpperCase().replaceAll("\\s+", " ");
        c.expect("mode");
      }
      boolean nowait = c.accept("nowait");
      expectEnd();
      return new LockTable(all(), tables, mode, nowait, spans);
    }

    Statement copy() {
      c.expect("copy");
      c.accept("binary");
      QualifiedName table = null;
      List<String> columns = List.of();
      if (c.isSym("(")) c.skipGroup();
      else {
        table = qname();
        if (c.isSym("(")) columns = nameList();
      }
      boolean from;
      if (c.accept("from")) from = true;
      else {
        c.expect("to");
        from = false;
      }
      String endpoint;
      if (c.accept("program")) endpoint = "PROGRAM " + stringLiteral();
      else if (c.peek().kind() == TokenKind.STRING) endpoint = stringLiteral();
      else if (c.peek().kind() == TokenKind.PLACEHOLDER) endpoint = name();
      else endpoint = c.advance().value().toUpperCase();
      rest();
      return new Copy(all(), table, columns, from, endpoint);
    }

    Statement doBlock() {
      c.expect("do");
      String language = "plpgsql";
      Token body = null;
      while (!c.atEnd()) {
        if (c.accept("language")) language = c.peek().kind() == TokenKind.STRING ? stringLiteral() : name();
        else if (c.peek().kind() == TokenKind.STRING || c.peek().kind() == TokenKind.DOLLAR_STRING) body = c.advance();
        else throw c.error("unexpected " + c.tokenText(c.peek()) + " in DO");
      }
      if (body == null) throw c.error("expected the DO block's body");
      PlpgsqlScanner.Body inner = language.equals("plpgsql") ? PlpgsqlScanner.read(c, body) : null;
      return new DoBlock(all(), language, body.value(), inner == null ? List.of() : inner.statements(),
          inner != null && inner.loops());
    }
  }
}

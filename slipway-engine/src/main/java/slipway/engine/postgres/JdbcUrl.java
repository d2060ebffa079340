package slipway.engine.postgres;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import slipway.core.BadInputException;

/**
 * Where and how to connect: a {@code jdbc:postgresql://…} URL or a libpq URI
 * ({@code postgres://user:password@host:5432/db?sslmode=require}), completed the way psql
 * completes it from {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGDATABASE},
 * {@code PGPASSWORD} and the password file. See docs/connections.md.
 *
 * <p>The password is kept out of the URL handed to the driver (it travels in the connection
 * properties) and out of every string this class produces: print a target only through
 * {@link #redacted()} (which {@link #toString()} returns), and pass driver messages through
 * {@link #scrub(String)}.
 */
public final class JdbcUrl {
  /** One host of a (possibly multi-host) target. */
  public record Host(String name, int port) {
    @Override
    public String toString() {
      return (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
    }
  }

  private static final int DEFAULT_PORT = 5432;

  /** libpq URI parameters → pgjdbc property names (null: handled separately). */
  private static final Map<String, String> LIBPQ_PARAMETERS = new LinkedHashMap<>();

  static {
    LIBPQ_PARAMETERS.put("host", null);
    LIBPQ_PARAMETERS.put("hostaddr", null);
    LIBPQ_PARAMETERS.put("port", null);
    LIBPQ_PARAMETERS.put("dbname", null);
    LIBPQ_PARAMETERS.put("user", null);
    LIBPQ_PARAMETERS.put("password", null);
    LIBPQ_PARAMETERS.put("passfile", null);
    LIBPQ_PARAMETERS.put("target_session_attrs", null);
    LIBPQ_PARAMETERS.put("sslmode", "sslmode");
    LIBPQ_PARAMETERS.put("sslcert", "sslcert");
    LIBPQ_PARAMETERS.put("sslkey", "sslkey");
    LIBPQ_PARAMETERS.put("sslrootcert", "sslrootcert");
    LIBPQ_PARAMETERS.put("sslpassword", "sslpassword");
    LIBPQ_PARAMETERS.put("channel_binding", "channelBinding");
    LIBPQ_PARAMETERS.put("gssencmode", "gssEncMode");
    LIBPQ_PARAMETERS.put("connect_timeout", "connectTimeout");
    LIBPQ_PARAMETERS.put("application_name", "ApplicationName");
    LIBPQ_PARAMETERS.put("fallback_application_name", "ApplicationName");
    LIBPQ_PARAMETERS.put("options", "options");
    LIBPQ_PARAMETERS.put("keepalives", "tcpKeepAlive");
  }

  /** Environment variables libpq reads for parameters the URL leaves out (besides host/port/…). */
  private static final Map<String, String> ENVIRONMENT_PARAMETERS = Map.of(
      "PGSSLMODE", "sslmode",
      "PGSSLROOTCERT", "sslrootcert",
      "PGSSLCERT", "sslcert",
      "PGSSLKEY", "sslkey",
      "PGAPPNAME", "ApplicationName",
      "PGCONNECT_TIMEOUT", "connectTimeout",
      "PGOPTIONS", "options",
      "PGCHANNELBINDING", "channelBinding");

  /** Property names whose values are secrets: never printed. */
  private static final List<String> SECRET_PROPERTIES = List.of("password", "sslpassword");

  private final List<Host> hosts;
  private final String database;
  private final String user;
  private final String password;
  private final Map<String, String> properties;

  private JdbcUrl(List<Host> hosts, String database, String user, String password, Map<String, String> properties) {
    this.hosts = List.copyOf(hosts);
    this.database = database;
    this.user = user;
    this.password = password;
    this.properties = Map.copyOf(properties);
  }

  /**
   * The target a command connects to: {@code --url} when given, else {@code SLIPWAY_URL}, else the
   * {@code PG*} variables when {@code PGHOST}, {@code PGPORT} or {@code PGDATABASE} is set; empty
   * when none is (commands then use the embedded server or say a URL is needed).
   */
  public static Optional<JdbcUrl> resolve(String urlOption, PgEnvironment env) {
    if (urlOption != null && !urlOption.isBlank()) {
      return Optional.of(parse(urlOption, env));
    }
    String fromEnv = env.get("SLIPWAY_URL");
    if (fromEnv != null) {
      return Optional.of(parse(fromEnv, env));
    }
    if (env.get("PGHOST") != null || env.get("PGPORT") != null || env.get("PGDATABASE") != null) {
      return Optional.of(fromEnvironment(env));
    }
    return Optional.empty();
  }

  /** The connection psql would make with no arguments: everything from PG* variables and defaults. */
  public static JdbcUrl fromEnvironment(PgEnvironment env) {
    return new Builder(env).complete();
  }

  /** Parses a JDBC URL or a libpq URI; what it leaves out comes from the environment, as in libpq. */
  public static JdbcUrl parse(String url, PgEnvironment env) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    Builder b = new Builder(env);
    if (lower.startsWith("jdbc:postgresql:")) {
      b.parseJdbc(trimmed.substring("jdbc:postgresql:".length()));
    } else if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
      b.parseLibpq(trimmed.substring(trimmed.indexOf("://") + 3));
    } else {
      throw new BadInputException("--url", "not a PostgreSQL URL (" + schemeOf(trimmed)
          + "); use jdbc:postgresql://host:5432/db or postgres://user@host:5432/db");
    }
    return b.complete();
  }

  public static JdbcUrl parse(String url) {
    return parse(url, PgEnvironment.system());
  }

  private static String schemeOf(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "no scheme" : "scheme " + url.substring(0, colon);
  }

  public List<Host> hosts() {
    return hosts;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public boolean hasPassword() {
    return password != null;
  }

  /** The same target, another database on it (e.g. to create a scratch database). */
  public JdbcUrl withDatabase(String otherDatabase) {
    return new JdbcUrl(hosts, otherDatabase, user, password, properties);
  }

  /** The URL handed to pgjdbc: hosts, database and the non-secret properties; never credentials. */
  public String driverUrl() {
    StringBuilder sb = new StringBuilder("jdbc:postgresql://");
    appendHostsAndDatabase(sb);
    return sb.toString();
  }

  /** The connection properties handed to pgjdbc, credentials included. Never print them. */
  public Properties driverProperties() {
    Properties p = new Properties();
    p.putAll(properties);
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  /** {@code postgresql://user:***@host:5432/db?sslmode=require}: safe to print and log. */
  public String redacted() {
    StringBuilder sb = new StringBuilder("postgresql://");
    sb.append(encode(user));
    if (password != null) {
      sb.append(":***");
    }
    sb.append('@');
    appendHostsAndDatabase(sb);
    String query = query(true);
    return query.isEmpty() ? sb.toString() : sb.append('?').append(query).toString();
  }

  @Override
  public String toString() {
    return redacted();
  }

  /** Removes the password (and other secrets) from text a driver or server produced. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets()) {
      if (secret.length() > 0) {
        result = result.replace(secret, "***");
      }
    }
    return result;
  }

  private List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (password != null) {
      secrets.add(password);
      secrets.add(encode(password));
    }
    String sslPassword = properties.get("sslpassword");
    if (sslPassword != null) {
      secrets.add(sslPassword);
    }
    return secrets;
  }

  /**
   * Opens a connection; any failure (refused, unknown host, authentication, missing database)
   * becomes one line naming the redacted target and the cause, with the password scrubbed.
   */
  public Connection connect() {
    try {
      return DriverManager.getConnection(driverUrl(), driverProperties());
    } catch (SQLException e) {
      throw new BadInputException(redacted(), "cannot connect: " + scrub(describe(e))
          + "; check the URL, that the server is running, and the credentials", null);
    }
  }

  private static String describe(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException) {
        message = "unknown host " + cause.getMessage();
      }
    }
    return oneLine(message);
  }

  static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private void appendHostsAndDatabase(StringBuilder sb) {
    for (int i = 0; i < hosts.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(hosts.get(i));
    }
    sb.append('/').append(encode(database));
  }

  private String query(boolean redact) {
    StringBuilder sb = new StringBuilder();
    properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (redact && SECRET_PROPERTIES.contains(e.getKey())) {
        return;
      }
      sb.append(sb.length() == 0 ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    });
    return sb.toString();
  }

  private static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  static String decode(String s, String what) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
          throw new BadInputException("--url", "bad percent-encoding in the " + what + "; write % as %25");
        }
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Collects what the URL says, then fills the gaps as libpq does. */
  private static final class Builder {
    private final PgEnvironment env;
    private String hostList;
    private String portList;
    private String database;
    private String user;
    private String password;
    private Path passFile;
    private final Map<String, String> properties = new LinkedHashMap<>();

    Builder(PgEnvironment env) {
      this.env = env;
    }

    /** After {@code jdbc:postgresql:}: {@code //host:port,host2/db?k=v} or {@code db} or {@code /}. */
    void parseJdbc(String rest) {
      String query = null;
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String hostPart = slash < 0 ? rest : rest.substring(0, slash);
        parseHostList(hostPart);
        database = slash < 0 ? null : emptyToNull(decode(rest.substring(slash + 1), "database name"));
      } else {
        database = emptyToNull(decode(rest.startsWith("/") ? rest.substring(1) : rest, "database name"));
      }
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String key = decode(eq < 0 ? pair : pair.substring(0, eq), "parameter name");
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "value of " + key);
          switch (key) {
            case "user" -> user = value;
            case "password" -> password = value;
            case "PGHOST" -> hostList = value;
            case "PGPORT" -> portList = value;
            case "PGDBNAME" -> database = value;
            default -> properties.put(key, value);
          }
        }
      }
    }

    /** After {@code postgres://}: {@code [user[:password]@][host[:port][,…]][/db][?k=v&…]}. */
    void parseLibpq(String rest) {
      String query = null;
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      if (slash >= 0) {
        database = emptyToNull(decode(rest.substring(slash + 1), "database name"));
      }
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        authority = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        user = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name"));
        if (colon >= 0) {
          password = decode(userInfo.substring(colon + 1), "password");
        }
      }
      parseHostList(authority);
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          if (eq < 0) {
            throw new BadInputException("--url", "parameter '" + decode(pair, "parameter")
                + "' has no value; write name=value");
          }
          String key = decode(pair.substring(0, eq), "parameter name");
          String value = decode(pair.substring(eq + 1), "value of " + key);
          if (!LIBPQ_PARAMETERS.containsKey(key)) {
            throw new BadInputException("--url", "unknown connection parameter '" + key
                + "'; libpq URIs take " + String.join(", ", LIBPQ_PARAMETERS.keySet()));
          }
          switch (key) {
            case "host", "hostaddr" -> hostList = value;
            case "port" -> portList = value;
            case "dbname" -> database = value;
            case "user" -> user = value;
            case "password" -> password = value;
            case "passfile" -> passFile = Path.of(value);
            case "target_session_attrs" -> properties.put("targetServerType", targetServerType(value));
            case "keepalives" -> properties.put("tcpKeepAlive", String.valueOf(!value.equals("0")));
            default -> properties.put(LIBPQ_PARAMETERS.get(key), value);
          }
        }
      }
    }

    private static String targetServerType(String libpqValue) {
      return switch (libpqValue) {
        case "any" -> "any";
        case "read-write", "primary" -> "primary";
        case "read-only", "standby" -> "secondary";
        case "prefer-standby" -> "preferSecondary";
        default -> throw new BadInputException("--url", "target_session_attrs=" + libpqValue
            + " is not one of any, read-write, read-only, primary, standby, prefer-standby");
      };
    }

    /** {@code h1:5432,[::1]:5433,h3}: hosts with optional ports (the ports may also come from port=). */
    private void parseHostList(String part) {
      if (part.isEmpty()) {
        return;
      }
      List<String> names = new ArrayList<>();
      List<String> ports = new ArrayList<>();
      for (String hostPort : part.split(",")) {
        String name;
        String port = "";
        if (hostPort.startsWith("[")) {
          int close = hostPort.indexOf(']');
          if (close < 0) {
            throw new BadInputException("--url", "unclosed [ in an IPv6 host; write [::1]:5432");
          }
          name = hostPort.substring(1, close);
          if (close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':') {
            port = hostPort.substring(close + 2);
          }
        } else {
          int colon = hostPort.lastIndexOf(':');
          name = colon < 0 ? hostPort : hostPort.substring(0, colon);
          port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        names.add(decode(name, "host name"));
        ports.add(port);
      }
      hostList = String.join(",", names);
      if (ports.stream().anyMatch(p -> !p.isEmpty())) {
        portList = String.join(",", ports);
      }
    }

    JdbcUrl complete() {
      String hostSpec = hostList != null && !hostList.isEmpty() ? hostList : env.get("PGHOST");
      if (hostSpec == null) {
        hostSpec = "localhost";
      }
      String portSpec = portList != null ? portList : env.get("PGPORT");
      String[] names = hostSpec.split(",", -1);
      String[] ports = portSpec == null ? new String[0] : portSpec.split(",", -1);
      if (ports.length > 1 && ports.length != names.length) {
        throw new BadInputException("--url", names.length + " hosts but " + ports.length
            + " ports; give one port, or one per host");
      }
      List<Host> hosts = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        String name = names[i].isEmpty() ? "localhost" : names[i];
        if (name.startsWith("/")) {
          throw new BadInputException("--url", "host " + name + " is a unix-domain socket directory, "
              + "which the JDBC driver cannot use; connect over TCP, e.g. host=localhost");
        }
        String port = ports.length == 0 ? "" : ports[ports.length == 1 ? 0 : i];
        hosts.add(new Host(name, port(port)));
      }
      String finalUser = user != null ? user : env.get("PGUSER") != null ? env.get("PGUSER") : env.osUser();
      String finalDatabase = database != null ? database
          : env.get("PGDATABASE") != null ? env.get("PGDATABASE") : finalUser;
      for (Map.Entry<String, String> e : ENVIRONMENT_PARAMETERS.entrySet()) {
        String value = env.get(e.getKey());
        if (value != null) {
          properties.putIfAbsent(e.getValue(), value);
        }
      }
      String targetSessionAttrs = env.get("PGTARGETSESSIONATTRS");
      if (targetSessionAttrs != null) {
        properties.putIfAbsent("targetServerType", targetServerType(targetSessionAttrs));
      }
      String finalPassword = password != null ? password : env.get("PGPASSWORD");
      if (finalPassword == null) {
        Host first = hosts.get(0);
        finalPassword = PgPass.lookup(passFile != null ? passFile : env.passFile(),
            first.name(), first.port(), finalDatabase, finalUser);
      }
      return new JdbcUrl(hosts, finalDatabase, finalUser, finalPassword, properties);
    }

    private static int port(String port) {
      if (port.isEmpty()) {
        return DEFAULT_PORT;
      }
      try {
        int p = Integer.parseInt(port);
        if (p > 0 && p < 65536) {
          return p;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      // The value is not echoed: a mistyped URL can put a password where the port belongs.
      throw new BadInputException("--url", "a port is not a number from 1 to 65535; write host:5432");
    }

    private static String emptyToNull(String s) {
      return s == null || s.isEmpty() ? null : s;
    }
  }
}

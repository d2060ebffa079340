package slipway.engine.trace;

/** A row of the catalog snapshot taken before a statement: what an oid was called then. */
record Relation(long oid, String schema, String name, char relkind, long filenode, boolean visible) {
  /** The name to show: bare when visible on the search path, else {@code schema.name}. */
  String display() {
    return visible ? name : schema + "." + name;
  }

  boolean isTable() {
    return relkind == 'r' || relkind == 'm' || relkind == 'p' || relkind == 't';
  }

  String kind() {
    return switch (relkind) {
      case 'r' -> "table";
      case 'p' -> "partitioned table";
      case 'i' -> "index";
      case 'I' -> "partitioned index";
      case 'S' -> "sequence";
      case 'v' -> "view";
      case 'm' -> "materialized view";
      case 'f' -> "foreign table";
      case 't' -> "toast table";
      case 'c' -> "composite type";
      default -> "relation";
    };
  }

  static String unqualified(String display) {
    int dot = display.lastIndexOf('.');
    return dot < 0 ? display : display.substring(dot + 1);
  }
}

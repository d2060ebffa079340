package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseCreateTableTest {
  @Test void columnsConstraintsAndTypes() {
    assertTree("""
        CREATE UNLOGGED TABLE IF NOT EXISTS app.events (
          id bigserial PRIMARY KEY,
          kind text NOT NULL CHECK (kind <> ''),
          payload jsonb DEFAULT '{}'::jsonb,
          owner_id bigint REFERENCES users(id) ON DELETE SET NULL,
          at timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP,
          "Tags" text[] NOT NULL DEFAULT ARRAY[]::text[],
          CONSTRAINT events_kind_at UNIQUE (kind, at)
        )""", """
        CreateTable table=app.events ifNotExists persistence=UNLOGGED
          columns:
          - ColumnDef name=id notNull
              type: TypeName name=bigserial
              constraints:
              - Constraint kind=PRIMARY_KEY columns=[id]
          - ColumnDef name=kind notNull
              type: TypeName name=text
              constraints:
              - Constraint kind=CHECK columns=[kind]
                  check: Expression text=kind <> '' volatility=CONSTANT
          - ColumnDef name=payload
              type: TypeName name=jsonb
              defaultValue: Expression text='{}'::jsonb volatility=CONSTANT
          - ColumnDef name=owner_id
              type: TypeName name=bigint
              constraints:
              - Constraint kind=FOREIGN_KEY columns=[owner_id] referencedTable=users referencedColumns=[id] onDelete=SET NULL onUpdate=NO ACTION
          - ColumnDef name=at
              type: TypeName name=timestamp with time zone modifiers=[3]
              defaultValue: Expression text=CURRENT_TIMESTAMP volatility=STABLE functions=[current_timestamp]
          - ColumnDef name=Tags notNull
              type: TypeName name=text arrayDimensions=1
              defaultValue: Expression text=ARRAY[]::text[] volatility=CONSTANT
          constraints:
          - Constraint name=events_kind_at kind=UNIQUE columns=[kind, at]
        """);
  }

  @Test void partitionOf() {
    assertTree("""
        CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')""", """
        CreateTable table=m_2024 partitionOf=m partitionBound=FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
        """);
  }

  @Test void partitionedTable() {
    assertTree("""
        CREATE TABLE m (id bigint GENERATED ALWAYS AS IDENTITY, at date NOT NULL) PARTITION BY RANGE (at)""", """
        CreateTable table=m partitionBy=RANGE (at)
          columns:
          - ColumnDef name=id notNull identity=ALWAYS
              type: TypeName name=bigint
          - ColumnDef name=at notNull
              type: TypeName name=date
        """);
  }

  @Test void createTableAs() {
    assertTree("""
        CREATE TABLE t AS SELECT * FROM u""", """
        CreateTable table=t asQuery
        """);
  }
}

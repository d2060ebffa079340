package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes migrations are written in (pg_dump output, ORMs' generated SQL, hand-written DDL):
 * each line is the kind the statement must parse into, then the statement.
 */
class ParseKindsTest {
  static final String CASES = """
        SET | SET statement_timeout = 0
        SET | SET lock_timeout = 0
        SET | SET idle_in_transaction_session_timeout = 0
        SET | SET client_encoding = 'UTF8'
        SET | SET standard_conforming_strings = on
        SELECT | SELECT pg_catalog.set_config('search_path', '', false)
        SET | SET check_function_bodies = false
        SET | SET xmloption = content
        SET | SET client_min_messages = warning
        SET | SET row_security = off
        CREATE_SCHEMA | CREATE SCHEMA IF NOT EXISTS "audit"
        CREATE_EXTENSION | CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public
        COMMENT | COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions'
        ALTER_TYPE | ALTER TYPE public.status OWNER TO app
        ALTER_FUNCTION | ALTER FUNCTION public.set_updated_at() OWNER TO app
        SET | SET default_tablespace = ''
        SET | SET default_table_access_method = heap
        ALTER_TABLE | ALTER TABLE public.users OWNER TO app
        ALTER_TABLE | ALTER TABLE public.users_id_seq OWNER TO app
        ALTER_SEQUENCE | ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id
        ALTER_TABLE | ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass)
        COPY | COPY public.users (id, email, created_at, data, tags, score, flags, price) FROM stdin
        SELECT | SELECT pg_catalog.setval('public.users_id_seq', 1, true)
        CREATE_INDEX | CREATE UNIQUE INDEX index_users_on_email ON public.users USING btree (email)
        CREATE_INDEX | CREATE INDEX index_users_on_lower_email ON public.users USING btree (lower((email)::text))
        CREATE_TRIGGER | CREATE TRIGGER users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.set_updated_at()
        ALTER_TABLE | ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')
        CREATE_INDEX | CREATE INDEX events_at_idx ON ONLY public.events USING btree (at)
        ALTER_INDEX | ALTER INDEX public.events_at_idx ATTACH PARTITION public.events_2024_at_idx
        REVOKE | REVOKE USAGE ON SCHEMA public FROM PUBLIC
        GRANT | GRANT ALL ON SCHEMA public TO PUBLIC
        GRANT | GRANT SELECT,INSERT,UPDATE ON TABLE public.users TO app_rw
        ALTER_DEFAULT_PRIVILEGES | ALTER DEFAULT PRIVILEGES FOR ROLE app IN SCHEMA public GRANT SELECT ON TABLES TO readonly
        CREATE_DOMAIN | CREATE DOMAIN public.email AS text CHECK (VALUE ~* '^.+@.+$')
        CREATE_POLICY | CREATE POLICY users_self ON public.users FOR SELECT TO app USING ((id = (current_setting('app.user_id'::text))::bigint))
        ALTER_TABLE | ALTER TABLE public.users ENABLE ROW LEVEL SECURITY
        CREATE_STATISTICS | CREATE STATISTICS public.s1 (dependencies) ON a, b FROM public.t
        CREATE_AGGREGATE | CREATE AGGREGATE public.my_sum(integer) (SFUNC = int4pl, STYPE = integer)
        CREATE_OPERATOR | CREATE OPERATOR public.=== (LEFTARG = integer, RIGHTARG = integer, PROCEDURE = int4eq)
        CREATE_CAST | CREATE CAST (text AS public.email) WITH INOUT AS IMPLICIT
        CREATE_COLLATION | CREATE COLLATION public.german (provider = icu, locale = 'de-DE')
        CREATE_TEXT_SEARCH_CONFIGURATION | CREATE TEXT SEARCH CONFIGURATION public.my_cfg (COPY = pg_catalog.english)
        CREATE_FOREIGN_TABLE | CREATE FOREIGN TABLE public.remote (id int) SERVER s OPTIONS (table_name 'x')
        CREATE_RULE | CREATE RULE r AS ON INSERT TO public.v DO INSTEAD INSERT INTO public.t VALUES (NEW.a)
        CREATE_EVENT_TRIGGER | CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f()
        CREATE_PUBLICATION | CREATE PUBLICATION pub FOR TABLE public.users
        CREATE_ROLE | CREATE ROLE app_rw WITH LOGIN PASSWORD 'x' NOSUPERUSER
        ALTER_ROLE | ALTER ROLE app SET search_path TO public
        CREATE_TABLESPACE | CREATE TABLESPACE fast LOCATION '/mnt/fast'
        CREATE_DATABASE | CREATE DATABASE app2 WITH TEMPLATE template0 ENCODING 'UTF8'
        DROP_DATABASE | DROP DATABASE IF EXISTS app2 WITH (FORCE)
        SECURITY_LABEL | SECURITY LABEL FOR selinux ON TABLE public.users IS 'x'
        CREATE_PROCEDURE | CREATE OR REPLACE PROCEDURE public.p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$
        CALL | CALL public.p()
        CREATE_FUNCTION | CREATE OR REPLACE FUNCTION public.f(a integer DEFAULT 1, OUT b integer) RETURNS SETOF record LANGUAGE sql STABLE PARALLEL SAFE AS 'select 1'
        CREATE_FUNCTION | CREATE FUNCTION public.g(int) RETURNS int LANGUAGE sql IMMUTABLE STRICT RETURN $1 + 1
        CREATE_INDEX | CREATE INDEX CONCURRENTLY idx_gin ON public.users USING gin (data jsonb_path_ops)
        CREATE_INDEX | CREATE INDEX idx_trgm ON public.users USING gist (email gist_trgm_ops(siglen=32))
        CREATE_INDEX | CREATE UNIQUE INDEX idx_partial ON public.users (email) WHERE (deleted_at IS NULL)
        ALTER_TABLE | ALTER TABLE public.users ADD COLUMN deleted_at timestamptz, ADD COLUMN IF NOT EXISTS name text COLLATE "C" NOT NULL DEFAULT ''::text
        ALTER_TABLE | ALTER TABLE "public"."users" ALTER COLUMN "name" SET DATA TYPE varchar(100) USING "name"::varchar(100)
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN score TYPE numeric USING score::numeric, ALTER COLUMN price SET DEFAULT 1
        ALTER_TABLE | ALTER TABLE users ADD CONSTRAINT users_name_uniq UNIQUE USING INDEX users_name_idx
        ALTER_TABLE | ALTER TABLE users ADD PRIMARY KEY (id), ADD UNIQUE (email), ADD FOREIGN KEY (org_id) REFERENCES orgs ON DELETE CASCADE
        ALTER_TABLE | ALTER TABLE users ADD COLUMN org_id bigint REFERENCES orgs(id) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN created_at SET DEFAULT (now() AT TIME ZONE 'utc')
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN created_at SET DEFAULT CURRENT_TIMESTAMP(3)
        ALTER_TABLE | ALTER TABLE users RENAME CONSTRAINT a TO b
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN id SET GENERATED BY DEFAULT
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN id RESTART WITH 1000
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN id SET STORAGE PLAIN
        ALTER_TABLE | ALTER TABLE users REPLICA IDENTITY USING INDEX users_pkey
        ALTER_TABLE | ALTER TABLE users SET WITHOUT CLUSTER
        ALTER_TABLE | ALTER TABLE users CLUSTER ON users_pkey
        ALTER_TABLE | ALTER TABLE users NO INHERIT parent
        ALTER_TABLE | ALTER TABLE users ALTER CONSTRAINT fk DEFERRABLE INITIALLY IMMEDIATE
        ALTER_TABLE | ALTER TABLE users DISABLE RULE r
        ALTER_TABLE | ALTER TABLE users FORCE ROW LEVEL SECURITY
        ALTER_TABLE | ALTER TABLE users ALTER COLUMN c SET EXPRESSION AS (a + b)
        ALTER_VIEW | ALTER VIEW v RENAME COLUMN a TO b
        ALTER_VIEW | ALTER VIEW v SET (security_barrier = true)
        ALTER_MATERIALIZED_VIEW | ALTER MATERIALIZED VIEW mv SET TABLESPACE fast
        ALTER_INDEX | ALTER INDEX idx SET (fillfactor = 80)
        ALTER_INDEX | ALTER INDEX IF EXISTS idx RENAME TO idx2
        ALTER_SEQUENCE | ALTER SEQUENCE s AS bigint
        ALTER_SEQUENCE | ALTER SEQUENCE IF EXISTS s RENAME TO s2
        ALTER_SCHEMA_RENAME | ALTER SCHEMA app RENAME TO app2
        ALTER_SCHEMA | ALTER SCHEMA app OWNER TO admin
        ALTER_EXTENSION | ALTER EXTENSION pgcrypto UPDATE TO '1.3'
        ALTER_DOMAIN | ALTER DOMAIN public.email ADD CONSTRAINT c CHECK (length(VALUE) < 300) NOT VALID
        ALTER_DOMAIN | ALTER DOMAIN public.email VALIDATE CONSTRAINT c
        ALTER_TABLE | ALTER TABLE users ADD COLUMN amount money, ADD COLUMN ip inet, ADD COLUMN span tstzrange, ADD COLUMN loc point, ADD COLUMN x "char", ADD COLUMN y int4[][]
        ALTER_TABLE | ALTER TABLE users ADD COLUMN big int8 DEFAULT 0::bigint NOT NULL
        ALTER_TABLE | ALTER TABLE users ADD COLUMN r interval DAY TO SECOND(3) DEFAULT '1 day'::interval
        ALTER_TABLE | ALTER TABLE users ADD COLUMN t time(0) with time zone
        ALTER_TABLE | ALTER TABLE users ADD COLUMN ts timestamp DEFAULT timezone('utc'::text, now())
        ALTER_TABLE | ALTER TABLE users ADD COLUMN u uuid DEFAULT uuid_generate_v4() NOT NULL
        ALTER_TABLE | ALTER TABLE users ADD COLUMN j jsonb NOT NULL DEFAULT jsonb_build_object('a', 1)
        ALTER_TABLE | ALTER TABLE users ADD COLUMN s serial
        ALTER_TABLE | ALTER TABLE users ADD COLUMN geom geometry(Point, 4326)
        ALTER_TABLE | ALTER TABLE users ADD COLUMN n numeric DEFAULT -1.5
        ALTER_TABLE | ALTER TABLE users ADD COLUMN b boolean DEFAULT false NOT NULL
        ALTER_TABLE | ALTER TABLE users ADD COLUMN e public.status DEFAULT 'active'::public.status NOT NULL
        ALTER_TABLE | ALTER TABLE users ADD COLUMN c2 text DEFAULT CASE WHEN true THEN 'a' ELSE 'b' END
        UPDATE | UPDATE users SET name = email WHERE name IS NULL
        UPDATE | UPDATE users u SET name = o.name FROM orgs o WHERE u.org_id = o.id RETURNING u.id
        DELETE | DELETE FROM users WHERE id IN (SELECT id FROM users WHERE deleted_at IS NOT NULL ORDER BY id LIMIT 1000)
        INSERT | INSERT INTO settings (key, value) VALUES ('a', 'b') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
        INSERT | INSERT INTO t SELECT * FROM u
        INSERT | INSERT INTO t DEFAULT VALUES
        INSERT | INSERT INTO "public"."t" ("a") VALUES (1), (2)
        INSERT | WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved
        MERGE | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a)
        TRUNCATE | TRUNCATE users
        TRUNCATE | TRUNCATE ONLY users, orgs CONTINUE IDENTITY RESTRICT
        VACUUM | VACUUM
        VACUUM | VACUUM (FULL, ANALYZE, VERBOSE) users
        ANALYZE | ANALYZE VERBOSE users
        CLUSTER | CLUSTER
        CLUSTER | CLUSTER VERBOSE users
        REINDEX | REINDEX TABLE CONCURRENTLY users
        REINDEX | REINDEX DATABASE
        REINDEX | REINDEX SYSTEM app
        REFRESH_MATERIALIZED_VIEW | REFRESH MATERIALIZED VIEW user_stats
        LOCK_TABLE | LOCK TABLE users, orgs IN ACCESS SHARE MODE
        LOCK_TABLE | LOCK TABLE ONLY users IN ROW EXCLUSIVE MODE
        NOTIFY | NOTIFY ch, 'x'
        LISTEN | LISTEN ch
        DISCARD | DISCARD ALL
        CHECKPOINT | CHECKPOINT
        EXPLAIN | EXPLAIN ANALYZE SELECT 1
        PREPARE | PREPARE q (int) AS SELECT $1
        EXECUTE | EXECUTE q(1)
        DEALLOCATE | DEALLOCATE q
        BEGIN | BEGIN
        BEGIN | BEGIN WORK
        BEGIN | BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ
        COMMIT | COMMIT AND CHAIN
        ROLLBACK | ROLLBACK AND NO CHAIN
        ROLLBACK | ABORT
        BEGIN | START TRANSACTION READ WRITE
        SET | SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
        SET | SET CONSTRAINTS ALL DEFERRED
        SET | SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY
        SET | SET search_path = "$user", public
        SET | SET LOCAL lock_timeout = '2s'
        SET | SET app.user_id = '1'
        SET | SET TIME ZONE LOCAL
        SET | SET NAMES 'UTF8'
        SET | SET SCHEMA 'app'
        RESET | RESET ROLE
        RESET | RESET SESSION AUTHORIZATION
        RESET | RESET TIME ZONE
        COMMENT | COMMENT ON INDEX idx IS 'x'
        COMMENT | COMMENT ON SCHEMA app IS 'x'
        COMMENT | COMMENT ON FUNCTION f(int) IS 'x'
        COMMENT | COMMENT ON CONSTRAINT c ON users IS 'x'
        COMMENT | COMMENT ON TRIGGER t ON users IS 'x'
        COMMENT | COMMENT ON TYPE status IS 'x'
        COMMENT | COMMENT ON MATERIALIZED VIEW mv IS 'x'
        COMMENT | COMMENT ON SEQUENCE s IS 'x'
        COMMENT | COMMENT ON DOMAIN d IS 'x'
        COMMENT | COMMENT ON POLICY p ON users IS 'x'
        COMMENT | COMMENT ON DATABASE app IS 'x'
        GRANT | GRANT EXECUTE ON FUNCTION f(int) TO app
        GRANT | GRANT USAGE, SELECT ON SEQUENCE s TO app
        GRANT | GRANT ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA public TO app
        GRANT | GRANT CONNECT ON DATABASE app TO app
        GRANT | GRANT app_rw TO alice WITH ADMIN OPTION
        REVOKE | REVOKE GRANT OPTION FOR SELECT ON users FROM app CASCADE
        GRANT | GRANT SELECT (id, email) ON users TO app
        GRANT | GRANT USAGE ON TYPE status TO app
        DROP_TABLE | DROP TABLE users CASCADE
        DROP_INDEX | DROP INDEX CONCURRENTLY IF EXISTS public.idx
        DROP_VIEW | DROP VIEW IF EXISTS v, w
        DROP_FUNCTION | DROP FUNCTION IF EXISTS public.f(integer, text), public.g
        DROP_TRIGGER | DROP TRIGGER t ON public.users
        DROP_POLICY | DROP POLICY IF EXISTS p ON users
        DROP_RULE | DROP RULE r ON t
        DROP_DOMAIN | DROP DOMAIN d
        DROP_ROLE | DROP ROLE IF EXISTS app
        DROP_OWNED | DROP OWNED BY app CASCADE
        DROP_AGGREGATE | DROP AGGREGATE my_sum(integer)
        DROP_OPERATOR | DROP OPERATOR === (integer, integer)
        DROP_CAST | DROP CAST (text AS email)
        DROP_COLLATION | DROP COLLATION german
        DROP_SERVER | DROP SERVER s CASCADE
        DROP_FOREIGN_TABLE | DROP FOREIGN TABLE remote
        DROP_PUBLICATION | DROP PUBLICATION pub
        DROP_EVENT_TRIGGER | DROP EVENT TRIGGER et
        DROP_STATISTICS | DROP STATISTICS s1
        DROP_TEXT_SEARCH_CONFIGURATION | DROP TEXT SEARCH CONFIGURATION my_cfg
        DROP_ACCESS_METHOD | DROP ACCESS METHOD am
        DROP_TABLESPACE | DROP TABLESPACE fast
        DROP_SEQUENCE | DROP SEQUENCE IF EXISTS s CASCADE
        DROP_SCHEMA | DROP SCHEMA IF EXISTS app, app2 CASCADE
        DROP_EXTENSION | DROP EXTENSION IF EXISTS "uuid-ossp"
        DROP_TYPE | DROP TYPE IF EXISTS status
        DROP_MATERIALIZED_VIEW | DROP MATERIALIZED VIEW IF EXISTS mv
        DROP_PROCEDURE | DROP PROCEDURE p()
        DROP_ROUTINE | DROP ROUTINE r
        DROP_LANGUAGE | DROP LANGUAGE plperl
        DO | DO LANGUAGE plpgsql $$ BEGIN PERFORM 1; END $$
        DO | DO 'BEGIN NULL; END'
        CREATE_TABLE_AS | CREATE TEMP TABLE tmp ON COMMIT DROP AS SELECT 1
        CREATE_TABLE | CREATE TEMPORARY TABLE tmp2 (a int) ON COMMIT DELETE ROWS
        CREATE_TABLE | CREATE UNLOGGED TABLE IF NOT EXISTS cache (k text PRIMARY KEY, v bytea) WITH (fillfactor=70)
        CREATE_TABLE | CREATE TABLE child () INHERITS (parent)
        CREATE_TABLE | CREATE TABLE typed OF status_type (a WITH OPTIONS NOT NULL)
        CREATE_TABLE | CREATE TABLE p_default PARTITION OF p DEFAULT
        CREATE_TABLE | CREATE TABLE p_hash PARTITION OF p FOR VALUES WITH (MODULUS 4, REMAINDER 0)
        CREATE_TABLE | CREATE TABLE p_list PARTITION OF p (CONSTRAINT c CHECK (a > 0)) FOR VALUES IN ('a', 'b') PARTITION BY RANGE (b)
        CREATE_TABLE | CREATE TABLE l (LIKE users INCLUDING ALL EXCLUDING INDEXES, extra int)
        CREATE_TABLE | CREATE TABLE r (id int, during tstzrange, EXCLUDE USING gist (id WITH =, during WITH &&))
        CREATE_TABLE | CREATE TABLE q (a int, b int, PRIMARY KEY (a, b) INCLUDE (c) WITH (fillfactor=90) USING INDEX TABLESPACE fast, UNIQUE NULLS NOT DISTINCT (b))
        CREATE_TABLE | CREATE TABLE z (a int CONSTRAINT pos CHECK (a > 0) NO INHERIT, b int GENERATED ALWAYS AS (a * 2) STORED, c text COMPRESSION lz4 STORAGE EXTERNAL)
        CREATE_TABLE | CREATE TABLE w (a int REFERENCES x MATCH FULL ON DELETE RESTRICT, FOREIGN KEY (a) REFERENCES y (b) ON DELETE SET NULL (a))
        CREATE_TABLE | CREATE TABLE IF NOT EXISTS "MixedCase" ("Id" SERIAL PRIMARY KEY, "Name" VARCHAR NOT NULL)
        CREATE_VIEW | CREATE VIEW v2 WITH (security_invoker = true) AS SELECT 1
        CREATE_VIEW | CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n+1 FROM nums WHERE n < 100
        CREATE_VIEW | CREATE OR REPLACE TEMP VIEW tv AS SELECT 1
        CREATE_MATERIALIZED_VIEW | CREATE MATERIALIZED VIEW mv2 USING heap WITH (fillfactor=50) TABLESPACE fast AS SELECT 1 WITH DATA
        CREATE_SEQUENCE | CREATE SEQUENCE s2
        CREATE_SEQUENCE | CREATE TEMPORARY SEQUENCE s3 START 10
        CREATE_SCHEMA | CREATE SCHEMA AUTHORIZATION app
        CREATE_SCHEMA | CREATE SCHEMA s4 CREATE TABLE t (a int) CREATE VIEW v AS SELECT * FROM t
        CREATE_EXTENSION | CREATE EXTENSION hstore SCHEMA public VERSION '1.4' CASCADE
        CREATE_TRIGGER | CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE f()
        CREATE_TRIGGER | CREATE TRIGGER tr AFTER INSERT ON t REFERENCING NEW TABLE AS newtab FOR EACH STATEMENT EXECUTE FUNCTION f('arg')
        CREATE_TRIGGER | CREATE OR REPLACE TRIGGER tr2 INSTEAD OF DELETE ON v FOR EACH ROW EXECUTE FUNCTION f()
        CREATE_TRIGGER | CREATE TRIGGER tr3 BEFORE TRUNCATE ON t EXECUTE FUNCTION f()
        CREATE_TYPE | CREATE TYPE comp AS (a int, b text)
        CREATE_TYPE | CREATE TYPE rng AS RANGE (subtype = float8)
        CREATE_TYPE | CREATE TYPE shell
        CREATE_TYPE | CREATE TYPE base (INPUT = in_f, OUTPUT = out_f)
        ALTER_TYPE | ALTER TYPE comp ADD ATTRIBUTE c int
        ALTER_TYPE | ALTER TYPE status RENAME TO state
        ALTER_TYPE | ALTER TYPE status SET SCHEMA app
        ALTER_TYPE | ALTER TYPE status ADD VALUE 'x' AFTER 'active'
        COPY | COPY users TO STDOUT WITH (FORMAT csv, HEADER)
        COPY | COPY users FROM '/tmp/u.csv' DELIMITER ',' CSV HEADER
        COPY | COPY users (id) FROM PROGRAM 'cat x'
        PSQL_META | \\copy users from 'x.csv' csv
        SELECT | SELECT create_hypertable('conditions', 'time')
        SELECT | SELECT * INTO new_table FROM users
        SELECT | VALUES (1), (2)
        SELECT | TABLE users
        SELECT | (SELECT 1) UNION (SELECT 2)
        SELECT | WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT * FROM t LIMIT 10
        IMPORT_FOREIGN_SCHEMA | IMPORT FOREIGN SCHEMA remote FROM SERVER s INTO local
        REASSIGN_OWNED | REASSIGN OWNED BY a TO b
        ALTER_SYSTEM | ALTER SYSTEM SET work_mem = '64MB'
        ALTER_DATABASE | ALTER DATABASE app SET lock_timeout = '5s'
        ALTER_DATABASE_SET_TABLESPACE | ALTER DATABASE app SET TABLESPACE fast
        ALTER_FUNCTION | ALTER FUNCTION f() SET search_path = public
        ALTER_PROCEDURE | ALTER PROCEDURE p() OWNER TO app
        ALTER_POLICY | ALTER POLICY p ON users USING (true)
        ALTER_PUBLICATION | ALTER PUBLICATION pub ADD TABLE t
        ALTER_TRIGGER | ALTER TRIGGER t ON users RENAME TO t2
        ALTER_EVENT_TRIGGER | ALTER EVENT TRIGGER et DISABLE
        ALTER_LARGE_OBJECT | ALTER LARGE OBJECT 1 OWNER TO app
        ALTER_OPERATOR | ALTER OPERATOR === (int, int) OWNER TO app
        ALTER_TEXT_SEARCH_CONFIGURATION | ALTER TEXT SEARCH CONFIGURATION my_cfg OWNER TO app
        ALTER_TABLE_ALL_IN_TABLESPACE | ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b
        ALTER_FOREIGN_TABLE | ALTER FOREIGN TABLE remote ADD COLUMN x int
        ALTER_SERVER | ALTER SERVER s OPTIONS (SET host 'x')
        ALTER_USER | ALTER USER app WITH PASSWORD 'x'
        ALTER_GROUP | ALTER GROUP g ADD USER u
        ALTER_COLLATION | ALTER COLLATION german REFRESH VERSION
        ALTER_STATISTICS | ALTER STATISTICS s1 SET STATISTICS 100
        ALTER_SUBSCRIPTION | ALTER SUBSCRIPTION sub REFRESH PUBLICATION
        CREATE_SUBSCRIPTION | CREATE SUBSCRIPTION sub CONNECTION 'x' PUBLICATION pub
        CREATE_SERVER | CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'x')
        CREATE_USER_MAPPING | CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'x')
        CREATE_ACCESS_METHOD | CREATE ACCESS METHOD am TYPE TABLE HANDLER heap_tableam_handler
        CREATE_TRANSFORM | CREATE TRANSFORM FOR hstore LANGUAGE plpythonu (FROM SQL WITH FUNCTION f(internal), TO SQL WITH FUNCTION g(internal))
        CREATE_LANGUAGE | CREATE LANGUAGE plperl
        CREATE_TRUSTED_PROCEDURAL_LANGUAGE | CREATE TRUSTED PROCEDURAL LANGUAGE plx HANDLER h
        CREATE_OPERATOR_CLASS | CREATE OPERATOR CLASS oc FOR TYPE int USING btree AS OPERATOR 1 <
        CREATE_CONVERSION | CREATE CONVERSION c FOR 'UTF8' TO 'LATIN1' FROM f
        CREATE_DEFAULT_CONVERSION | CREATE DEFAULT CONVERSION c2 FOR 'UTF8' TO 'LATIN1' FROM f
        CREATE_GROUP | CREATE GROUP g
        CREATE_USER | CREATE USER u
        CREATE_EVENT_TRIGGER | CREATE EVENT TRIGGER e2 ON sql_drop EXECUTE PROCEDURE f()
        CREATE_RULE | CREATE OR REPLACE RULE r2 AS ON UPDATE TO t DO NOTHING
        CREATE_AGGREGATE | CREATE OR REPLACE AGGREGATE agg(int) (SFUNC = f, STYPE = int)
        CREATE_FOREIGN_DATA_WRAPPER | CREATE FOREIGN DATA WRAPPER w
        CREATE_TEXT_SEARCH_DICTIONARY | CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple)
        CREATE_STATISTICS | CREATE STATISTICS (ndistinct) ON a, b FROM t
      """;

  @Test void everyStatementParsesIntoItsKind() {
    List<String> wrong = new ArrayList<>();
    for (String line : CASES.strip().split("\n")) {
      int bar = line.indexOf(" | ");
      String kind = line.substring(0, bar).trim();
      String sql = line.substring(bar + 3);
      String actual = Parser.parse("t.sql", sql).get(0).kind();
      if (!actual.equals(kind)) wrong.add(kind + " expected, " + actual + " found: " + sql);
    }
    assertEquals(List.of(), wrong);
  }
}

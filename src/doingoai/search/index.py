"""The full-text index of report sections: one per database vendor, kept by the database itself.

Why triggers. Sections are written in many places — composing and recomposing,
autosave, choosing a recomposed draft, restoring a version, and replacing an
ingested report's content with ``bulk_create`` (which sends no signals) — and
more will come. Triggers on ``reports_reportsection`` keep the index right
whatever writes the rows (``bulk_create``, ``QuerySet.update``, a cascade
delete, a raw statement), and nobody who writes a section has to remember
search. The index is derived data: :func:`search_index_rebuild` recreates it
from the sections at any time (``doingoai search --reindex``).

SQLite: an FTS5 contentless table ``search_section_fts`` (rowid = section id;
columns heading and text). Its tokenizer ``unicode61 remove_diacritics 2``
lower-cases and strips Vietnamese diacritics, stacked ones included
("ệ" → "e", "ợ" → "o"); "đ" is a letter of its own in Unicode, not a letter
with a diacritic, so the triggers write it "d" first. The query side folds
with :func:`doingoai.lib.text.fold`, which does the same. Contentless: the text
is stored once, in ``reports_reportsection``; hits are highlighted in Python.

PostgreSQL: a table ``search_section_document`` (section id, tsvector) with a
GIN index. The vector uses the text search configuration ``doingoai_search``:
``simple`` (no stemming, no stop words — Vietnamese syllables need neither)
behind the ``unaccent`` dictionary, which also maps đ → d. Headings weigh more
than text (A, B).

SQLite rebuilds a table for most schema changes (Django's ``_remake_table``),
and dropping the old table drops its triggers. So after every ``migrate``
:func:`search_index_repair` checks the triggers and, when one is missing, puts
them back and rebuilds the index.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

SQLITE_TABLE = "search_section_fts"
SQLITE_TRIGGERS = ("search_section_fts_insert", "search_section_fts_delete", "search_section_fts_update")
PG_TABLE = "search_section_document"
PG_TRIGGER = "search_section_document_sync"
PG_CONFIG = "doingoai_search"
SUPPORTED = ("sqlite", "postgresql")

# Heading weight against text in the ranking.
HEADING_WEIGHT = 3.0


def _dd(column: str) -> str:
    """SQLite: "đ" and "Đ" as "d" and "D"; the FTS5 tokenizer folds the rest."""
    return f"replace(replace(coalesce({column}, ''), 'đ', 'd'), 'Đ', 'D')"


def _sqlite_insert(row: str) -> str:
    return f"INSERT INTO {SQLITE_TABLE}(rowid, heading, text) VALUES ({row}.id, {_dd(row + '.heading')}, {_dd(row + '.text')});"


def _sqlite_delete(row: str) -> str:
    # A contentless table forgets a row through the 'delete' command, given the values it indexed.
    return (
        f"INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}, rowid, heading, text) "
        f"VALUES ('delete', {row}.id, {_dd(row + '.heading')}, {_dd(row + '.text')});"
    )


SQLITE_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_TABLE} "
    "USING fts5(heading, text, content='', tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_CREATE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_insert AFTER INSERT ON reports_reportsection "
    f"BEGIN {_sqlite_insert('new')} END",
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_delete AFTER DELETE ON reports_reportsection "
    f"BEGIN {_sqlite_delete('old')} END",
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_update AFTER UPDATE OF heading, text ON reports_reportsection "
    f"BEGIN {_sqlite_delete('old')} {_sqlite_insert('new')} END",
)
SQLITE_REBUILD = (
    f"INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}) VALUES ('delete-all')",
    f"INSERT INTO {SQLITE_TABLE}(rowid, heading, text) "
    f"SELECT id, {_dd('heading')}, {_dd('text')} FROM reports_reportsection",
)
SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    f"DROP TABLE IF EXISTS {SQLITE_TABLE}",
)


def _pg_document(row: str) -> str:
    heading = f"coalesce({row}heading, '')"
    text = f"coalesce({row}text, '')"
    return (
        f"setweight(to_tsvector('{PG_CONFIG}', {heading}), 'A') || setweight(to_tsvector('{PG_CONFIG}', {text}), 'B')"
    )


PG_CREATE = (
    # unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""DO $do$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
                     WHERE c.cfgname = '{PG_CONFIG}' AND n.nspname = current_schema()) THEN
        CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG}
          ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
      END IF;
    END $do$""",
    f"CREATE TABLE IF NOT EXISTS {PG_TABLE} (section_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {PG_TABLE}_gin ON {PG_TABLE} USING gin (document)",
    f"""CREATE OR REPLACE FUNCTION {PG_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM {PG_TABLE} WHERE section_id = OLD.id;
        RETURN OLD;
      END IF;
      INSERT INTO {PG_TABLE} (section_id, document) VALUES (NEW.id, {_pg_document("NEW.")})
        ON CONFLICT (section_id) DO UPDATE SET document = EXCLUDED.document;
      RETURN NEW;
    END $fn$""",
    f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON reports_reportsection",
    f"CREATE TRIGGER {PG_TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF heading, text ON reports_reportsection "
    f"FOR EACH ROW EXECUTE FUNCTION {PG_TRIGGER}()",
)
PG_REBUILD = (
    f"TRUNCATE {PG_TABLE}",
    f"INSERT INTO {PG_TABLE} (section_id, document) SELECT id, {_pg_document('')} FROM reports_reportsection",
)
PG_DROP = (
    f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON reports_reportsection",
    f"DROP FUNCTION IF EXISTS {PG_TRIGGER}()",
    f"DROP TABLE IF EXISTS {PG_TABLE}",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {PG_CONFIG}",
)


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def search_index_install(connection) -> None:
    """Create the index, its triggers, and fill it from the sections already there (idempotent)."""
    if connection.vendor == "sqlite":
        _run(connection, (SQLITE_CREATE_TABLE, *SQLITE_CREATE_TRIGGERS, *SQLITE_REBUILD))
    elif connection.vendor == "postgresql":
        _run(connection, (*PG_CREATE, *PG_REBUILD))


def search_index_uninstall(connection) -> None:
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_DROP)
    elif connection.vendor == "postgresql":
        _run(connection, PG_DROP)


def search_index_rebuild(connection) -> None:
    """Refill the index from reports_reportsection (after restoring a table by hand, say)."""
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_REBUILD)
    elif connection.vendor == "postgresql":
        _run(connection, PG_REBUILD)


def _present(connection) -> tuple[bool, bool]:
    """(the index table exists, all its triggers exist)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT type, name FROM sqlite_master WHERE name = %s OR type = 'trigger'", [SQLITE_TABLE])
            rows = cursor.fetchall()
            table = any(name == SQLITE_TABLE for _, name in rows)
            triggers = {name for kind, name in rows if kind == "trigger"}
            return table, set(SQLITE_TRIGGERS) <= triggers
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [PG_TABLE])
        table = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = %s AND tgrelid = to_regclass('reports_reportsection')",
            [PG_TRIGGER],
        )
        return table, cursor.fetchone()[0] == 1


def search_index_repair(connection) -> bool:
    """Put missing triggers back and rebuild the index; True if something was missing.

    Does nothing before the search migration has created the index.
    """
    if connection.vendor not in SUPPORTED:
        return False
    table, triggers = _present(connection)
    if not table or triggers:
        return False
    search_index_install(connection)
    return True


def search_index_repair_after_migrate(sender, using="default", **kwargs) -> None:
    search_index_repair(connections[using])


def _sqlite_match(terms) -> str:
    """The FTS5 query: every term, each a quoted phrase (so nothing the person types is FTS5 syntax)."""
    parts = []
    for term in terms:
        parts.append('"' + " ".join(term.words) + '"' + ("*" if term.prefix else ""))
    return " AND ".join(parts)


def _pg_tsquery(terms) -> tuple[str, list]:
    """The tsquery: every term; PostgreSQL's own parser reads each as it read the documents."""
    sql, params = [], []
    for term in terms:
        if term.prefix:
            sql.append(f"to_tsquery('{PG_CONFIG}', %s)")
            params.append(f"'{term.words[0]}':*")  # words hold letters and digits only
        else:
            sql.append(f"phraseto_tsquery('{PG_CONFIG}', %s)")
            params.append(term.raw)
    return " && ".join(sql), params


def search_index_find(*, terms, sections: QuerySet, limit: int, offset: int) -> tuple[int, list[int]]:
    """How many of ``sections`` match every term, and the ids of one page of them, best first.

    ``sections`` is a ReportSection queryset already scoped and filtered; it
    becomes a subquery, so scoping stays the ORM's job.
    """
    connection = connections[sections.db]
    try:
        scope_sql, scope_params = sections.order_by().values("id").query.sql_with_params()
    except EmptyResultSet:  # a scope of nothing (``reports.none()``)
        return 0, []
    if connection.vendor == "sqlite":
        match = _sqlite_match(terms)
        where = f"{SQLITE_TABLE} MATCH %s AND rowid IN ({scope_sql})"
        count_sql = f"SELECT count(*) FROM {SQLITE_TABLE} WHERE {where}"
        page_sql = (
            f"SELECT rowid FROM {SQLITE_TABLE} WHERE {where} "
            f"ORDER BY bm25({SQLITE_TABLE}, {HEADING_WEIGHT}, 1.0), rowid DESC LIMIT %s OFFSET %s"
        )
        params = [match, *scope_params]
    elif connection.vendor == "postgresql":
        tsquery, query_params = _pg_tsquery(terms)
        source = f"FROM {PG_TABLE} d, (SELECT {tsquery} AS q) query"
        where = f"d.document @@ query.q AND d.section_id IN ({scope_sql})"
        count_sql = f"SELECT count(*) {source} WHERE {where}"
        page_sql = (
            f"SELECT d.section_id {source} WHERE {where} "
            "ORDER BY ts_rank(d.document, query.q) DESC, d.section_id DESC LIMIT %s OFFSET %s"
        )
        params = [*query_params, *scope_params]
    else:
        raise NotImplementedError(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(count_sql, params)
        total = cursor.fetchone()[0]
        if not total or offset >= total:
            return total, []
        cursor.execute(page_sql, [*params, limit, offset])
        return total, [row[0] for row in cursor.fetchall()]

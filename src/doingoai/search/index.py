"""The full-text index of report sections: one per database vendor, kept by the database itself.

Why triggers. Sections are written in many places — composing and recomposing,
autosave, choosing a recomposed draft, restoring a version, and replacing an
ingested report's content with ``bulk_create`` (which sends no signals) — and
more will come. Triggers keep the index right whatever writes the rows
(``bulk_create``, ``QuerySet.update``, a cascade delete, a raw statement), and
nobody who writes a section has to remember search. The index is derived
data: :func:`search_index_rebuild` recreates it from the sections at any time
(``doingoai search --reindex``).

Each indexed section (group headings such as "III. KẾT QUẢ …", which have no
text, are left out) carries its heading, its text, and two scope tokens: its
report's unit and that unit's province (database ids; 0 for a report not yet
placed in a unit). Scoping stays the ORM's job (``reports_visible_to``), but the
tokens let the full-text engine look only at the sections of the units or
provinces in scope instead of filtering every match in the country. They
follow a report moved to another unit and a unit moved to another province
(triggers on ``reports_report`` and ``units_unit``).

SQLite: an FTS5 table ``search_section_fts`` (rowid = section id; columns
heading, text, scope). Its tokenizer ``unicode61 remove_diacritics 2``
lower-cases and strips Vietnamese diacritics, stacked ones included
("ệ" → "e", "ợ" → "o"); "đ" is a letter of its own in Unicode, not a letter
with a diacritic, so the triggers write it "d" first. The query side folds
with :func:`doingoai.lib.text.fold`, which does the same. The table keeps its
own copy of the folded text, so a row is removed by its rowid alone (a
contentless table would have to be told the exact values it indexed, and a
mistake there corrupts it silently). Hits are highlighted in Python, on the
text as written.

PostgreSQL: a table ``search_section_document`` (section id, tsvector) with a
GIN index. The vector uses the text search configuration ``doingoai_search``:
``simple`` (no stemming, no stop words — Vietnamese syllables need neither)
behind the ``unaccent`` dictionary, which also maps đ → d. Headings weigh more
than text (A, B). The scope tokens are the lexemes ``u_12`` and ``p_51``,
which the parser never makes out of typed text (it splits at "_").

SQLite rebuilds a table for most schema changes (Django's ``_remake_table``),
and dropping the old table drops its triggers. So after every ``migrate``
:func:`search_index_repair` checks the triggers and, when one is missing, puts
them back and rebuilds the index.
"""

import json
from dataclasses import dataclass

from django.db import connections

SQLITE_TABLE = "search_section_fts"
SQLITE_TRIGGERS = (
    "search_section_fts_insert",
    "search_section_fts_delete",
    "search_section_fts_update",
    "search_section_fts_report_unit",
    "search_section_fts_unit_province",
)
PG_TABLE = "search_section_document"
PG_TRIGGERS = (
    ("search_section_document_sync", "reports_reportsection"),
    ("search_section_document_report_unit", "reports_report"),
    ("search_section_document_unit_province", "units_unit"),
)
PG_CONFIG = "doingoai_search"
SUPPORTED = ("sqlite", "postgresql")

# Heading weight against text in the ranking.
HEADING_WEIGHT = 3.0
# Matches ranked by relevance at most; more are listed newest first.
RANK_LIMIT = 5000


# --- SQLite ---------------------------------------------------------------------------------------


def _dd(column: str) -> str:
    """SQLite: "đ" and "Đ" as "d" and "D"; the FTS5 tokenizer folds the rest."""
    return f"replace(replace(coalesce({column}, ''), 'đ', 'd'), 'Đ', 'D')"


# The indexed rows: sections with their report and unit, group headings left out.
# Scope tokens: u<unit id> p<province id> k<period> c<section code> c<each code it also covers>.
_SQLITE_SCOPE = (
    "'u' || coalesce(u.id, 0) || ' p' || coalesce(u.province_id, u.id, 0) || ' k' || lower(r.period) "
    "|| ' c' || replace(s.code, '_', '') || coalesce((SELECT group_concat(' c' || replace(value, '_', ''), '') "
    "FROM json_each(CASE WHEN json_valid(s.also) AND json_type(s.also) = 'array' THEN s.also ELSE '[]' END)), '')"
)
_SQLITE_ROWS = (
    f"SELECT s.id, {_dd('s.heading')}, {_dd('s.text')}, {_SQLITE_SCOPE} "
    "FROM reports_reportsection s JOIN reports_report r ON r.id = s.report_id "
    "LEFT JOIN units_unit u ON u.id = r.unit_id WHERE NOT s.is_group AND {where}"
)


def _sqlite_index(where: str) -> str:
    return f"INSERT INTO {SQLITE_TABLE}(rowid, heading, text, scope) {_SQLITE_ROWS.format(where=where)};"


def _sqlite_forget(where: str) -> str:
    return f"DELETE FROM {SQLITE_TABLE} WHERE rowid IN (SELECT s.id FROM reports_reportsection s WHERE {where});"


SQLITE_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_TABLE} "
    "USING fts5(heading, text, scope, tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_CREATE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_insert AFTER INSERT ON reports_reportsection "
    f"BEGIN {_sqlite_index('s.id = new.id')} END",
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_delete AFTER DELETE ON reports_reportsection "
    f"BEGIN DELETE FROM {SQLITE_TABLE} WHERE rowid = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_update "
    f"AFTER UPDATE OF heading, text, is_group, report_id, code, also ON reports_reportsection "
    "WHEN old.heading IS NOT new.heading OR old.text IS NOT new.text OR old.is_group IS NOT new.is_group "
    "OR old.report_id IS NOT new.report_id OR old.code IS NOT new.code OR old.also IS NOT new.also "
    f"BEGIN DELETE FROM {SQLITE_TABLE} WHERE rowid = old.id; {_sqlite_index('s.id = new.id')} END",
    # Saving a report or a unit rewrites every column: only a real move re-indexes.
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_report_unit AFTER UPDATE OF unit_id, period ON reports_report "
    "WHEN old.unit_id IS NOT new.unit_id OR old.period IS NOT new.period "
    f"BEGIN {_sqlite_forget('s.report_id = new.id')} {_sqlite_index('r.id = new.id')} END",
    f"CREATE TRIGGER IF NOT EXISTS search_section_fts_unit_province AFTER UPDATE OF province_id ON units_unit "
    "WHEN old.province_id IS NOT new.province_id "
    f"BEGIN {_sqlite_forget('s.report_id IN (SELECT id FROM reports_report WHERE unit_id = new.id)')} "
    f"{_sqlite_index('r.unit_id = new.id')} END",
)
SQLITE_REBUILD = (f"DELETE FROM {SQLITE_TABLE}", _sqlite_index("1").rstrip(";"))
SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    f"DROP TABLE IF EXISTS {SQLITE_TABLE}",
)


# --- PostgreSQL -----------------------------------------------------------------------------------

# Lexemes typed text never becomes (the parser splits at "_"); codes kept to [a-z0-9_] so the cast cannot fail.
_PG_SCOPE = (
    "('u_' || coalesce(u.id, 0) || ' p_' || coalesce(u.province_id, u.id, 0) "
    "|| ' k_' || regexp_replace(lower(r.period), '[^a-z0-9]', '', 'g') "
    "|| ' c_' || regexp_replace(s.code, '[^a-z0-9_]', '', 'g') "
    "|| coalesce((SELECT string_agg(' c_' || regexp_replace(value, '[^a-z0-9_]', '', 'g'), '') "
    "FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.also) = 'array' THEN s.also ELSE '[]' END) AS value), "
    "''))::tsvector"
)
_PG_ROWS = (
    f"SELECT s.id, setweight(to_tsvector('{PG_CONFIG}', s.heading), 'A') "
    f"|| setweight(to_tsvector('{PG_CONFIG}', s.text), 'B') || {_PG_SCOPE} "
    "FROM reports_reportsection s JOIN reports_report r ON r.id = s.report_id "
    "LEFT JOIN units_unit u ON u.id = r.unit_id WHERE NOT s.is_group AND {where}"
)


def _pg_index(where: str) -> str:
    return (
        f"INSERT INTO {PG_TABLE} (section_id, document) {_PG_ROWS.format(where=where)} "
        "ON CONFLICT (section_id) DO UPDATE SET document = EXCLUDED.document"
    )


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$ "
        f"BEGIN {body} RETURN NULL; END $fn$"
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
    _pg_function(
        "search_section_document_sync",
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN DELETE FROM {PG_TABLE} WHERE section_id = OLD.id; END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_pg_index('s.id = NEW.id')}; END IF;",
    ),
    _pg_function("search_section_document_report_unit", f"{_pg_index('r.id = NEW.id')};"),
    _pg_function("search_section_document_unit_province", f"{_pg_index('r.unit_id = NEW.id')};"),
    *(f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in PG_TRIGGERS),
    "CREATE TRIGGER search_section_document_sync "
    "AFTER INSERT OR DELETE OR UPDATE OF heading, text, is_group, report_id, code, also ON reports_reportsection "
    "FOR EACH ROW EXECUTE FUNCTION search_section_document_sync()",
    # Saving a report or a unit rewrites every column: only a real move re-indexes.
    "CREATE TRIGGER search_section_document_report_unit AFTER UPDATE OF unit_id, period ON reports_report "
    "FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.period IS DISTINCT FROM NEW.period) "
    "EXECUTE FUNCTION search_section_document_report_unit()",
    "CREATE TRIGGER search_section_document_unit_province AFTER UPDATE OF province_id ON units_unit "
    "FOR EACH ROW WHEN (OLD.province_id IS DISTINCT FROM NEW.province_id) "
    "EXECUTE FUNCTION search_section_document_unit_province()",
)
PG_REBUILD = (f"TRUNCATE {PG_TABLE}", _pg_index("true"))
PG_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in PG_TRIGGERS),
    *(f"DROP FUNCTION IF EXISTS {name}()" for name, _ in PG_TRIGGERS),
    f"DROP TABLE IF EXISTS {PG_TABLE}",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {PG_CONFIG}",
)


# --- installing and repairing ---------------------------------------------------------------------


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
    """Refill the index from the sections (after restoring a table by hand, say)."""
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
            "SELECT count(*) FROM pg_trigger WHERE (tgname, tgrelid) IN "
            "(SELECT name, to_regclass(relation) FROM unnest(%s::text[], %s::text[]) AS t(name, relation))",
            [[name for name, _ in PG_TRIGGERS], [table for _, table in PG_TRIGGERS]],
        )
        return table, cursor.fetchone()[0] == len(PG_TRIGGERS)


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


# --- finding --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    total: int
    ids: list[int]
    ranked: bool  # False: too many to rank, newest first


def sqlite_token(kind: str, value) -> str:
    """ "u12", "k2026h1", "cngoaid": letters and digits only, one FTS5 token."""
    return kind + "".join(ch for ch in str(value).lower() if ch.isalnum())


def pg_token(kind: str, value) -> str:
    """ "u_12", "k_2026h1", "c_ngo_aid"."""
    return f"{kind}_{str(value).lower()}"


def _sqlite_match(terms, all_of, any_of) -> str:
    """The FTS5 query: every term, each a quoted phrase (nothing typed is FTS5 syntax), in heading or text."""
    parts = ['"' + " ".join(term.words) + '"' + ("*" if term.prefix else "") for term in terms]
    match = "{heading text} : (" + " AND ".join(parts) + ")"
    for kind, value in all_of:
        match += f' AND scope : "{sqlite_token(kind, value)}"'
    if any_of:
        match += " AND scope : (" + " OR ".join(f'"{sqlite_token(kind, value)}"' for kind, value in any_of) + ")"
    return match


def _pg_tsquery(terms, all_of, any_of) -> tuple[str, list]:
    """The tsquery: every term; PostgreSQL's own parser reads each as it read the documents."""
    sql, params = [], []
    for term in terms:
        if term.prefix:
            sql.append(f"to_tsquery('{PG_CONFIG}', %s)")
            params.append(f"'{term.words[0]}':*")  # words hold letters and digits only
        else:
            sql.append(f"phraseto_tsquery('{PG_CONFIG}', %s)")
            params.append(term.raw)
    for kind, value in all_of:
        sql.append("%s::tsquery")
        params.append(f"'{pg_token(kind, value)}'")
    if any_of:
        sql.append("%s::tsquery")
        params.append(" | ".join(f"'{pg_token(kind, value)}'" for kind, value in any_of))
    return " && ".join(sql), params


def search_index_find(
    *,
    terms,
    report_ids: list[int] | None,
    all_of: list[tuple[str, object]] = (),
    any_of: list[tuple[str, object]] | None = None,
    limit: int,
    offset: int,
) -> Found:
    """How many indexed sections match every term, and the ids of one page of them.

    ``report_ids``: the reports in scope (None: every report). ``all_of``:
    scope tokens every hit has — ``("u", unit id)``, ``("k", "2026H1")``,
    ``("c", "ngo_aid")``; ``any_of``: tokens of which a hit has one, the units
    (``"u"``) or provinces (``"p"``) that hold the reports in scope, so that the
    full-text engine reads only theirs. Up to RANK_LIMIT matches are ranked,
    best first; beyond that the newest come first: ranking costs a few
    microseconds a match, and a person facing thousands of hits narrows them
    with a word or a filter.
    """
    if report_ids is not None and not report_ids:
        return Found(0, [], True)
    connection = connections["default"]
    if connection.vendor == "sqlite":
        source = f"FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s"
        params = [_sqlite_match(terms, all_of, any_of)]
        if report_ids is not None:
            # "+rowid": the scope filters the matches; as an index constraint SQLite would
            # run the full-text query once for every section in scope instead.
            source += (
                " AND +rowid IN (SELECT id FROM reports_reportsection "
                "WHERE report_id IN (SELECT value FROM json_each(%s)))"
            )
            params.append(json.dumps(report_ids))
        ranking, newest, key = f"bm25({SQLITE_TABLE}, {HEADING_WEIGHT}, 1.0, 0.0)", "rowid DESC", "rowid"
    elif connection.vendor == "postgresql":
        tsquery, params = _pg_tsquery(terms, all_of, any_of)
        source = f"FROM {PG_TABLE} d, (SELECT {tsquery} AS q) query WHERE d.document @@ query.q"
        if report_ids is not None:
            source += " AND d.section_id IN (SELECT id FROM reports_reportsection WHERE report_id = ANY(%s))"
            params.append(report_ids)
        ranking, newest, key = "ts_rank(d.document, query.q) DESC", "d.section_id DESC", "d.section_id"
    else:
        raise NotImplementedError(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {source}", params)
        total = cursor.fetchone()[0]
        if not total or offset >= total:
            return Found(total, [], True)
        ranked = total <= RANK_LIMIT
        order = f"{ranking}, {newest}" if ranked else newest
        cursor.execute(f"SELECT {key} {source} ORDER BY {order} LIMIT %s OFFSET %s", [*params, limit, offset])
        return Found(total, [row[0] for row in cursor.fetchall()], ranked)

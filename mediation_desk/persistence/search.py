"""Search-as-you-type over case numbers, names, ID numbers and phones, fast at 100k cases.

`dispute.search_text` holds the searchable text of a dispute (lower-cased).  Two FTS5
indexes sit over it, both kept in step by triggers from the first migration:

- `dispute_search`: trigram tokens, for terms of three characters or more;
- `dispute_grams`: one- and two-character tokens made by `search_grams` (a Python function
  registered on every SQLite connection as `md_search_grams`), for shorter terms —
  trigram indexes cannot find those, and a surname like 喆 or a name like 王伟 is exactly
  what a mediator types.

The exact predicate is always `instr(search_text, term) > 0`; an index is only used to
narrow the rows first.  Which way a query runs depends on how many rows a term matches,
found by a cheap probe (`LIMIT SELECTIVE + 1` on the index):
- a selective term (few matches): its index gives the candidate ids, which are sorted;
- a broad term (many matches): the list's own sort index is walked and each row tested,
  which stops as soon as a page is full, long before the table ends.
The first way reads every candidate; the second reads about page / share-of-rows rows.
With the list's first page of 64 ids, the two cost the same near sqrt(64 x 100,000),
about 2,500 matches at 100k cases: SELECTIVE sits just below.  (At 5,000, a common
surname took 27 ms at the 95th percentile, 18 ms at 2,000.)
"""

from __future__ import annotations

from sqlalchemy import Select, column, func, select, table
from sqlalchemy.orm import Session

from mediation_desk.persistence.grams import LETTERS as _LETTERS
from mediation_desk.persistence.grams import search_grams as search_grams  # the tokens' maker
from mediation_desk.persistence.models import Dispute

SELECTIVE = 2000
TRIGRAM = 3

_TRIGRAM_FTS = table("dispute_search", column("rowid"), column("dispute_search"))
_GRAMS_FTS = table("dispute_grams", column("rowid"), column("dispute_grams"))


def terms_of(text_: str) -> list[str]:
    return [t for t in text_.lower().split() if t]


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _index_for(term: str):  # type: ignore[no-untyped-def]
    """The FTS table that can narrow `term`, or None (short digits or punctuation)."""
    if len(term) >= TRIGRAM:
        return _TRIGRAM_FTS
    if _LETTERS.fullmatch(term):
        return _GRAMS_FTS
    return None


def _candidates(term: str) -> Select | None:
    fts = _index_for(term)
    if fts is None:
        return None
    match_column = fts.c.dispute_search if fts is _TRIGRAM_FTS else fts.c.dispute_grams
    query = _phrase(term)
    return select(fts.c.rowid).where(match_column.op("MATCH")(query))


def _probe(session: Session, candidates: Select) -> int:
    """How many rows the index offers for a term, counting no further than SELECTIVE+1."""
    limited = candidates.limit(SELECTIVE + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(limited)) or 0)


def apply_search(query: Select, search: str, session: Session) -> Select:
    """Restrict a query on `Dispute` to the rows matching every term of `search`."""
    terms = terms_of(search)
    if not terms:
        return query
    if session.get_bind().dialect.name != "sqlite":
        for term in terms:
            query = query.where(Dispute.search_text.contains(term, autoescape=True))
        return query
    best: tuple[int, Select] | None = None
    for term in terms:
        candidates = _candidates(term)
        if candidates is None:
            continue
        found = _probe(session, candidates)
        if found <= SELECTIVE and (best is None or found < best[0]):
            best = (found, candidates)
    if best is not None:
        query = query.where(Dispute.id.in_(best[1]))
    for term in terms:
        query = query.where(func.instr(Dispute.search_text, term) > 0)
    return query


# The FTS tables and their shadow tables are made by raw SQL in the migrations, not by the
# models; schema comparisons skip them.
SEARCH_TABLE_PREFIXES = ("dispute_search", "dispute_grams")

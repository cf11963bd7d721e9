"""The trigram index (`dispute_search`, SQLite only) without token positions.

Search never takes an index's word for a match: it narrows the rows with the index and
then tests each with `instr(search_text, term)` (persistence.search).  So the index need
not know where in a text a trigram stands, only which texts hold it: FTS5's
`detail=none`.  A term of three characters is still one token; a longer one is looked up
as all of its trigrams (AND), a superset of the rows that hold it, which `instr` then
narrows to the exact ones.  Without positions the index is smaller and cheaper to keep
up: over 100,000 disputes it takes 12 MB instead of 31 MB, and loading it batch by batch
(as the demo does) 2.2 s instead of 2.7–3.6 s.

The triggers of revision 0001 write into the index by name and stay as they are; the
index is rebuilt from `dispute.search_text`.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _recreate(detail: str) -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return  # PostgreSQL searches through pg_trgm (revision 0001): nothing changes
    op.execute("DROP TABLE dispute_search")
    op.execute(
        "CREATE VIRTUAL TABLE dispute_search USING fts5("
        f"search_text, content='dispute', content_rowid='id', tokenize='trigram'{detail})"
    )
    op.execute("INSERT INTO dispute_search(dispute_search) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate(", detail=none")


def downgrade() -> None:
    _recreate("")

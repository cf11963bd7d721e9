"""The schema revision this program writes (checked against Alembic's head by a test).

Its own module so that the start-up fast path (`mediation_desk.first_page`) can compare
a database's revision with it without importing SQLAlchemy or Alembic.
"""

SCHEMA_HEAD = "0005"

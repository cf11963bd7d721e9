"""Where things live on disk: the user's data folder, the database, backups, resources.

Installed from a wheel, `migrations/` and `resources/` sit inside the package; run from a
source checkout they sit at the repository's top level.  Both layouts are looked up here
and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "MediationDesk"
DATABASE_FILENAME = "mediation-desk.sqlite"
DEMO_DATABASE_FILENAME = "mediation-desk-demo.sqlite"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The per-user data folder; `MEDIATION_DESK_DATA` overrides it (tests, portable use)."""
    override = os.environ.get("MEDIATION_DESK_DATA")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path  # (imported when needed: start-up time)

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def demo_database_path() -> Path:
    return data_dir() / DEMO_DATABASE_FILENAME


def backup_dir_for(database_file: Path) -> Path:
    """Backups sit beside the database so they move with it (and stay on the same disk)."""
    path = database_file.parent / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _package_or_checkout(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def migrations_dir() -> Path:
    return _package_or_checkout("migrations")


def resource_path(*parts: str) -> Path:
    return _package_or_checkout("resources").joinpath(*parts)

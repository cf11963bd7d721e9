"""Imports run one way: ui -> services -> (domain, persistence, documents); domain imports nothing
from the project but itself, and neither Qt nor SQLAlchemy (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mediation_desk"

# For each layer: imports it must never make (prefix match on the module name).
FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "mediation_desk.persistence",
               "mediation_desk.services", "mediation_desk.ui", "mediation_desk.app"),
    "persistence": ("PySide6", "mediation_desk.services", "mediation_desk.ui", "mediation_desk.app"),
    "services": ("PySide6", "mediation_desk.ui", "mediation_desk.app"),
    # Documents take the services' DTOs (plain dataclasses) and nothing else of theirs.
    "documents": ("PySide6", "sqlalchemy", "alembic", "mediation_desk.persistence",
                  "mediation_desk.ui", "mediation_desk.app", "mediation_desk.services.cases",
                  "mediation_desk.services.flow", "mediation_desk.services.container",
                  "mediation_desk.services.documents", "mediation_desk.services.followups",
                  "mediation_desk.services.agreements"),
    "ui": ("sqlalchemy", "alembic", "mediation_desk.persistence"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer):
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if name.startswith(FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_only_the_calendar_module_imports_the_holiday_library():
    users = [p.name for p in (PACKAGE / "domain").glob("*.py") if "chinese_calendar" in _imports(p)]
    assert users in ([], ["calendar.py"])

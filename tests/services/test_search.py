"""Search gives the same answer whichever way the query runs (index-narrowed or walk)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from mediation_desk.persistence import search
from mediation_desk.services.demo import generate_demo
from mediation_desk.services.dto import CaseFilter


@pytest.fixture
def demo(services):
    generate_demo(services, cases=300, seed=5)
    return services


def brute_force(services, terms: str) -> set[int]:
    with services.engine.connect() as c:
        rows = c.execute(text("SELECT id, search_text FROM dispute")).all()
    wanted = terms.lower().split()
    return {i for i, t in rows if all(w in t for w in wanted)}


def test_grams_are_letters_only():
    assert search.search_grams("（2026）潼川 张㛃 1101x") == "潼 潼川 川 张 张㛃 㛃 x"


@pytest.mark.parametrize("selective", [0, 10, 100_000])
def test_every_strategy_matches_brute_force(demo, monkeypatch, selective):
    monkeypatch.setattr(search, "SELECTIVE", selective)
    with demo.engine.connect() as c:
        names = [r[0] for r in c.execute(text("SELECT name FROM party ORDER BY id LIMIT 40"))]
        numbers = [r[0] for r in c.execute(text("SELECT id_number FROM party WHERE id_number != '' LIMIT 20"))]
        phones = [r[0] for r in c.execute(text("SELECT phone FROM party WHERE phone != '' LIMIT 20"))]
    rng = random.Random(selective)
    terms = [n[:1] for n in names[:10]] + [n[:2] for n in names[10:20]] + names[20:30]
    terms += [x[6:12] for x in numbers[:8]] + [p[-4:] for p in phones[:8]] + [p[:2] for p in phones[:4]]
    terms += ["调字第00", "第0007号", "X", "“", f"{names[0][:1]} {phones[0][-3:]}"]
    for term in terms + [rng.choice(names) for _ in range(5)]:
        ids = demo.cases.list_ids(filters=CaseFilter(search=term))
        assert set(ids) == brute_force(demo, term), term
        assert demo.cases.count(CaseFilter(search=term)) == len(ids)

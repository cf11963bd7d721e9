"""Demo data: realistic, complete in its variety, valid, and reproducible."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from mediation_desk.domain.validation import validate_id_number
from mediation_desk.domain.vocabulary import Category, DisputeState, RiskGrade, Source
from mediation_desk.persistence.migrate import integrity_problems
from mediation_desk.services.demo import RARE, generate_demo
from mediation_desk.services.dto import CaseFilter


def test_demo_covers_every_value_and_is_valid(services):
    summary = generate_demo(services, cases=400, seed=7)
    assert summary.cases == 400
    with services.engine.connect() as c:
        def values(sql):
            return {row[0] for row in c.execute(text(sql))}

        assert values("SELECT category FROM dispute") == {x.value for x in Category}
        assert values("SELECT source FROM dispute") == {x.value for x in Source}
        assert values("SELECT state FROM dispute") == {x.value for x in DisputeState}
        assert values("SELECT risk FROM dispute") == {x.value for x in RiskGrade}
        assert values("SELECT tier FROM dispute") == {1, 2, 3}
        assert values("SELECT tier FROM mediation_session") == {1, 2, 3}
        years = values("SELECT year FROM dispute")
        assert len(years) >= 3
        names = "".join(values("SELECT name FROM party"))
        assert any(ch in names for ch in RARE)
        today = dt.date(2026, 11, 20)
        for id_number in values("SELECT id_number FROM party WHERE id_number != ''"):
            assert validate_id_number(id_number, today=today) == id_number
        # Sessions only where mediation started; settled cases say how.
        assert not values(
            "SELECT d.state FROM mediation_session s JOIN dispute d ON d.id = s.dispute_id "
            "WHERE d.state IN ('registered', 'accepted', 'declined')"
        )
        assert values("SELECT settlement FROM dispute WHERE state IN ('settled', 'closed')") <= {
            "written", "oral"
        }
        # Every settled or closed case has a signed agreement and a follow-up plan; closed
        # ones have none left open; some cases came back (反复) after a visit.
        assert not values(
            "SELECT d.id FROM dispute d WHERE d.state IN ('settled', 'closed') AND NOT EXISTS "
            "(SELECT 1 FROM agreement a WHERE a.dispute_id = d.id AND a.status = 'signed')"
        )
        assert not values(
            "SELECT v.id FROM followup_visit v JOIN dispute d ON d.id = v.dispute_id "
            "WHERE d.state = 'closed' AND v.status = 'planned'"
        )
        assert values("SELECT status FROM followup_visit") == {"planned", "done", "cancelled"}
        assert values("SELECT max(recurrences) FROM dispute") == {1}
        assert values("SELECT count(*) FROM followup_visit WHERE reopened") != {0}
        assert values("SELECT count(*) FROM case_deadline") != {0}
        last = dict(c.execute(text("SELECT year, last_value FROM case_number_sequence")).all())
        assert last == dict(c.execute(text("SELECT year, max(serial) FROM dispute GROUP BY year")).all())
    assert integrity_problems(services.engine) == []
    # The search indexes were rebuilt: a rare-character name is found.
    with services.engine.connect() as c:
        rare_name = c.execute(
            text("SELECT name FROM party WHERE name GLOB '*[㛃堃喆昇犇淼]*' LIMIT 1")
        ).scalar()
    assert services.cases.count(CaseFilter(search=rare_name)) >= 1
    # Registering after the demo continues the year's numbering.
    detail = services.cases.detail(services.cases.list_ids(limit=1)[0])
    assert detail.parties
    # The clock rows the demo wrote are the ones the services would write.
    from sqlalchemy import select

    from mediation_desk.persistence.models import CaseDeadline, Dispute
    from mediation_desk.services import clocks

    settings = services.settings.load()
    with services.uow.read() as session:
        for dispute in session.scalars(select(Dispute).where(Dispute.state.in_(("in_mediation", "settled")))):
            stored = sorted(
                (r.kind, r.ref, r.due)
                for r in session.scalars(select(CaseDeadline).where(CaseDeadline.dispute_id == dispute.id))
            )
            expected = sorted(
                (r["kind"], r["ref"], r["due"])
                for r in clocks.deadline_rows(clocks.tracked(session, dispute, settings), dispute.id)
            )
            assert stored == expected, dispute.number


def test_demo_is_reproducible(tmp_path, clock):
    from mediation_desk.services.container import open_services

    dumps = []
    for name in ("a", "b"):
        services = open_services(tmp_path / f"{name}.sqlite", clock=clock)
        generate_demo(services, cases=120, seed=11)
        with services.engine.connect() as c:
            dumps.append(c.execute(text("SELECT number, parties_display, state, tier FROM dispute ORDER BY id")).all())
        services.close()
    assert dumps[0] == dumps[1]

"""ORM rows of agreements and follow-up visits turned into the frozen DTOs the UI, the
command line and the documents read."""

from __future__ import annotations

from mediation_desk.domain.agreements import AgreementKind, AgreementStatus, PerformanceWay
from mediation_desk.domain.followups import (
    Performance,
    Satisfaction,
    VisitOrigin,
    VisitStatus,
    VisitWay,
)
from mediation_desk.persistence.models import Agreement, AgreementTerm, FollowUpVisit
from mediation_desk.services.dto import AgreementView, TermView, VisitView


def term_view(t: AgreementTerm) -> TermView:
    return TermView(
        id=t.id,
        position=t.position,
        content=t.content,
        way=PerformanceWay(t.way),
        obligor_party_id=t.obligor_party_id,
        obligor=t.obligor,
        amount=t.amount,
        deadline=t.deadline,
        place=t.place,
    )


def agreement_view(a: Agreement) -> AgreementView:
    return AgreementView(
        id=a.id,
        dispute_id=a.dispute_id,
        version=a.version,
        kind=AgreementKind(a.kind),
        status=AgreementStatus(a.status),
        party_ids=tuple(int(i) for i in (a.party_ids or [])),
        facts=a.facts,
        issues=a.issues,
        responsibility=a.responsibility,
        oral_content=a.oral_content,
        place=a.place,
        terms=tuple(term_view(t) for t in a.terms),
        signed_on=a.signed_on,
        signed_by=a.signed_by,
        supersedes_id=a.supersedes_id,
        correction_reason=a.correction_reason,
        created_at=a.created_at,
        created_by=a.created_by,
        edit_version=a.edit_version,
    )


def visit_view(v: FollowUpVisit) -> VisitView:
    return VisitView(
        id=v.id,
        dispute_id=v.dispute_id,
        seq=v.seq,
        due_on=v.due_on,
        planned_on=v.planned_on,
        origin=VisitOrigin(v.origin),
        basis=v.basis,
        status=VisitStatus(v.status),
        move_reason=v.move_reason,
        cancel_reason=v.cancel_reason,
        visited_on=v.visited_on,
        way=VisitWay(v.way) if v.way else None,
        visited=v.visited,
        visitors=v.visitors,
        performance={k: Performance(x) for k, x in (v.performance or {}).items()},
        satisfaction_mediation=Satisfaction(v.satisfaction_mediation)
        if v.satisfaction_mediation
        else None,
        satisfaction_police={k: Satisfaction(x) for k, x in (v.satisfaction_police or {}).items()},
        conflict_returning=v.conflict_returning,
        conflict_signs=v.conflict_signs,
        new_risks=v.new_risks,
        action=v.action,
        remarks=v.remarks,
        reopen_grounds=v.reopen_grounds,
        reopened=v.reopened,
        recorded_by=v.recorded_by,
        recorded_at=v.recorded_at,
        row_version=v.row_version,
    )

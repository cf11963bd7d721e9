"""One small dialog per move of a dispute (受理, 升级, 调解成功, 结案, ...).

The dialog asks only for what the move's `MoveRequest` carries — a legal reason for
declining, the route for a referral, the kind of agreement, the new tier's team, a reason
or a note — and calls `FlowService.move` with the version the case screen was showing.
Whether the move is allowed, and what it needs, is decided by the domain: a refusal comes
back as `IllegalTransition` and its sentence is shown here, with the input kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from mediation_desk.domain.escalation import (
    TARGET,
    DeclineReason,
    Exclusion,
    Move,
    MoveRequest,
    ReferralRoute,
    SettlementKind,
)
from mediation_desk.domain.sessions import ROLES_FOR_TIER
from mediation_desk.domain.vocabulary import DisputeKind, Tier
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail
from mediation_desk.ui.action_dialog import ActionDialog, text_edit
from mediation_desk.ui.roster_picker import RosterChecklist
from mediation_desk.ui.widgets import ValueCombo

# The moves whose text field is the main input (a reason) rather than a side note.
_REASON_MOVES = frozenset({Move.ESCALATE, Move.DEESCALATE, Move.FAIL, Move.REOPEN})


def _tier_text(tier: Tier) -> str:
    return f"{tier.short_label} {tier.label}"


def _neighbour(tier: Tier, step: int) -> Tier | None:
    try:
        return Tier(int(tier) + step)
    except ValueError:  # there is no tier 0 or 4; the domain refuses the move
        return None


class MoveDialog(ActionDialog):
    """Collects one move's inputs and asks `FlowService.move` to make it."""

    FIELD_ALIASES = {"participants": "team"}

    def __init__(
        self,
        move: Move,
        detail: CaseDetail,
        *,
        services: Services,
        by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(detail, title=move.label, submit_text=move.label, parent=parent)
        self.setObjectName(f"move_dialog_{move.value}")
        self.move_kind = move
        self._services = services
        self._by = by
        self.decline_reason: ValueCombo | None = None
        self.route: ValueCombo | None = None
        self.settlement: ValueCombo | None = None
        self.team: RosterChecklist | None = None
        self.exclusions: dict[Exclusion, QCheckBox] = {}
        self.set_intro(self._intro_text())

        choose = self.tr("Choose…")
        if move is Move.DECLINE:
            self.decline_reason = self._choice([(r.label, r) for r in DeclineReason], choose)
            self.field("decline_reason", self.tr("&Legal reason for declining"),
                       self.decline_reason)
        elif move is Move.REFER:
            self.route = self._choice([(r.label, r) for r in ReferralRoute], choose)
            self.field("route", self.tr("&Route the parties were told of"), self.route)
        elif move is Move.SETTLE:
            self.settlement = self._choice([(k.label, k) for k in SettlementKind], choose)
            self.field("settlement", self.tr("&Agreement reached"), self.settlement)
        elif move is Move.ACCEPT and detail.kind is DisputeKind.PUBLIC_SECURITY:
            self._build_exclusions()
        elif move is Move.ESCALATE:
            self._build_team()

        self.note = text_edit(self)
        self.field("reason", self._note_caption(), self.note)
        self.resize(560 if self.team is not None else 480, 0)
        if self.exclusions:
            next(iter(self.exclusions.values())).setFocus()
        else:
            next(iter(self.boxes.values())).editor.setFocus()

    # ------------------------------------------------------------ building
    def _intro_text(self) -> str:
        d = self.detail
        move = self.move_kind
        if move is Move.ESCALATE and (up := _neighbour(d.row.tier, 1)) is not None:
            return f"{_tier_text(d.row.tier)} → {_tier_text(up)}"
        if move is Move.DEESCALATE and (down := _neighbour(d.row.tier, -1)) is not None:
            return f"{_tier_text(d.row.tier)} → {_tier_text(down)}"
        target = TARGET.get(move)
        if target is not None and target is not d.row.state:
            return f"{d.row.state.label} → {target.label}"
        return f"{d.row.state.label} · {_tier_text(d.row.tier)}"

    def _note_caption(self) -> str:
        move = self.move_kind
        if move is Move.WITHDRAW:
            return self.tr("The applicant's &statement (required)")
        if move in _REASON_MOVES:
            return self.tr("&Reason (required)")
        return self.tr("&Note (optional)")

    def _choice(self, items: list[tuple[str, object]], placeholder: str) -> ValueCombo:
        combo = ValueCombo(self)
        combo.add_value(placeholder, None)
        for text, value in items:
            combo.add_value(text, value)
        return combo

    def _build_exclusions(self) -> None:
        group = QGroupBox(
            self.tr("Public-security mediation is ruled out by these causes; tick any that "
                    "apply"), self)
        group.setObjectName("exclusions")
        layout = QVBoxLayout(group)
        for exclusion in Exclusion:
            box = QCheckBox(exclusion.label, group)
            box.setObjectName(f"exclusion_{exclusion.value}")
            self.exclusions[exclusion] = box
            layout.addWidget(box)
        self.fields.addWidget(group)

    def _build_team(self) -> None:
        self.team = RosterChecklist(self)
        self.team.setMinimumHeight(200)
        box = self.field("team", self.tr("The new tier's &team (tick at least one)"), self.team)
        self.team.itemChanged.connect(lambda _item: box.clear_error())
        up = _neighbour(self.detail.row.tier, 1)
        if up is None:
            box.hide()
            return
        roles = ROLES_FOR_TIER[up]
        entries = self._services.roster.list(roles=set(roles), active_only=True)
        self.team.set_entries(entries, order=roles)
        if not entries:
            box.set_hint(self.tr("The roster has nobody for {tier}. Add people under Roster & "
                                 "settings.").format(tier=up.label))

    # ------------------------------------------------------------ submitting
    def request(self) -> MoveRequest:
        """The move as the dialog's fields describe it."""
        return MoveRequest(
            move=self.move_kind,
            reason=self.note.toPlainText(),
            decline_reason=self.decline_reason.value() if self.decline_reason else None,  # type: ignore[arg-type]
            route=self.route.value() if self.route else None,  # type: ignore[arg-type]
            settlement=self.settlement.value() if self.settlement else None,  # type: ignore[arg-type]
            team=self.team.checked_ids() if self.team else (),
            exclusions=frozenset(e for e, box in self.exclusions.items() if box.isChecked()),
        )

    def call(self) -> CaseDetail:
        return self._services.flow.move(
            dispute_id=self.detail.id,
            expected_version=self.detail.version,
            request=self.request(),
            by=self._by,
        )

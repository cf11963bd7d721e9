"""One case's own screen: header with the tier steps, facts, parties and the timeline.

This is the one screen where ID numbers and phones are shown in full (DOMAIN §4): it is
the case's own record.  Everything shown comes from `CaseService.detail`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.vocabulary import PartyType
from mediation_desk.services.dto import CaseDetail, EventView, PartyView
from mediation_desk.ui.labels import flag_labels, unpaid_workers_label
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.widgets import HINT_COLOUR, RiskMark, TierSteps, section_title

DASH = "—"


def _or_dash(value: object) -> str:
    text = "" if value is None else str(value)
    return text if text.strip() else DASH


class CaseDialog(QDialog):
    """Shows a `CaseDetail`; read-only for now (the workflow actions come later)."""

    def __init__(
        self,
        detail: CaseDetail,
        *,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail = detail
        self._preferences = preferences
        self.setObjectName("case_dialog")
        self.setWindowTitle(self.tr("Case {number}").format(number=detail.number))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._facts())
        right = QSplitter(Qt.Orientation.Vertical, splitter)
        right.addWidget(self._parties_panel())
        right.addWidget(self._timeline_panel())
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([230, 420])
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([360, 860])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)

        self.resize(1220, 760)
        if preferences is not None and (geometry := preferences.bytes(Preferences.CASE_GEOMETRY)):
            self.restoreGeometry(geometry)

    # -------------------------------------------------------------- header
    def _header(self) -> QVBoxLayout:
        d = self.detail
        box = QVBoxLayout()
        top = QHBoxLayout()
        self.number_label = QLabel(d.number, self)
        self.number_label.setObjectName("number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.number_label.setFont(font)
        top.addWidget(self.number_label)
        top.addSpacing(16)
        self.risk_mark = RiskMark(d.row.risk, self)
        top.addWidget(self.risk_mark)
        top.addSpacing(12)
        self.state_label = QLabel(d.row.state.label, self)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet(
            "QLabel { border: 1px solid #8a96a3; border-radius: 4px; padding: 2px 8px; }"
        )
        top.addWidget(self.state_label)
        top.addSpacing(12)
        kind = QLabel(d.kind.label, self)
        kind.setStyleSheet(f"color: {HINT_COLOUR};")
        top.addWidget(kind)
        top.addStretch(1)
        box.addLayout(top)
        parties = QLabel(d.row.parties, self)
        parties.setObjectName("parties_line")
        box.addWidget(parties)
        self.tier_steps = TierSteps(self)
        self.tier_steps.set_tier(d.row.tier)
        box.addWidget(self.tier_steps)
        return box

    # --------------------------------------------------------------- facts
    def _facts(self) -> QWidget:
        d = self.detail
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        outer = QVBoxLayout(inner)
        outer.addWidget(section_title(self.tr("Facts"), inner))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}

        def add(key: str, caption: str, value: object) -> None:
            label = QLabel(_or_dash(value), inner)
            label.setObjectName(f"fact_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            form.addRow(caption, label)

        received = d.row.accepted_on
        add("source", self.tr("Source:"), d.source.label)
        add("category", self.tr("Category:"), d.row.category.label)
        add("kind", self.tr("Kind:"), d.kind.label)
        add("registered_at", self.tr("Registered:"),
            f"{d.registered_at:%Y-%m-%d %H:%M}  {d.registered_by}".strip())
        add("accepted_on", self.tr("Accepted on:"), received.isoformat() if received else "")
        add("occurred_on", self.tr("Occurred on:"),
            d.occurred_on.isoformat() if d.occurred_on else "")
        add("place", self.tr("Place:"), d.place)
        add("summary", self.tr("Summary:"), d.summary)
        add("applicant_claims", self.tr("Applicant asks for:"), d.applicant_claims)
        add("respondent_claims", self.tr("Respondent says:"), d.respondent_claims)
        add("amount", self.tr("Amount in dispute:"),
            self.tr("¥{amount}").format(amount=f"{d.amount:,.2f}") if d.amount is not None else "")
        add("people_involved", self.tr("People involved:"), d.people_involved)
        add("grid", self.tr("Grid:"), d.grid)
        add("grid_worker", self.tr("Grid worker:"), d.grid_worker)
        add("community_officer", self.tr("Community officer:"), d.community_officer)
        add("mediator", self.tr("Mediator:"), d.row.mediator)
        add("suggested_tier", self.tr("Suggested tier:"),
            f"{d.suggested_tier.short_label} {d.suggested_tier.label}")
        if d.tier_reason:
            add("tier_reason", self.tr("Why the tier differs:"), d.tier_reason)
        add("flags", self.tr("Intake flags:"), self._flags_text())
        outer.addLayout(form)
        outer.addStretch(1)
        area.setWidget(inner)
        return area

    def _flags_text(self) -> str:
        flags = self.detail.flags
        names = flag_labels()
        shown = [names[key] for key in names if flags.get(key)]
        workers = int(flags.get("unpaid_workers") or 0)
        if workers:
            shown.append(f"{unpaid_workers_label()} {workers}")
        return "；".join(shown)

    # ------------------------------------------------------------- parties
    def _parties_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Parties"), panel))
        headers = [
            self.tr("Side"), self.tr("Name"), self.tr("Sex"), self.tr("Ethnicity"),
            self.tr("Born"), self.tr("ID number / credit code"), self.tr("Phone"),
            self.tr("Address"), self.tr("Occupation / legal rep."), self.tr("Agent"),
            self.tr("Guardian"), self.tr("Notes"),
        ]
        table = self._table("parties", headers)
        table.setRowCount(len(self.detail.parties))
        for row, party in enumerate(self.detail.parties):
            for column, text in enumerate(self._party_cells(party)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self.parties_table = table
        layout.addWidget(table)
        return panel

    def _party_cells(self, p: PartyView) -> list[str]:
        person = p.party_type is PartyType.PERSON
        agent = " ".join(x for x in (p.agent_name, p.agent_phone) if x)
        guardian = " ".join(
            x for x in (p.guardian_name, f"（{p.guardian_relation}）" if p.guardian_relation else "",
                        p.guardian_phone) if x
        )
        notes = []
        if not person:
            notes.append(p.party_type.label)
        if p.vulnerable:
            notes.append(self.tr("vulnerable"))
        return [
            p.side.label,
            p.name,
            p.sex.label if p.sex else "",
            p.ethnicity if person else "",
            p.birth_date.isoformat() if p.birth_date else "",
            p.id_number if person else p.credit_code,
            p.phone,
            p.address,
            p.occupation if person else p.legal_representative,
            agent,
            guardian,
            "，".join(notes),
        ]

    # ------------------------------------------------------------ timeline
    def _timeline_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Timeline"), panel))
        headers = [self.tr("Time"), self.tr("Event"), self.tr("State"), self.tr("Tier"),
                   self.tr("Reason"), self.tr("By")]
        table = self._table("timeline", headers)
        table.setWordWrap(True)
        events = sorted(self.detail.events, key=lambda e: (e.at, e.id))
        table.setRowCount(len(events))
        for row, event in enumerate(events):
            for column, text in enumerate(self._event_cells(event)):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setToolTip(text)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        self.timeline_table = table
        layout.addWidget(table)
        return panel

    @staticmethod
    def _event_cells(e: EventView) -> list[str]:
        def move(old: str, new: str) -> str:
            if old and new and old != new:
                return f"{old} → {new}"
            return new or old

        state = move(e.from_state.label if e.from_state else "",
                     e.to_state.label if e.to_state else "")
        tier = move(e.from_tier.short_label if e.from_tier else "",
                    e.to_tier.short_label if e.to_tier else "")
        return [f"{e.at:%Y-%m-%d %H:%M}", e.kind.label, state, tier, e.reason, e.by]

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -------------------------------------------------------------- closing
    def done(self, result: int) -> None:
        if self._preferences is not None:
            self._preferences.set_bytes(Preferences.CASE_GEOMETRY, self.saveGeometry())
        super().done(result)

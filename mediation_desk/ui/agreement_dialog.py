"""人民调解协议书: the agreement editor inside a case (DOMAIN §6).

The mediator writes the agreement while mediating; it is saved as a draft however
incomplete (nothing typed is lost) and the line under the form lists, as the domain
rules see it, what is still missing before it can be signed: a party left out, no term,
a term without a performance deadline.  Signing happens with the settle move (or, for a
correction, with "sign the correction" on the case screen).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.agreements import (
    AgreementDraft,
    AgreementKind,
    CaseParty,
    PerformanceWay,
    TermDraft,
    agreement_problems,
)
from mediation_desk.services.container import Services
from mediation_desk.services.dto import AgreementView, CaseDetail
from mediation_desk.ui.action_dialog import ActionDialog, LocalProblems, text_edit
from mediation_desk.ui.widgets import HINT_COLOUR, DateLineEdit, FieldBox, ValueCombo

translate = QCoreApplication.translate

_EMPTY_TERM = TermDraft(content="", way=PerformanceWay.PAY_ONCE)


class AgreementDialog(ActionDialog):
    KEEP_OPEN_ON_STALE = True
    def __init__(
        self,
        detail: CaseDetail,
        *,
        services: Services,
        by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(detail, title=translate("AgreementDialog", "Mediation agreement"),
                         submit_text=translate("AgreementDialog", "&Save draft"), parent=parent)
        self.setObjectName("agreement_dialog")
        self._services, self._by = services, by
        current = detail.agreement
        self.editing: AgreementView | None = current if current and not current.signed else None
        if self.editing is not None and self.editing.supersedes_id and self.editing.correction_reason:
            self.set_intro(self.tr("Correction (version {v}): {reason}").format(
                v=self.editing.version, reason=self.editing.correction_reason))

        self.kind = ValueCombo(self)
        for kind in AgreementKind:
            self.kind.add_value(kind.label, kind)
        self.field("kind", self.tr("&Kind"), self.kind)

        parties = QWidget(self)
        row = QHBoxLayout(parties)
        row.setContentsMargins(0, 0, 0, 0)
        self.party_boxes: dict[int, QCheckBox] = {}
        for p in detail.parties:
            box = QCheckBox(f"{p.name}（{p.side.label}）", parties)
            box.setChecked(True)
            self.party_boxes[p.id] = box
            row.addWidget(box)
        row.addStretch(1)
        self.field("parties", self.tr("&Parties named in the agreement"), parties)

        self.facts = text_edit(self, 48)
        self.field("facts", self.tr("Main &facts of the dispute"), self.facts)
        self.issues = text_edit(self, 40)
        self.field("issues", self.tr("&Issues in dispute"), self.issues)
        self.responsibility = text_edit(self, 40)
        self.field("responsibility", self.tr("Each side's &responsibility"), self.responsibility)
        self.oral_content = text_edit(self, 64)
        self.field("oral_content", self.tr("What was agreed &orally"), self.oral_content)

        self.terms_group = QGroupBox(self.tr("Terms agreed"), self)
        terms_layout = QVBoxLayout(self.terms_group)
        self.terms_holder = QWidget(self.terms_group)
        self.terms_rows = QVBoxLayout(self.terms_holder)
        self.terms_rows.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self.terms_group)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.terms_holder)
        scroll.setMinimumHeight(170)
        terms_layout.addWidget(scroll)
        self.add_term_button = QPushButton(self.tr("&Add a term"), self.terms_group)
        self.add_term_button.setObjectName("add_term")
        self.add_term_button.clicked.connect(lambda: self._set_terms([*self._terms_typed(), _EMPTY_TERM]))
        terms_layout.addWidget(self.add_term_button)
        self.fields.addWidget(self.terms_group, 1)
        # Errors about the terms as a whole ("no term yet") go under the group.
        self.terms_box = FieldBox("", QWidget(self), self, key="terms")
        self.terms_box.caption.hide()
        self.boxes["terms"] = self.terms_box
        self.fields.addWidget(self.terms_box)

        self.place = QLineEdit(self)
        self.field("place", self.tr("Place of &signing"), self.place)
        self.missing = QLabel(self)
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(f"color: {HINT_COLOUR};")
        self.main_layout.insertWidget(self.main_layout.count() - 2, self.missing)

        self.term_rows: list[dict[str, QWidget]] = []
        # A new agreement after a reopen starts from the one that was broken.
        self._load(self.editing or current, detail)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.facts, self.issues, self.responsibility, self.oral_content):
            edit.textChanged.connect(self.update_missing)
        for box in self.party_boxes.values():
            box.toggled.connect(self.update_missing)
        self._kind_changed()
        self.resize(900, 820)
        self.facts.setFocus()

    # ----------------------------------------------------------- loading
    def _load(self, agreement: AgreementView | None, detail: CaseDetail) -> None:
        if agreement is None:
            self.kind.set_value(AgreementKind.WRITTEN)
            self.facts.setPlainText(detail.summary)
            self._set_terms([_EMPTY_TERM])
            return
        self.kind.set_value(agreement.kind)
        for pid, box in self.party_boxes.items():
            box.setChecked(pid in agreement.party_ids)
        self.facts.setPlainText(agreement.facts)
        self.issues.setPlainText(agreement.issues)
        self.responsibility.setPlainText(agreement.responsibility)
        self.oral_content.setPlainText(agreement.oral_content)
        self.place.setText(agreement.place)
        self._set_terms([
            TermDraft(content=t.content, way=t.way, obligor_party_id=t.obligor_party_id,
                      amount=t.amount, deadline=t.deadline, place=t.place)
            for t in agreement.terms
        ])

    def _set_terms(self, terms: list[TermDraft]) -> None:
        """Lay the term rows out afresh (numbering and field keys follow the order)."""
        for row in self.term_rows:
            row["frame"].deleteLater()
        for key in [k for k in self.boxes if k.startswith("terms.")]:
            del self.boxes[key]
        self.term_rows = []
        for n, term in enumerate(terms, start=1):
            self.term_rows.append(self._term_row(n, term))
        self.update_missing()

    def _term_row(self, n: int, term: TermDraft) -> dict[str, QWidget]:
        frame = QGroupBox(self.tr("Term {n}").format(n=n), self.terms_holder)
        grid = QGridLayout(frame)
        content = QLineEdit(term.content, frame)
        obligor = ValueCombo(frame)
        obligor.add_value(self.tr("All parties"), None)
        for p in self.detail.parties:
            obligor.add_value(p.name, p.id)
        obligor.set_value(term.obligor_party_id)
        way = ValueCombo(frame)
        for w in PerformanceWay:
            way.add_value(w.label, w)
        way.set_value(term.way)
        amount = QLineEdit(f"{term.amount}" if term.amount is not None else "", frame)
        amount.setPlaceholderText(self.tr("yuan"))
        deadline = DateLineEdit(frame)
        deadline.set_date(term.deadline)
        place = QLineEdit(term.place, frame)
        remove = QPushButton(self.tr("Remove"), frame)
        remove.setObjectName(f"remove_term_{n}")
        remove.clicked.connect(lambda _c=False, i=n - 1: self._remove_term(i))
        key = f"terms.{n}"
        boxes = {
            "content": (self.tr("Who does what"), content, 0, 0, 1, 3),
            "obligor": (self.tr("Performed by"), obligor, 1, 0, 1, 1),
            "way": (self.tr("Way"), way, 1, 1, 1, 1),
            "amount": (self.tr("Amount (yuan)"), amount, 1, 2, 1, 1),
            "deadline": (self.tr("Deadline of performance"), deadline, 2, 0, 1, 1),
            "place": (self.tr("Place of performance"), place, 2, 1, 1, 2),
        }
        for name, (caption, editor, r, c, rs, cs) in boxes.items():
            box = FieldBox(caption, editor, frame, key=f"{key}.{name}")
            editor.setObjectName(f"{key}.{name}")
            self.boxes[f"{key}.{name}"] = box
            grid.addWidget(box, r, c, rs, cs)
            box.connect_edited(self.update_missing)
        grid.addWidget(remove, 0, 3)
        self.terms_rows.addWidget(frame)
        return {"frame": frame, "content": content, "obligor": obligor, "way": way,
                "amount": amount, "deadline": deadline, "place": place}

    def _remove_term(self, index: int) -> None:
        terms = self._terms_typed()
        del terms[index]
        self._set_terms(terms)

    def _kind_changed(self) -> None:
        written = self.kind.value() is AgreementKind.WRITTEN
        self.terms_group.setVisible(written)
        for key in ("issues", "responsibility"):
            self.boxes[key].setVisible(written)
        self.boxes["oral_content"].setVisible(not written)
        self.update_missing()

    # ----------------------------------------------------------- reading
    def _terms_typed(self, local: dict[str, str] | None = None) -> list[TermDraft]:
        local = {} if local is None else local
        terms = []
        for n, row in enumerate(self.term_rows, start=1):
            amount_text = row["amount"].text().strip().replace(",", "").replace("，", "")  # type: ignore[attr-defined]
            amount = None
            if amount_text:
                try:
                    amount = Decimal(amount_text.removesuffix("元"))
                except InvalidOperation:
                    local[f"terms.{n}.amount"] = self.tr("Not an amount; type it as 1500 or 1500.50")
            try:
                deadline = row["deadline"].date()  # type: ignore[attr-defined]
            except ValueError:
                deadline = None
                local[f"terms.{n}.deadline"] = self.tr("Not a date; type it as 2026-11-20")
            terms.append(TermDraft(
                content=row["content"].text(),  # type: ignore[attr-defined]
                way=row["way"].value(),  # type: ignore[attr-defined]
                obligor_party_id=row["obligor"].value(),  # type: ignore[attr-defined]
                amount=amount,
                deadline=deadline,
                place=row["place"].text(),  # type: ignore[attr-defined]
            ))
        return terms

    def draft(self, local: dict[str, str] | None = None) -> AgreementDraft:
        kind: AgreementKind = self.kind.value()  # type: ignore[assignment]
        written = kind is AgreementKind.WRITTEN
        return AgreementDraft(
            kind=kind,
            party_ids=tuple(pid for pid, box in self.party_boxes.items() if box.isChecked()),
            facts=self.facts.toPlainText(),
            issues=self.issues.toPlainText() if written else "",
            responsibility=self.responsibility.toPlainText() if written else "",
            terms=_terms_or_none(self._terms_typed(local)) if written else (),
            oral_content="" if written else self.oral_content.toPlainText(),
            place=self.place.text(),
        )

    def problems(self) -> tuple[str, ...]:
        """What the domain rules say is still missing before signing."""
        return agreement_problems(
            self.draft(),
            case_parties=[CaseParty(p.id, p.name) for p in self.detail.parties],
            today=self._services.clock().date(),
        )

    def update_missing(self) -> None:
        problems = self.problems()
        if problems:
            self.missing.setText(self.tr("Before it can be signed: {list}").format(
                list="；".join(problems)))
        else:
            self.missing.setText(self.tr("Complete: it can be printed and signed."))

    def call(self) -> CaseDetail:
        local: dict[str, str] = {}
        draft = self.draft(local)
        if local:
            raise LocalProblems(local)
        saved = self._services.agreements.save_draft(
            dispute_id=self.detail.id,
            draft=draft,
            expected_edit_version=self.editing.edit_version if self.editing else None,
            by=self._by,
        )
        self.editing = saved
        return self._services.cases.detail(self.detail.id)


def _blank(term: TermDraft) -> bool:
    return (not term.content.strip() and term.amount is None and term.deadline is None
            and not term.place.strip() and term.obligor_party_id is None)


def _terms_or_none(terms: list[TermDraft]) -> tuple[TermDraft, ...]:
    """The rows as typed, so each error keeps its row number; only an editor whose every
    row is still empty counts as "no term yet"."""
    return () if all(_blank(t) for t in terms) else tuple(terms)


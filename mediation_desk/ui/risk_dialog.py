"""风险等级: change a dispute's risk grade with a reason, and record that the duty leader
was told of a red one (DOMAIN §2).

Both dialogs only collect the values and call `FlowService.change_risk` /
`FlowService.notify_duty_leader`; whether a reason is missing or a time is in the
future is for the service to say, next to the field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QWidget

from mediation_desk.domain.vocabulary import RiskGrade
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail
from mediation_desk.ui.action_dialog import ActionDialog, text_edit
from mediation_desk.ui.widgets import ValueCombo, risk_icon

translate = QCoreApplication.translate


class RiskDialog(ActionDialog):
    def __init__(
        self,
        detail: CaseDetail,
        *,
        services: Services,
        by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(detail, title=translate("RiskDialog", "Risk grade"),
                         submit_text=translate("RiskDialog", "&Change grade"), parent=parent)
        self.setObjectName("risk_dialog")
        self._services = services
        self._by = by
        self.set_intro(self.tr("Now: {grade}").format(grade=detail.row.risk.label))
        self.grade = ValueCombo(self)
        for grade in RiskGrade:
            self.grade.add_value(grade.label, grade, risk_icon(grade))
        self.grade.set_value(detail.row.risk)
        self.field("risk", self.tr("New &grade"), self.grade)
        self.reason = text_edit(self)
        self.field("risk_reason", self.tr("&Reason (required)"), self.reason)
        self.resize(420, 0)
        self.grade.setFocus()

    def call(self) -> CaseDetail:
        return self._services.flow.change_risk(
            dispute_id=self.detail.id,
            expected_version=self.detail.version,
            risk=self.grade.value(),  # type: ignore[arg-type]
            reason=self.reason.toPlainText(),
            by=self._by,
        )


class DutyLeaderDialog(ActionDialog):
    def __init__(
        self,
        detail: CaseDetail,
        *,
        services: Services,
        by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            detail,
            title=translate("DutyLeaderDialog", "Duty leader notified"),
            submit_text=translate("DutyLeaderDialog", "&Record"),
            parent=parent,
        )
        self.setObjectName("duty_leader_dialog")
        self._services = services
        self._by = by
        self.set_intro(self.tr("Red risk: record which duty leader was told, and when."))
        self.leader = QLineEdit(self)
        self.leader.setPlaceholderText(self.tr("Name of the station's duty leader"))
        self.field("duty_leader", self.tr("&Duty leader"), self.leader)
        self.notified_at = QDateTimeEdit(self)
        self.notified_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.notified_at.setCalendarPopup(True)
        now = services.clock()
        self.notified_at.setDateTime(QDateTime(now.date(), now.time().replace(second=0)))
        self.field("notified_at", self.tr("&Notified at"), self.notified_at)
        self.resize(420, 0)
        self.leader.setFocus()

    def call(self) -> CaseDetail:
        notified: dt.datetime = self.notified_at.dateTime().toPython()  # type: ignore[assignment]
        return self._services.flow.notify_duty_leader(
            dispute_id=self.detail.id,
            leader=self.leader.text(),
            notified_at=notified.replace(second=0, microsecond=0),
            by=self._by,
        )

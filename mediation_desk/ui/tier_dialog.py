"""确认/改选层级: confirm the suggested tier before mediation starts, or choose another
one with a reason (DOMAIN §2).  `FlowService.set_tier` records either as an event."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from mediation_desk.domain.vocabulary import Tier
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail
from mediation_desk.ui.action_dialog import ActionDialog
from mediation_desk.ui.widgets import ValueCombo

translate = QCoreApplication.translate


class TierDialog(ActionDialog):
    def __init__(
        self,
        detail: CaseDetail,
        *,
        services: Services,
        by: str,
        suggestion: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(detail, title=translate("TierDialog", "Confirm or change the tier"),
                         submit_text=translate("TierDialog", "&Confirm"), parent=parent)
        self.setObjectName("tier_dialog")
        self._services = services
        self._by = by
        self.set_intro(suggestion)
        self.tier = ValueCombo(self)
        for tier in Tier:
            self.tier.add_value(f"{tier.short_label} {tier.label}", tier)
        self.tier.set_value(detail.row.tier)
        self.field("tier", self.tr("&Tier"), self.tier)
        self.reason = QLineEdit(self)
        self.reason.setText(detail.tier_reason)
        self.reason.setPlaceholderText(
            self.tr("Needed only when the tier differs from the suggestion"))
        self.field("tier_reason", self.tr("&Reason for another tier"), self.reason)
        self.resize(480, 0)
        self.tier.setFocus()

    def call(self) -> CaseDetail:
        return self._services.flow.set_tier(
            dispute_id=self.detail.id,
            expected_version=self.detail.version,
            tier=self.tier.value(),  # type: ignore[arg-type]
            reason=self.reason.text(),
            by=self._by,
        )

"""The case screen's three-step tier indicator, with the current step unmistakable.

一级 警民联调工作站 → 二级 警民和谐工作队 → 三级 矛盾纠纷调解室: the current tier is a
filled, framed, larger step with "▲ 当前层级" under it; the other two are pale outlines.
Colour is not the only cue (the marker and the weight say it too), so the indicator also
reads on a grey-scale printout of a screenshot or for a colour-blind mediator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mediation_desk.domain.vocabulary import Tier
from mediation_desk.ui.widgets import ACCENT, HINT_COLOUR

_CURRENT = (
    f"QLabel {{ background: {ACCENT}; color: white; font-weight: bold;"
    " border: 2px solid #123c6b; border-radius: 5px; padding: 5px 14px; }"
)
_OTHER = (
    "QLabel { color: #8a96a3; background: #f4f6f9; border: 1px dashed #c5ccd6;"
    " border-radius: 5px; padding: 5px 14px; }"
)


class TierSteps(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tier_steps")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(8)
        self._steps: dict[Tier, QLabel] = {}
        self._markers: dict[Tier, QLabel] = {}
        for tier in Tier:
            if tier is not Tier.GRID:
                arrow = QLabel("→", self)
                arrow.setStyleSheet(f"color: {HINT_COLOUR}; font-size: 16px;")
                arrow.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
                arrow.setContentsMargins(0, 4, 0, 0)
                layout.addWidget(arrow)
            column = QVBoxLayout()
            column.setSpacing(1)
            label = QLabel(f"{tier.short_label} {tier.label}", self)
            label.setObjectName(f"tier_step_{tier.key}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            marker = QLabel(self.tr("▲ current tier"), self)
            marker.setObjectName(f"tier_marker_{tier.key}")
            marker.setAlignment(Qt.AlignmentFlag.AlignCenter)
            marker.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            policy.setRetainSizeWhenHidden(True)  # the steps do not jump when it moves
            marker.setSizePolicy(policy)
            column.addWidget(label)
            column.addWidget(marker)
            self._steps[tier] = label
            self._markers[tier] = marker
            layout.addLayout(column)
        layout.addStretch(1)
        self.current: Tier | None = None
        self.set_tier(None)

    def set_tier(self, tier: Tier | None) -> None:
        self.current = tier
        for step, label in self._steps.items():
            is_current = step is tier
            label.setStyleSheet(_CURRENT if is_current else _OTHER)
            font = label.font()
            font.setPointSizeF(self.font().pointSizeF() * (1.15 if is_current else 1.0))
            label.setFont(font)
            label.setAccessibleDescription(self.tr("current tier") if is_current else "")
            label.setToolTip(self.tr("current tier") if is_current else "")
            self._markers[step].setVisible(is_current)

    def step_label(self, tier: Tier) -> QLabel:
        return self._steps[tier]

    def marker(self, tier: Tier) -> QLabel:
        return self._markers[tier]

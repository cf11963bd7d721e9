"""The case's own screen: full ID numbers and phones, the tier steps, the timeline."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QPoint, QSettings, Qt

from mediation_desk.app import build_main_window
from mediation_desk.domain.intake import PartyDraft
from mediation_desk.domain.vocabulary import PartySide, Tier
from mediation_desk.ui.case_table_model import Column
from mediation_desk.ui.case_view import CaseDialog

GOOD_ID = "11010519491231002X"


def table_texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def register(services, make_draft):
    applicant = PartyDraft(side=PartySide.APPLICANT, name="王秀英", id_number=GOOD_ID,
                           phone="13812345678", agent_name="王建国", agent_phone="13900001111")
    respondent = PartyDraft(side=PartySide.RESPONDENT, name="李四", phone="0826-1234567",
                            guardian_name="李大", guardian_relation="父亲")
    return services.cases.register(
        draft=replace(make_draft(), parties=(applicant, respondent), amount="3500",
                      place="南街小区", group_petition=True, tier=2,
                      tier_reason="已有群体上访苗头，但涉及人数少"),
        by="值班员")


def test_double_click_opens_the_case_with_full_personal_data(qtbot, services, make_draft,
                                                            tmp_path):
    case = register(services, make_draft)
    window = build_main_window(
        services, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    rect = window.table.visualRect(window.model.index(0, Column.PARTIES))
    # QTest's double click is a bare double-click event: press first, as a real mouse does.
    qtbot.mousePress(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.case_opened, timeout=2000) as opened:
        qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog: CaseDialog = opened.args[0]
    qtbot.addWidget(dialog)
    assert dialog.detail.id == case.id
    assert dialog.number_label.text() == "（2026）潼川调字第0001号"

    parties = table_texts(dialog.parties_table)
    assert parties[0][:2] == ["申请人", "王秀英"]
    assert GOOD_ID in parties[0]  # in full, not 110105********002X
    assert "13812345678" in parties[0]
    assert "王建国 13900001111" in parties[0]
    assert "0826-1234567" in parties[1]
    assert "李大 （父亲）" in parties[1]

    timeline = table_texts(dialog.timeline_table)
    assert len(timeline) == 1
    at, kind, state, tier, reason, by = timeline[0]
    assert at == "2026-11-20 10:00" and kind == "登记" and state == "已登记"
    assert tier == "二级" and by == "值班员"
    assert "群体上访" in reason and "已有群体上访苗头，但涉及人数少" in reason


def test_header_facts_and_tier_steps(qtbot, services, make_draft):
    case = register(services, make_draft)
    dialog = CaseDialog(case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tier_steps.current is Tier.JOINT_TEAM
    current = dialog.tier_steps.step_label(Tier.JOINT_TEAM)
    assert current.text() == "二级 警民和谐工作队"
    assert "font-weight: bold" in current.styleSheet()
    assert "bold" not in dialog.tier_steps.step_label(Tier.GRID).styleSheet()
    assert dialog.state_label.text() == "已登记"
    facts = {key: label.text() for key, label in dialog.fact_labels.items()}
    assert facts["source"] == "当事人申请"
    assert facts["category"] == "邻里"
    assert facts["place"] == "南街小区"
    assert facts["amount"] == "¥3,500.00"
    assert facts["suggested_tier"] == "三级 矛盾纠纷调解室"
    assert facts["tier_reason"] == "已有群体上访苗头，但涉及人数少"
    assert "Signs of a group petition" in facts["flags"]
    assert case.amount == Decimal("3500.00")
    dialog.grab()  # paints without errors
    assert dialog.mapToGlobal(QPoint(0, 0)) is not None

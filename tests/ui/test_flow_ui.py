"""A dispute's life driven from its case screen: moves, sessions, refusals, risk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from mediation_desk.app import build_main_window
from mediation_desk.domain.escalation import Exclusion, Move, MoveRequest, SettlementKind
from mediation_desk.domain.sessions import SessionOutcome
from mediation_desk.domain.vocabulary import DisputeKind, RiskGrade, RosterRole, Tier
from mediation_desk.persistence.models import DisputeEvent
from mediation_desk.services.dto import RosterDraft
from mediation_desk.services.flow import STALE
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.case_table_model import Column
from mediation_desk.ui.case_view import CaseDialog
from mediation_desk.ui.move_dialog import MoveDialog
from mediation_desk.ui.risk_dialog import DutyLeaderDialog, RiskDialog
from mediation_desk.ui.session_dialog import SessionDialog
from mediation_desk.ui.tier_dialog import TierDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def roster(services):
    add = services.roster.add
    return {
        "mediator": add(RosterDraft(name="王㛃", role=RosterRole.MEDIATOR, title="专职调解员")),
        "grid": add(RosterDraft(name="李网格", role=RosterRole.GRID_WORKER, grid="第1网格")),
        "team": add(RosterDraft(name="张代表", role=RosterRole.TEAM_MEMBER, title="人大代表")),
        "dept": add(RosterDraft(name="司法所", role=RosterRole.DEPARTMENT)),
        "retired": add(RosterDraft(name="赵退休", role=RosterRole.TEAM_MEMBER, active=False)),
    }


@pytest.fixture
def case(services, make_draft):
    return services.cases.register(draft=make_draft(), by="值班员")


def event_count(services, dispute_id: int) -> int:
    with services.uow.read() as session:
        return session.scalar(
            select(func.count(DisputeEvent.id)).where(DisputeEvent.dispute_id == dispute_id))


def open_case(qtbot, services, detail) -> CaseDialog:
    dialog = CaseDialog(detail, services=services, user_name="值班员")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:
    """Type as a person does: ASCII as key presses, Chinese as an input method's commit
    (QTest has no keys for it; a Pinyin IME delivers it this way)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def visible_moves(dialog: CaseDialog) -> set[Move]:
    return {move for move, button in dialog.move_buttons.items() if button.isVisible()}


def press(qtbot, dialog: CaseDialog, move: Move) -> MoveDialog:
    qtbot.mouseClick(dialog.move_buttons[move], LEFT)
    opened = dialog.action_dialog
    assert isinstance(opened, MoveDialog) and opened.move_kind is move
    qtbot.waitExposed(opened)
    return opened


def tick(qtbot, checklist, name: str) -> None:
    """Tick a roster entry from the keyboard: move to it, press Space."""
    row = checklist.row_of(name)
    assert row >= 0, name
    checklist.setFocus()
    checklist.setCurrentRow(row)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)


def started(services, detail):
    for move in (Move.ACCEPT, Move.START):
        detail = services.flow.move(dispute_id=detail.id, expected_version=detail.version,
                                    request=MoveRequest(move), by="t")
    return detail


def test_accept_start_record_a_session_and_escalate(qtbot, services, case, roster):
    dialog = open_case(qtbot, services, case)
    changed: list[int] = []
    dialog.changed.connect(changed.append)
    assert visible_moves(dialog) == {Move.ACCEPT, Move.DECLINE, Move.WITHDRAW}
    assert dialog.tier_button.isVisible()
    assert dialog.suggestion_label.text() == "System suggestion: 一般纠纷 → 警民联调工作站"
    assert not dialog.session_button.isVisible()

    accept = press(qtbot, dialog, Move.ACCEPT)
    assert not accept.exclusions  # only for 治安调解
    qtbot.mouseClick(accept.submit_button, LEFT)
    assert dialog.state_label.text() == "已受理"
    assert visible_moves(dialog) == {Move.START, Move.WITHDRAW}
    assert dialog.fact_labels["accepted_on"].text() == "2026-11-20"

    qtbot.mouseClick(press(qtbot, dialog, Move.START).submit_button, LEFT)
    assert dialog.state_label.text() == "调解中"
    assert not dialog.tier_button.isVisible()  # after the start, the tier moves by escalation
    assert dialog.session_button.isVisible()
    # At tier 1 there is nowhere to move down to, so 降级 is not offered.
    assert visible_moves(dialog) == {Move.ESCALATE, Move.SETTLE, Move.FAIL, Move.WITHDRAW}

    # A session: the tier-1 roster only, picked from the keyboard.
    qtbot.mouseClick(dialog.session_button, LEFT)
    record = dialog.action_dialog
    assert isinstance(record, SessionDialog)
    offered = [e.name for e in record.participants.entries]
    assert offered == ["王㛃", "李网格"]  # no team member, no department at tier 1
    assert record.participants.item(0).text() == "王㛃　专职调解员"
    tick(qtbot, record.participants, "王㛃")
    tick(qtbot, record.participants, "李网格")
    type_into(qtbot, record.start_time, "9:30")
    type_into(qtbot, record.end_time, "11:00")
    type_into(qtbot, record.place, "调解室")
    type_into(qtbot, record.applicant_statement, "要求赔偿维修费2000元")
    type_into(qtbot, record.respondent_statement, "同意维修，金额有异议")
    type_into(qtbot, record.proposals, "建议赔偿1500元")
    type_into(qtbot, record.next_on, "2026-11-23")
    assert record.outcome.value() is SessionOutcome.CONTINUE
    qtbot.keyClick(record, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.action_dialog is None
    sessions = texts(dialog.sessions_table)
    assert sessions == [["Session 1", "2026-11-20", "09:30–11:00", "一级",
                         "王㛃（专职调解员）、李网格（网格员）", "继续调解", "2026-11-23"]]
    assert dialog.sessions_title.text() == "Mediation sessions (1)"

    # Escalate: the tier-2 team, at least one, from the active roster.
    rows_before = dialog.timeline_table.rowCount()
    escalate = press(qtbot, dialog, Move.ESCALATE)
    assert escalate.intro.text() == "一级 警民联调工作站 → 二级 警民和谐工作队"
    assert [e.name for e in escalate.team.entries] == ["张代表", "王㛃"]  # 赵退休 is inactive
    type_into(qtbot, escalate.note, "双方分歧大，需工作队介入")
    tick(qtbot, escalate.team, "张代表")
    qtbot.mouseClick(escalate.submit_button, LEFT)

    assert dialog.tier_steps.current is Tier.JOINT_TEAM
    assert dialog.tier_steps.marker(Tier.JOINT_TEAM).isVisible()
    assert not dialog.tier_steps.marker(Tier.GRID).isVisible()
    timeline = texts(dialog.timeline_table)
    assert len(timeline) == rows_before + 1
    escalations = [row for row in timeline if row[1] == "升级"]
    assert len(escalations) == 1
    at, _kind, _state, tier, reason, by = escalations[0]
    assert tier == "一级 → 二级" and by == "值班员"
    assert reason == "双方分歧大，需工作队介入；team: 张代表（工作队成员）"  # English source text
    assert any(row[1] == "Session 1" for row in timeline)
    assert dialog.sessions_table.rowCount() == 1  # the session stays with the case
    assert changed == [case.id] * 4
    stored = services.cases.detail(case.id)
    assert stored.row.tier is Tier.JOINT_TEAM and dialog.detail.version == stored.version


def test_a_refused_move_shows_the_reason_and_changes_nothing(qtbot, services, case, roster):
    detail = started(services, case)
    dialog = open_case(qtbot, services, detail)
    before = event_count(services, case.id)

    settle = press(qtbot, dialog, Move.SETTLE)
    settle.settlement.setFocus()
    qtbot.keyClick(settle.settlement, Qt.Key.Key_Down)  # 书面调解协议
    type_into(qtbot, settle.note, "双方当场和解")
    qtbot.mouseClick(settle.submit_button, LEFT)

    assert settle.isVisible() and dialog.action_dialog is settle  # still open
    assert settle.refusal.isVisible()
    assert settle.refusal.text() == "尚未记录调解过程，不能认定调解成功；请先记录调解笔录"
    assert settle.settlement.value() is SettlementKind.WRITTEN  # input kept
    assert settle.note.toPlainText() == "双方当场和解"
    assert event_count(services, case.id) == before
    assert services.cases.detail(case.id).version == detail.version

    qtbot.mouseClick(settle.cancel_button, LEFT)
    assert dialog.action_dialog is None
    assert dialog.state_label.text() == "调解中"


def test_public_security_acceptance_checks_the_exclusions(qtbot, services, make_draft):
    case = services.cases.register(draft=make_draft(kind=DisputeKind.PUBLIC_SECURITY), by="t")
    dialog = open_case(qtbot, services, case)
    accept = press(qtbot, dialog, Move.ACCEPT)
    assert set(accept.exclusions) == set(Exclusion)
    gang_fight = accept.exclusions[Exclusion.GANG_FIGHT]
    gang_fight.setFocus()
    qtbot.keyClick(gang_fight, Qt.Key.Key_Space)
    qtbot.mouseClick(accept.submit_button, LEFT)
    assert "结伙斗殴" in accept.error_messages()["refusal"]
    assert dialog.state_label.text() == "已登记"
    qtbot.keyClick(gang_fight, Qt.Key.Key_Space)
    qtbot.mouseClick(accept.submit_button, LEFT)
    assert dialog.state_label.text() == "已受理"


def test_session_errors_sit_by_their_fields_and_keep_the_input(qtbot, services, case, roster,
                                                                monkeypatch):
    dialog = open_case(qtbot, services, started(services, case))
    qtbot.mouseClick(dialog.session_button, LEFT)
    record: SessionDialog = dialog.action_dialog
    type_into(qtbot, record.place, "调解室")
    type_into(qtbot, record.start_time, "25:00")
    record.next_on.setText("2026-11-31")
    qtbot.mouseClick(record.submit_button, LEFT)
    shown = record.error_messages()
    assert set(shown) == {"start_time", "participants", "applicant_statement", "next_on"}
    assert shown["next_on"] == "Not a date; type it as 2026-11-20"
    assert shown["participants"] == "请从名册中选择参加调解的人员"
    assert record.place.text() == "调解室" and record.start_time.text() == "25:00"
    assert dialog.sessions_table.rowCount() == 0

    # Enter in a one-line field moves on instead of saving half a record.
    record.place.setFocus()
    qtbot.keyClick(record.place, Qt.Key.Key_Return)
    assert record.isVisible()

    tick(qtbot, record.participants, "李网格")  # a grid worker alone does not lead tier 1
    record.start_time.setText("09:30")
    record.next_on.setText("")
    type_into(qtbot, record.applicant_statement, "要求道歉")
    qtbot.mouseClick(record.submit_button, LEFT)
    shown = record.error_messages()
    assert set(shown) == {"participants", "next_on"}
    assert "专职调解员" in shown["participants"]

    # Escape, or closing the case screen, asks before throwing the typing away.
    monkeypatch.setattr(ui_errors, "ask_yes_no", lambda *args, **kwargs: False)
    qtbot.keyClick(record, Qt.Key.Key_Escape)
    assert record.isVisible() and record.place.text() == "调解室"
    dialog.close()
    assert dialog.isVisible() and dialog.action_dialog is record

    tick(qtbot, record.participants, "王㛃")
    record.outcome.set_value(SessionOutcome.SETTLED)
    qtbot.mouseClick(record.submit_button, LEFT)
    assert dialog.action_dialog is None
    assert texts(dialog.sessions_table)[0][5] == "达成协议"


def test_a_concurrent_change_is_reported_and_the_case_reloaded(qtbot, services, case, roster,
                                                               messages):
    dialog = open_case(qtbot, services, started(services, case))
    changed: list[int] = []
    dialog.changed.connect(changed.append)
    escalate = press(qtbot, dialog, Move.ESCALATE)
    type_into(qtbot, escalate.note, "分歧大")
    tick(qtbot, escalate.team, "张代表")
    # Meanwhile, on another workstation:
    behind = services.cases.detail(case.id)
    services.flow.change_risk(dispute_id=case.id, expected_version=behind.version,
                              risk=RiskGrade.ORANGE, reason="双方情绪激动", by="另一台电脑")
    events = event_count(services, case.id)
    qtbot.mouseClick(escalate.submit_button, LEFT)

    assert messages and messages[-1][1] == STALE
    assert dialog.action_dialog is None
    assert event_count(services, case.id) == events  # not escalated
    assert dialog.tier_steps.current is Tier.GRID
    assert dialog.risk_mark.toolTip() == "Risk: 橙"  # reloaded
    assert dialog.detail.version == services.cases.detail(case.id).version
    assert changed == [case.id]
    assert any("双方情绪激动" in row[4] for row in texts(dialog.timeline_table))


def test_red_risk_shows_the_banner_until_the_duty_leader_is_notified(qtbot, services, case,
                                                                      make_draft, tmp_path):
    window = build_main_window(
        services, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    other = services.cases.register(draft=make_draft(summary="另一件"), by="t")
    window.refresh()
    assert window.model.rowCount() == 2
    dialog = window.open_case(case.id)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert not dialog.red_banner.isVisible()

    qtbot.mouseClick(dialog.risk_button, LEFT)
    risk: RiskDialog = dialog.action_dialog
    qtbot.mouseClick(risk.submit_button, LEFT)  # no reason, same grade
    assert set(risk.error_messages()) == {"risk_reason"}
    risk.grade.set_value(RiskGrade.RED)
    type_into(qtbot, risk.reason, "扬言报复")
    qtbot.mouseClick(risk.submit_button, LEFT)
    assert dialog.red_banner.isVisible()
    assert dialog.red_banner_label.text() == "Red risk: notify the station's duty leader"
    row = window.model.row_of_id(case.id)
    assert window.model.index(row, Column.RISK).data() == "红"  # the list row is redrawn

    bar = window.filter_bar
    qtbot.mouseClick(bar.red_alerts, LEFT)
    assert window.model.ids == (case.id,)
    assert window.count_label.text() == "1 dispute(s) (filtered)"
    assert other.id not in window.model.ids

    qtbot.mouseClick(dialog.notify_button, LEFT)
    notify: DutyLeaderDialog = dialog.action_dialog
    assert notify.notified_at.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-20 10:00"
    qtbot.mouseClick(notify.submit_button, LEFT)
    assert set(notify.error_messages()) == {"duty_leader"}
    type_into(qtbot, notify.leader, "刘所长")
    qtbot.mouseClick(notify.submit_button, LEFT)
    assert not dialog.red_banner.isVisible()
    assert dialog.red_note.text() == "Red risk: duty leader 刘所长 notified at 2026-11-20 10:00"
    assert window.model.ids == ()  # no open red alert any more
    qtbot.mouseClick(bar.red_alerts, LEFT)
    assert window.model.rowCount() == 2


def test_confirm_or_change_the_tier_before_mediation(qtbot, services, case):
    dialog = open_case(qtbot, services, case)
    qtbot.mouseClick(dialog.tier_button, LEFT)
    confirm: TierDialog = dialog.action_dialog
    assert confirm.intro.text().startswith("System suggestion: 一般纠纷")
    confirm.tier.setFocus()
    qtbot.keyClick(confirm.tier, Qt.Key.Key_Down)  # 二级
    qtbot.mouseClick(confirm.submit_button, LEFT)
    assert set(confirm.error_messages()) == {"tier_reason"}
    type_into(qtbot, confirm.reason, "涉及老人，需工作队")
    qtbot.keyClick(confirm.reason, Qt.Key.Key_Return)  # Enter confirms a small dialog
    assert dialog.action_dialog is None
    assert dialog.tier_steps.current is Tier.JOINT_TEAM
    assert dialog.fact_labels["tier_reason"].text() == "涉及老人，需工作队"
    assert dialog.suggestion_label.text() == (
        "System suggestion: 一般纠纷 → 警民联调工作站; now at 二级 警民和谐工作队"
        " (reason: 涉及老人，需工作队)")
    assert texts(dialog.timeline_table)[-1][1] == "确认层级"


def test_decline_needs_a_legal_reason_and_ends_the_moves(qtbot, services, case):
    dialog = open_case(qtbot, services, case)
    decline = press(qtbot, dialog, Move.DECLINE)
    qtbot.mouseClick(decline.submit_button, LEFT)
    assert decline.error_messages() == {"refusal": "不予受理须选择法定理由"}
    decline.decline_reason.setFocus()
    qtbot.keyClick(decline.decline_reason, Qt.Key.Key_Down)
    qtbot.mouseClick(decline.submit_button, LEFT)
    assert dialog.state_label.text() == "不予受理"
    assert visible_moves(dialog) == set()
    assert dialog.no_moves_label.isVisible()
    assert not dialog.tier_button.isVisible()


def test_the_case_screen_and_its_dialogs_are_translated(qtbot, services, case):
    from mediation_desk.app import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        red = services.flow.change_risk(dispute_id=case.id, expected_version=case.version,
                                        risk=RiskGrade.RED, reason="扬言报复", by="t")
        dialog = open_case(qtbot, services, red)
        assert dialog.red_banner_label.text() == "红色风险：请通知值班领导"
        assert dialog.tier_button.text() == "确认/改选层级(&T)…"
        assert dialog.suggestion_label.text() == "系统建议：一般纠纷 → 警民联调工作站"
        assert dialog.tier_steps.marker(Tier.GRID).text() == "▲ 当前层级"
        caption = dialog.open_move(Move.WITHDRAW).boxes["reason"].caption.text()
        assert caption == "申请人的撤回说明（必填）(&S)"
    finally:
        for translator in translators:
            app.removeTranslator(translator)

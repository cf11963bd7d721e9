"""The 登记 dialog, driven through its real widgets with the keyboard and the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog

from mediation_desk.domain.vocabulary import (
    Category,
    DisputeState,
    PartyType,
    RiskGrade,
    RosterRole,
    Source,
    Tier,
)
from mediation_desk.services.dto import RosterDraft
from mediation_desk.ui.intake_dialog import IntakeDialog

GOOD_ID = "11010519491231002X"  # born 1949-12-31: an elderly party, so tier 2 is suggested
BAD_ID = "110105194912310021"  # wrong check character


def make_dialog(qtbot, services, tasks) -> IntakeDialog:
    dialog = IntakeDialog(services, tasks=tasks, user_name="值班员")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:
    """Replace the field's text the way a person does: select all, then type.

    ASCII goes in as key presses; Chinese arrives as an input method's commit, which is
    how a Pinyin IME delivers it (QTest cannot press keys for characters it has no key for).
    """
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fill_minimal(qtbot, dialog: IntakeDialog, *, id_number: str) -> None:
    # Source: first real item (当事人申请); category: second (邻里), by arrow keys.
    qtbot.keyClick(dialog.source, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    applicant = dialog.applicants.editors[0]
    type_into(qtbot, applicant.name, "张㛃")
    type_into(qtbot, applicant.id_number, id_number)
    type_into(qtbot, applicant.phone, "13812345678")
    respondent = dialog.respondents.editors[0]
    type_into(qtbot, respondent.name, "李四")
    type_into(qtbot, respondent.phone, "0826-1234567")
    type_into(qtbot, dialog.summary, "楼上漏水浸坏楼下天花板")


def save_and_wait(qtbot, dialog: IntakeDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._saving, timeout=5000)


def test_bad_id_number_is_refused_next_to_its_field_then_a_good_one_registers(
    qtbot, services, tasks
):
    dialog = make_dialog(qtbot, services, tasks)
    fill_minimal(qtbot, dialog, id_number=BAD_ID)
    assert dialog.source.value() is Source.APPLICATION
    assert dialog.category.value() is Category.NEIGHBOUR

    save_and_wait(qtbot, dialog)
    id_box = dialog.applicants.editors[0].boxes["id_number"]
    assert dialog.error_messages() == {"applicant.0.id_number": "身份证号校验位不正确，请核对证件"}
    assert id_box.error.isVisible()
    assert id_box.error.parentWidget() is id_box  # shown right under the field
    assert id_box.error.y() > id_box.editor.y()
    assert dialog.focusWidget() is id_box.editor
    assert dialog.isVisible() and dialog.result() == 0
    assert services.cases.count() == 0  # nothing saved
    # Everything typed is still there.
    assert dialog.applicants.editors[0].name.text() == "张㛃"
    assert dialog.summary.toPlainText() == "楼上漏水浸坏楼下天花板"

    # Typing in the field clears its message; a good number saves.
    type_into(qtbot, id_box.editor, GOOD_ID)
    assert not id_box.error.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = dialog.detail
    assert detail is not None
    assert detail.number == "（2026）潼川调字第0001号"
    assert detail.row.state is DisputeState.REGISTERED
    assert detail.row.tier is Tier.JOINT_TEAM  # the suggestion, followed
    assert detail.parties[0].id_number == GOOD_ID
    assert detail.events[0].by == "值班员"  # no mediator chosen: the OS user
    assert services.cases.count() == 1


def test_every_problem_is_shown_at_once_and_the_first_gets_the_focus(qtbot, services, tasks):
    dialog = make_dialog(qtbot, services, tasks)
    respondent = dialog.respondents.editors[0]
    type_into(qtbot, respondent.name, "李四")
    type_into(qtbot, respondent.phone, "1381234567")
    type_into(qtbot, dialog.amount, "-5")
    save_and_wait(qtbot, dialog)
    shown = dialog.error_messages()
    assert set(shown) >= {"source", "category", "applicant.0.name", "respondent.0.phone",
                          "amount", "summary"}
    assert shown["amount"] == "金额不能为负数"
    assert dialog.focusWidget() is dialog.source  # the first bad field in reading order
    assert "nothing was saved" in dialog.general_error.text()
    assert services.cases.count() == 0


def test_missing_side_is_reported_on_the_side(qtbot, services, tasks):
    dialog = make_dialog(qtbot, services, tasks)
    fill_minimal(qtbot, dialog, id_number=GOOD_ID)
    dialog.respondents.remove_party(dialog.respondents.editors[0])
    save_and_wait(qtbot, dialog)
    assert dialog.error_messages()["respondent"] == "请至少填写一名被申请人"
    assert dialog.respondents.error_line.isVisible()


def test_id_number_is_checked_when_leaving_the_field(qtbot, services, tasks):
    dialog = make_dialog(qtbot, services, tasks)
    editor = dialog.applicants.editors[0]
    type_into(qtbot, editor.id_number, "11010519491231")
    qtbot.keyClick(editor.id_number, Qt.Key.Key_Return)  # Enter moves on, like Tab
    assert editor.boxes["id_number"].error_text() == "身份证号应为18位，当前为14位"
    type_into(qtbot, editor.id_number, GOOD_ID)
    qtbot.keyClick(editor.id_number, Qt.Key.Key_Return)
    assert editor.boxes["id_number"].error_text() == ""
    assert "1949-12-31" in editor.boxes["id_number"].hint.text()
    type_into(qtbot, editor.phone, "12345")
    qtbot.keyClick(editor.phone, Qt.Key.Key_Return)
    assert editor.boxes["phone"].error_text()
    assert services.cases.count() == 0


def test_suggested_tier_follows_the_facts_and_another_tier_needs_a_reason(
    qtbot, services, tasks
):
    dialog = make_dialog(qtbot, services, tasks)
    fill_minimal(qtbot, dialog, id_number="")
    dialog.update_suggestion()
    assert dialog.suggestion.tier is Tier.GRID
    assert "警民联调工作站" in dialog.suggestion_label.text()

    qtbot.mouseClick(dialog.flags["threat_of_harm"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.suggestion.tier is Tier.MEDIATION_ROOM, timeout=3000)
    assert "扬言自伤或伤人" in dialog.suggestion_label.text()
    assert dialog.tier.value() is Tier.MEDIATION_ROOM  # the combo follows the suggestion
    assert not dialog.tier_reason.isEnabled()

    # Choosing tier 1 by hand: the reason becomes required.
    dialog.tier.setFocus()
    dialog.tier.setCurrentIndex(0)
    dialog.tier.activated.emit(0)
    assert dialog.tier_reason.isEnabled()
    save_and_wait(qtbot, dialog)
    assert "tier_reason" in dialog.error_messages()
    assert services.cases.count() == 0
    type_into(qtbot, dialog.tier_reason, "双方情绪已平稳，网格内可化解")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.tier_reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.detail.row.tier is Tier.GRID
    assert dialog.detail.suggested_tier is Tier.MEDIATION_ROOM
    assert dialog.detail.tier_reason == "双方情绪已平稳，网格内可化解"


def test_organisation_party_mediator_and_risk(qtbot, services, tasks):
    mediator = services.roster.add(RosterDraft(name="王㛃", role=RosterRole.MEDIATOR))
    dialog = make_dialog(qtbot, services, tasks)
    fill_minimal(qtbot, dialog, id_number=GOOD_ID)
    respondent = dialog.respondents.editors[0]
    respondent.party_type.setCurrentIndex(1)
    assert respondent.party_type.value() is PartyType.ORGANISATION
    assert not respondent.boxes["id_number"].isVisibleTo(respondent)
    assert respondent.boxes["credit_code"].isVisibleTo(respondent)
    type_into(qtbot, respondent.name, "潼川物业服务有限公司")
    type_into(qtbot, respondent.legal_representative, "赵六")
    dialog.mediator.set_value(mediator.id)
    dialog.risk.set_value(RiskGrade.ORANGE)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    detail = dialog.detail
    assert detail.parties[1].party_type is PartyType.ORGANISATION
    assert detail.parties[1].legal_representative == "赵六"
    assert detail.row.mediator == "王㛃"
    assert detail.row.risk is RiskGrade.ORANGE
    assert detail.events[0].by == "王㛃"


def test_escape_asks_before_discarding_typed_input(qtbot, services, tasks, monkeypatch):
    from mediation_desk.ui import errors as ui_errors

    answers = []
    monkeypatch.setattr(ui_errors, "ask_yes_no", lambda *a: answers.append(a) or False)
    dialog = make_dialog(qtbot, services, tasks)
    type_into(qtbot, dialog.place, "农贸市场")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible()  # "keep editing" was chosen

    empty = make_dialog(qtbot, services, tasks)
    with qtbot.waitSignal(empty.rejected, timeout=1000):
        qtbot.keyClick(empty, Qt.Key.Key_Escape)
    assert len(answers) == 1  # nothing typed: no question


def test_storage_error_keeps_the_dialog_open(qtbot, services, tasks, monkeypatch, messages):
    from mediation_desk.domain.errors import StorageError

    def locked(**kwargs):
        raise StorageError("locked", "数据库正被另一台电脑或程序占用，请稍候再保存；您填写的内容仍在窗口中。")

    monkeypatch.setattr(services.cases, "register", locked)
    dialog = make_dialog(qtbot, services, tasks)
    fill_minimal(qtbot, dialog, id_number=GOOD_ID)
    save_and_wait(qtbot, dialog)
    assert messages and "另一台电脑" in messages[-1][1]
    assert dialog.isVisible() and dialog.detail is None
    assert dialog.applicants.editors[0].id_number.text() == GOOD_ID
    assert dialog.save_button.isEnabled()

"""The agreement editor, the follow-up plan on the case screen, the visit dialog with its
reopen question, and the daily list on the main window, driven with qtbot."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt

from mediation_desk.app import build_main_window
from mediation_desk.domain.agreements import AgreementDraft, TermDraft
from mediation_desk.domain.escalation import Move, MoveRequest, SettlementKind
from mediation_desk.domain.followups import Performance, Satisfaction, VisitStatus, VisitWay
from mediation_desk.domain.sessions import Participant, SessionDraft, SessionOutcome
from mediation_desk.domain.vocabulary import DisputeState, RosterRole
from mediation_desk.services.dto import RosterDraft
from mediation_desk.ui.agreement_dialog import AgreementDialog
from mediation_desk.ui.case_view import CaseDialog
from mediation_desk.ui.followup_dialogs import VisitDialog

LEFT = Qt.MouseButton.LeftButton
TODAY = dt.date(2026, 11, 20)


def move(services, d, move_, **kw):
    return services.flow.move(dispute_id=d.id, expected_version=d.version,
                              request=MoveRequest(move_, **kw), by="王㛃")


@pytest.fixture
def mediating(services, make_draft):
    m = services.roster.add(RosterDraft(name="王㛃", role=RosterRole.MEDIATOR))
    d = services.cases.register(draft=make_draft(), by="值班员")
    d = move(services, move(services, d, Move.ACCEPT), Move.START)
    return services.flow.record_session(dispute_id=d.id, by="王㛃", draft=SessionDraft(
        held_on=TODAY, start_time="09:00", end_time="10:00", place="调解室",
        participants=(Participant(m.id, m.name, m.role),),
        applicant_statement="要求赔偿", respondent_statement="同意赔偿",
        outcome=SessionOutcome.SETTLED))


@pytest.fixture
def settled(services, mediating):
    d = mediating
    services.agreements.save_draft(dispute_id=d.id, expected_edit_version=None, by="王㛃",
                                   draft=AgreementDraft(
        party_ids=tuple(p.id for p in d.parties), facts="漏水", issues="维修费",
        responsibility="李四负责",
        terms=(TermDraft("李四赔偿维修费", obligor_party_id=d.parties[1].id,
                         amount=Decimal("800"), deadline=TODAY + dt.timedelta(days=5)),)))
    return move(services, services.cases.detail(d.id), Move.SETTLE,
                settlement=SettlementKind.WRITTEN)


def open_case(qtbot, services, detail) -> CaseDialog:
    dialog = CaseDialog(detail, services=services, user_name="王㛃")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_agreement_editor_lists_what_is_missing_and_saves_a_draft(qtbot, services, mediating):
    case = open_case(qtbot, services, mediating)
    assert case.agreement_button.isVisible()
    editor: AgreementDialog = case.edit_agreement()
    qtbot.waitExposed(editor)
    assert "请写明争议事项" in editor.missing.text()
    assert "第1项约定事项未写明履行内容" not in editor.missing.text()  # a blank row is ignored
    assert "协议没有约定事项" in editor.missing.text()
    editor.issues.setPlainText("维修费用的承担")
    editor.responsibility.setPlainText("李四负全部责任")
    row = editor.term_rows[0]
    row["content"].setText("李四赔偿维修费")  # (QTest cannot type CJK; see type_into elsewhere)
    qtbot.keyClicks(row["amount"], "8oo")
    qtbot.mouseClick(editor.submit_button, LEFT)
    assert editor.isVisible()
    assert editor.boxes["terms.1.amount"].error_text() == "Not an amount; type it as 1500 or 1500.50"
    row["amount"].setText("800")
    assert "第1项约定事项未填写履行期限" in editor.missing.text()
    row["deadline"].set_date(TODAY + dt.timedelta(days=7))
    editor.update_missing()
    assert "履行期限" not in editor.missing.text()
    qtbot.mouseClick(editor.submit_button, LEFT)
    qtbot.waitUntil(lambda: not editor.isVisible())
    saved = case.detail.agreement
    assert saved is not None and saved.terms[0].amount == Decimal("800.00")
    assert saved.terms[0].deadline == TODAY + dt.timedelta(days=7)
    # Settling now signs it and plans the visits, which the screen shows.
    detail = move(services, case.detail, Move.SETTLE, settlement=SettlementKind.WRITTEN)
    case.set_detail(detail)
    assert case.visits_panel.table.rowCount() == 3
    assert any("申请司法确认" in text for text in case.deadlines_panel.texts())


def test_visit_dialog_shows_errors_by_field_then_offers_to_reopen(qtbot, services, settled, clock, messages):
    case = open_case(qtbot, services, settled)
    visit = case.detail.visits[0]
    dialog: VisitDialog = case.record_visit(visit)
    qtbot.waitExposed(dialog)
    dialog.visited.clear()
    qtbot.mouseClick(dialog.submit_button, LEFT)
    errors = dialog.error_messages()
    assert errors["visited"] == "请填写回访对象"
    assert errors["satisfaction_speed"] == "请选择对出警速度的满意度"
    assert errors[f"performance.{case.detail.signed_agreement.terms[0].key}"] == "请选择第1项约定事项的履行情况"
    assert services.followups.visit(visit.id).status is VisitStatus.PLANNED
    dialog.visited.setText("张㛃")
    dialog.way.set_value(VisitWay.HOME)
    for combo in dialog.performance.values():
        combo.set_value(Performance.REFUSED)
    for combo in dialog.satisfaction.values():
        combo.set_value(Satisfaction.SATISFIED)
    qtbot.mouseClick(dialog.submit_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # The question comes after the dialog; the test's ask_yes_no answers yes.
    qtbot.waitUntil(lambda: case.detail.row.state is DisputeState.IN_MEDIATION)
    assert case.detail.recurrences == 1
    assert case.status_label.text()


def test_daily_list_on_the_main_window_opens_the_visit(qtbot, services, settled, tmp_path):
    window = build_main_window(
        services, settings=QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    view = window.followups_view
    qtbot.waitUntil(lambda: window.tabs.tabText(1).endswith("(0)"))
    view.load(TODAY + dt.timedelta(days=4))  # the 3-day visit is one day overdue
    qtbot.waitUntil(lambda: len(view.visits) == 1)
    assert view.table.item(0, 0).text().startswith(settled.number)
    assert "13812345678" in view.table.item(0, 3).text()  # phones in full
    assert "1天" in view.table.item(0, 2).text() or "1 days" in view.table.item(0, 2).text()
    dialog = view.record_selected()
    assert isinstance(dialog, CaseDialog)
    qtbot.waitUntil(lambda: isinstance(dialog.action_dialog, VisitDialog))
    dialog.action_dialog.reject()
    dialog.close()


def test_case_list_marks_and_filters_overdue_cases(qtbot, services, settled, tmp_path, clock):
    window = build_main_window(
        services, settings=QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.model.case_row(0).overdue is False
    window.filter_bar.overdue.setChecked(True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)


def test_documents_are_built_off_the_gui_thread_and_previewed(qtbot, services, settled, tmp_path, tasks):
    from mediation_desk.documents import DocumentKind
    from mediation_desk.ui.document_preview import DocumentPreview

    case = CaseDialog(settled, services=services, user_name="王㛃", tasks=tasks)
    qtbot.addWidget(case)
    case.show()
    case.show_document(DocumentKind.AGREEMENT)
    qtbot.waitUntil(lambda: case.preview is not None, timeout=10_000)
    preview: DocumentPreview = case.preview
    qtbot.waitUntil(lambda: preview.page_count() >= 3)  # two parties: three originals
    assert preview.content[:5] == b"%PDF-"
    target = tmp_path / "saved.pdf"
    assert preview.save_as(str(target)) and target.read_bytes() == preview.content
    # Printing goes through QPrinter; a PDF printer stands in for the paper one here.
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_document(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.page_count()
    stored = services.documents.stored(settled.id)
    assert [d.kind for d in stored] == ["agreement"]
    preview.close()
    case.close()


def test_a_stale_save_keeps_the_agreement_editor_open_with_its_text(qtbot, services, mediating):
    case = open_case(qtbot, services, mediating)
    editor: AgreementDialog = case.edit_agreement()
    editor.issues.setPlainText("维修费")
    qtbot.mouseClick(editor.submit_button, LEFT)
    qtbot.waitUntil(lambda: not editor.isVisible())
    first = case.edit_agreement()
    # Another window saves the same draft meanwhile.
    services.agreements.save_draft(
        dispute_id=mediating.id, by="别人", expected_edit_version=first.editing.edit_version,
        draft=AgreementDraft(party_ids=tuple(p.id for p in mediating.parties), facts="别人的版本"))
    first.responsibility.setPlainText("李四负全部责任，这段话不能丢")
    qtbot.mouseClick(first.submit_button, LEFT)
    assert first.isVisible()
    assert "另一台电脑" in first.refusal.error_text()
    assert first.responsibility.toPlainText() == "李四负全部责任，这段话不能丢"
    first.reject()


def test_the_documents_menu_lists_single_records_and_kept_documents(qtbot, services, settled, tasks):
    case = CaseDialog(settled, services=services, user_name="王㛃", tasks=tasks)
    qtbot.addWidget(case)
    from mediation_desk.documents import DocumentKind

    case.show_document(DocumentKind.SESSION, settled.sessions[0].id)
    qtbot.waitUntil(lambda: case.preview is not None, timeout=10_000)
    case.preview.close()
    case._fill_document_menus()
    singles = [a.text() for a in case.single_menu.actions()]
    assert any("1" in t and str(settled.sessions[0].held_on) in t for t in singles)
    assert any("已签字生效" in t for t in singles)
    kept = case.stored_menu.actions()
    assert len(kept) == 1 and "调解记录" in kept[0].text()
    preview = case.show_stored(services.documents.stored(settled.id)[0])
    assert preview.page_count() >= 1
    preview.close()


def test_recording_a_fact_from_the_case_screen(qtbot, services, settled, tmp_path):
    from mediation_desk.domain.figures import RecordedFact
    from mediation_desk.ui.case_view import CaseDialog
    from mediation_desk.ui.followup_dialogs import RecordFactDialog

    case = CaseDialog(settled, services=services, user_name="王㛃")
    qtbot.addWidget(case)
    case.show()
    dialog = case.record_fact(RecordedFact.GROUP_PREVENTED)
    assert isinstance(dialog, RecordFactDialog)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.boxes["note"].error_text()))
    dialog.note.setPlainText("涉及12人，现场劝离")
    dialog.submit()
    qtbot.waitUntil(lambda: case.detail.group_incident_on is not None, timeout=10_000)
    assert "recorded" in case.fact_actions[RecordedFact.GROUP_PREVENTED].text()

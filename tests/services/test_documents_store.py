"""Documents kept with their case, and the `document` and `followups due` commands."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from pypdf import PdfReader
from test_followups import Clock, settled

from mediation_desk.cli import main
from mediation_desk.documents import DocumentKind


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def svc(tmp_path, clock):
    from mediation_desk.services.container import open_services

    opened = open_services(tmp_path / "doc.sqlite", clock=clock)
    yield opened
    opened.close()


def test_a_produced_document_is_kept_once_with_its_hash(svc):
    d = settled(svc)
    info, content = svc.documents.produce(dispute_id=d.id, kind=DocumentKind.AGREEMENT, by="王㛃")
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.pages == len(PdfReader(io.BytesIO(content)).pages) >= 3  # N+1 copies
    assert svc.documents.content(info.id) == content
    again, same = svc.documents.produce(dispute_id=d.id, kind=DocumentKind.AGREEMENT, by="王㛃")
    assert again.id == info.id and same == content  # unchanged data: the same bytes, kept once
    svc.documents.produce(dispute_id=d.id, kind=DocumentKind.SESSION, by="王㛃")
    assert [x.kind for x in svc.documents.stored(d.id)] == ["agreement", "session"]


def test_document_and_followups_commands(svc, tmp_path, capsys):
    d = settled(svc)
    database = str(tmp_path / "doc.sqlite")
    svc.close()
    out = tmp_path / "agreement.pdf"
    code = main(["document", "agreement", d.number, "-o", str(out), "--database", database, "--json"])
    printed = json.loads(capsys.readouterr().out)
    assert code == 0 and out.read_bytes()[:5] == b"%PDF-"
    assert printed["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert "人民调解协议书" in PdfReader(out).pages[0].extract_text()
    code = main(["document", "oral-agreement", d.number, "-o", str(tmp_path / "x.pdf"),
                 "--database", database])
    err = capsys.readouterr().err
    assert code == 1 and err.strip().count("\n") == 0 and "口头协议" in err
    code = main(["document", "session", d.number, "--session", "9", "-o", str(tmp_path / "s.pdf"),
                 "--database", database])
    assert code == 1 and "第9次调解记录" in capsys.readouterr().err
    code = main(["document", "agreement", d.number, "--version", "1", "-o", str(tmp_path / "v1.pdf"),
                 "--database", database])
    assert code == 0 and "人民调解协议书" in capsys.readouterr().out
    code = main(["document", "agreement", d.number, "--version", "5", "-o", str(tmp_path / "v5.pdf"),
                 "--database", database])
    assert code == 1 and "第5版" in capsys.readouterr().err
    code = main(["followups", "due", "--date", "2026-11-24", "--json", "--database", database])
    due = json.loads(capsys.readouterr().out)
    assert code == 0 and [v["due"] for v in due] == ["2026-11-23"]
    assert set(due[0]) >= {"case", "due", "overdue_days", "parties", "phones"}
    assert due[0]["overdue_days"] == 1 and due[0]["phones"] == ["13800138000", "0825-5551234"]
    with pytest.raises(SystemExit) as bad:
        main(["followups", "due", "--date", "24/11", "--database", database])
    assert bad.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err

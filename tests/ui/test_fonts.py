"""The shipped CJK font loads, becomes the application font, and has the rare name characters."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QRawFont
from PySide6.QtWidgets import QLabel

from mediation_desk.ui import fonts

# Characters of people's names outside GB2312: 㛃 (U+36C3) and 䶮 (U+4DAE) are in CJK
# Extension A, the rest in the URO block but rare in everyday fonts.
RARE_NAME_CHARACTERS = "㛃堃喆昇犇淼䶮"
LABEL_TEXT = "调解员 张㛃 王堃 李喆 赵昇 陈犇 刘淼 龚䶮"
COMMON_TEXT = (
    "，。、；：？！“”‘’（）《》【】—…·￥"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "调解协议书当事人身份证号"
)


@pytest.fixture
def restore_app_font(qapp):
    """install_application_font changes the application font; put it back afterwards."""
    before = QFont(qapp.font())
    yield
    qapp.setFont(before)


def test_font_file_and_licence_are_shipped():
    path = fonts.font_path()
    assert path.is_file(), path
    assert path.stat().st_size < 20 * 1024 * 1024
    licence = path.with_name("LICENSE-NotoSansCJKsc.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_install_application_font_makes_the_shipped_family_the_default(qapp, restore_app_font):
    point_size = qapp.font().pointSizeF()

    family = fonts.install_application_font(qapp)

    assert family == fonts.FONT_FAMILY
    assert family in QFontDatabase.families()
    assert qapp.font().families()[0] == family
    assert qapp.font().pointSizeF() == point_size
    assert QFontInfo(qapp.font()).family() == family


def test_install_twice_adds_the_font_once(qapp, restore_app_font):
    first = fonts.install_application_font(qapp)
    font_id = fonts._loaded_font_id

    assert fonts.install_application_font(qapp) == first
    assert fonts._loaded_font_id == font_id


def test_rare_name_characters_are_in_the_loaded_family(qapp):
    family = fonts.load_shipped_font()
    assert family

    font = QFont(family)
    raw = QRawFont.fromFont(font)
    assert raw.isValid()
    assert raw.familyName() == family
    metrics = QFontMetrics(font)
    for ch in RARE_NAME_CHARACTERS + COMMON_TEXT:
        assert raw.supportsCharacter(ord(ch)), f"{ch} (U+{ord(ch):04X}) missing"
        assert metrics.inFontUcs4(ord(ch)), f"{ch} (U+{ord(ch):04X}) missing"


def test_rare_name_characters_have_real_outlines_in_the_file(qapp):
    raw = QRawFont(str(fonts.font_path()), 24)
    assert raw.isValid()
    assert raw.familyName() == fonts.FONT_FAMILY
    glyphs = raw.glyphIndexesForString(RARE_NAME_CHARACTERS)
    assert len(glyphs) == len(RARE_NAME_CHARACTERS)
    for ch, glyph in zip(RARE_NAME_CHARACTERS, glyphs, strict=True):
        assert glyph != 0, f"{ch} maps to .notdef"
        assert not raw.pathForGlyph(glyph).isEmpty(), f"{ch} has an empty outline"


def test_label_with_rare_names_uses_the_shipped_font(qapp, qtbot, restore_app_font):
    family = fonts.install_application_font(qapp)
    label = QLabel(LABEL_TEXT)
    qtbot.addWidget(label)

    assert QFontInfo(label.font()).family() == family
    assert all(QFontMetrics(label.font()).inFontUcs4(ord(ch)) for ch in RARE_NAME_CHARACTERS)
    image = label.grab().toImage()
    assert not image.isNull() and image.width() > 0


def test_missing_font_file_warns_and_leaves_the_font_alone(
    qapp, tmp_path, monkeypatch, caplog, restore_app_font
):
    monkeypatch.setattr(fonts, "_loaded_font_id", None)
    monkeypatch.setattr(fonts, "font_path", lambda: tmp_path / "absent.otf")
    before = QFont(qapp.font())

    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        assert fonts.install_application_font(qapp) == ""

    assert "not found" in caplog.text
    assert qapp.font() == before


def test_unreadable_font_file_warns_and_returns_empty(
    qapp, tmp_path, monkeypatch, caplog, restore_app_font
):
    bogus = tmp_path / "bogus.otf"
    bogus.write_bytes(b"not a font at all")
    monkeypatch.setattr(fonts, "_loaded_font_id", None)
    monkeypatch.setattr(fonts, "font_path", lambda: bogus)

    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        assert fonts.install_application_font(qapp) == ""

    assert "refused" in caplog.text

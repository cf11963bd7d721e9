"""This workstation's own preferences (window sizes, column widths), declared once.

A small typed adapter over `QSettings`.  Station settings shared by every workstation
live in the database (`services.settings`); these stay on the machine.  By default they
are an INI file in the data folder, so `MEDIATION_DESK_DATA` moves them too and tests
never touch the user's real preferences.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from mediation_desk import paths

PREFERENCES_FILENAME = "preferences.ini"


def default_qsettings() -> QSettings:
    return QSettings(str(paths.data_dir() / PREFERENCES_FILENAME), QSettings.Format.IniFormat)


class Preferences:
    """Named, typed keys; nothing else in the UI spells a QSettings key."""

    MAIN_GEOMETRY = "main_window/geometry"
    MAIN_STATE = "main_window/state"
    CASE_HEADER = "main_window/case_header"
    INTAKE_GEOMETRY = "intake_dialog/geometry"
    CASE_GEOMETRY = "case_dialog/geometry"
    SETTINGS_GEOMETRY = "settings_dialog/geometry"

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else default_qsettings()

    def bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()

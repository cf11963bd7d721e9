"""UI wording shared by several windows (the domain enums carry their own `.label`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def flag_labels() -> dict[str, str]:
    """The intake's tier-rule flags (DisputeDraft.flags keys) as shown to the user."""
    return {
        "ownership_dispute": _tr("Ownership dispute (land, forest, homestead)"),
        "group_petition": _tr("Signs of a group petition"),
        "group_fight_or_violence": _tr("Signs of a group fight or violence"),
        "threat_of_harm": _tr("Threat of self-harm or harm to others"),
        "abnormal_death": _tr("Abnormal death"),
        "recurrence": _tr("Came back after an earlier settlement"),
    }


def unpaid_workers_label() -> str:
    return _tr("Workers owed wages")


def none_choice() -> str:
    """The empty choice in a combo box (no mediator, no sex given, ...)."""
    return _tr("(none)")

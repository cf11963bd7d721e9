"""UI wording shared by several windows (the domain enums carry their own `.label`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def flag_labels() -> dict[str, str]:
    """The intake's tier-rule flags (DisputeDraft.flags keys) as shown to the user."""
    return {
        "ownership_dispute": translate("labels", "Ownership dispute (land, forest, homestead)"),
        "group_petition": translate("labels", "Signs of a group petition"),
        "group_fight_or_violence": translate("labels", "Signs of a group fight or violence"),
        "threat_of_harm": translate("labels", "Threat of self-harm or harm to others"),
        "abnormal_death": translate("labels", "Abnormal death"),
        "recurrence": translate("labels", "Came back after an earlier settlement"),
    }


def unpaid_workers_label() -> str:
    return translate("labels", "Workers owed wages")


def none_choice() -> str:
    """The empty choice in a combo box (no mediator, no sex given, ...)."""
    return translate("labels", "(none)")

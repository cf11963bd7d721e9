"""Errors the program expects and explains to the user.

Every class here is a `DomainError`: the UI catches that one base, shows `message` (plain
Simplified Chinese a mediator can act on) and keeps what was typed. Anything that is not a
`DomainError` is a bug and goes to the crash report instead. Pure standard library, so the
domain, services and persistence layers can all raise these without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, get_args


class DomainError(Exception):
    """Base of every error the program expects and explains to the user."""


class ValidationError(DomainError):
    """One form field holds a value the program cannot accept.

    `field` names the form field (a `DisputeDraft` attribute, or a dotted party key such
    as ``"applicant.1.id_number"``) so the dialog can put `message` next to it.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ValidationError({self.field!r}, {self.message!r})"


class ValidationErrors(DomainError):
    """Several fields at once, so a dialog can mark every wrong field in one go."""

    def __init__(self, errors: Iterable[ValidationError] = ()) -> None:
        self.errors: list[ValidationError] = list(errors)
        super().__init__("；".join(e.message for e in self.errors))

    def __str__(self) -> str:
        # Recomputed because callers may append to `errors` after construction.
        return "；".join(e.message for e in self.errors)

    def as_dict(self) -> dict[str, str]:
        """{field: message}; for a field reported twice the first message wins."""
        result: dict[str, str] = {}
        for error in self.errors:
            result.setdefault(error.field, error.message)
        return result

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def __iter__(self) -> Iterator[ValidationError]:
        return iter(self.errors)


class IllegalTransition(DomainError):
    """A case cannot move to the requested state; `message` says why (Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """The record asked for does not exist (deleted, or a wrong number typed)."""


StorageErrorKind = Literal["locked", "read_only", "disk_full", "corrupt", "too_new", "other"]
STORAGE_ERROR_KINDS: frozenset[str] = frozenset(get_args(StorageErrorKind))


class StorageError(DomainError):
    """The database file could not be used for a reason outside the program.

    `kind` lets the UI pick the dialog (retry for "locked", refuse to open for "too_new"),
    `message` tells the mediator what to do, `detail` keeps the technical English text for
    the log and the administrator.
    """

    def __init__(self, kind: StorageErrorKind, message: str, detail: str = "") -> None:
        if kind not in STORAGE_ERROR_KINDS:
            # A typo here would silently pick the wrong dialog; fail loudly in tests instead.
            raise ValueError(f"unknown storage error kind: {kind!r}")
        super().__init__(message)
        self.kind: StorageErrorKind = kind
        self.message = message
        self.detail = detail


class ConcurrentModification(DomainError):
    """Another workstation saved the same record first; reload and apply the change again."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

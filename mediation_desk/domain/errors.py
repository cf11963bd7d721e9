"""Errors the domain and services raise; each carries a message a mediator can read."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the program expects and explains to the user."""


class ValidationError(DomainError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class ValidationErrors(DomainError):
    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = list(errors)

    def as_dict(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}

    def __bool__(self) -> bool:
        return bool(self.errors)


class IllegalTransition(DomainError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    pass


class StorageError(DomainError):
    def __init__(self, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.detail = detail


class ConcurrentModification(DomainError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

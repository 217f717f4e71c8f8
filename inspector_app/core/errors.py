"""Typed errors, each carrying a message fit to show a user as it is."""

from __future__ import annotations


class InspectorError(Exception):
    """Base of every error the program reports to its user (CLI exit code 1)."""

    kind = "error"

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: further lines (bad rows, bad entries) shown under the message
        self.details: list[str] = list(details or [])

    def __str__(self) -> str:
        return self.message


class InputError(InspectorError):
    """Input from outside (a file, an argument, a value) was refused."""

    kind = "input"


class NotFoundError(InspectorError):
    """A named thing (inspection, point, catalogue, item) does not exist."""

    kind = "not_found"


class ConflictError(InspectorError):
    """The request contradicts what is stored (same name, other content; finalised record)."""

    kind = "conflict"


class StoreError(InspectorError):
    """The data store cannot be used as it is (newer schema, unreadable file)."""

    kind = "store"


class PhotoError(InputError):
    """A photo file was refused; the message names the file and the reason."""

    kind = "photo"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Cancelled(InspectorError):
    """Long work was cancelled by its user; nothing partial was kept."""

    kind = "cancelled"

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)

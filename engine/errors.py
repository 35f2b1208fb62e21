"""Errors the engine raises for bad input. Each renders as one line that names the file.

The engine never prints or exits; `cli.py` turns these into an `Error:` line and an exit code.
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be used, with the reason in plain words."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(message)
        self.path = str(path)
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


class NotALetterError(InputError):
    """Readable text, but not an IMR determination letter of any known layout."""


class VocabularyError(Exception):
    """Problems in the YAML vocabularies, every one as `path:line:col: error: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems

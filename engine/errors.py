"""Errors the engine raises for bad input. Each renders as one line that names the file.

The engine never prints or exits; `cli.py` turns these into an `Error:` line and an exit code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the closest known name, or "" where none is close."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


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

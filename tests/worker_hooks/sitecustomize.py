"""Test-only misbehaviour for the audit's worker processes, kept out of the product's code.

A test puts this folder on PYTHONPATH: every Python process started with it (the workers an audit
starts) runs this file first, and takes a letter's text out through the wrapper below. A letter
whose file name is IMRCHECK_TEST_KILL_AT kills its process with SIGKILL, as `kill -9` would; one
named IMRCHECK_TEST_SLEEP_AT never ends. Nothing changes for any other letter.
"""

import os
import signal
import time
from pathlib import Path

import engine.documents

_text_of_letter = engine.documents.text_of_letter


def text_of_letter_or_misbehave(data: bytes, path: str | Path) -> str:
    name = Path(path).name
    if name == os.environ.get("IMRCHECK_TEST_KILL_AT"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name == os.environ.get("IMRCHECK_TEST_SLEEP_AT"):
        time.sleep(3600)
    return _text_of_letter(data, path)


# Replaced before engine.audit imports it, which the workers do after this file has run.
engine.documents.text_of_letter = text_of_letter_or_misbehave

"""Loaded and compiled rules, kept on disk between runs.

Loading and checking every rule file and compiling the rules for durable_rules takes longer than
everything else `imrcheck check` does, and grows with the rules. The result depends only on the
rule files, the vocabularies and the engine's code, so it is kept in a cache file named by a digest
of all three and reused while none of them changes. A cache that cannot be read or written is
simply not used: the rules are then loaded as usual.

The vocabularies and the facts stage's phrase lists are part of the rulebook, so they are kept
with it: reading those YAML files again took as long as the rest of a cached `check`.

The cache is a pickle in a folder of the user's own (`$IMRCHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/imrcheck`, else `~/.cache/imrcheck`); `IMRCHECK_CACHE_DIR=off` turns it off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from engine.compiler import CompiledRules, compile_rules
from engine.rules import Rulebook, load_rulebook
from engine.vocab import default_rules_dir

ENGINE = Path(__file__).resolve().parent
# Rule sets kept at once: each file is about a megabyte, and a rules folder that changes often
# (an author at work) would otherwise leave one behind per edit.
KEPT_FILES = 8


def cache_dir() -> Path | None:
    configured = os.environ.get("IMRCHECK_CACHE_DIR")
    if configured:
        return None if configured == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "imrcheck"


def cache_key(folders: Iterable[Path]) -> str:
    """A digest of the engine's code and of every file in the rules folders (vocabularies and
    facts included), in a stable order, and of where the folders are: the rules carry their
    files' paths, which messages name."""
    digest = hashlib.sha256()
    for folder in (ENGINE, *folders):
        digest.update(f"{folder.resolve()}\0".encode())
        add_files(digest, folder)
    return digest.hexdigest()[:32]


def add_files(digest: Any, folder: Path) -> None:
    """Every file under a folder, by relative path and content, in a stable order."""
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    digest.update(b"\1")


def load_rules(
    rules_dir: str | Path | None = None, overlays: Iterable[str | Path] = ()
) -> tuple[Rulebook, CompiledRules]:
    """The rulebook and its compiled form, from the cache where the files are unchanged. Raises
    `RuleError` as `load_rulebook` does (a broken rule set is never cached)."""
    layers = [Path(rules_dir) if rules_dir else default_rules_dir(), *map(Path, overlays)]
    where = cache_dir()
    path = where / f"rules-{cache_key(layers)}.pickle" if where else None
    if path is not None:
        try:
            rulebook, compiled = unpickle(path.read_bytes())
            if isinstance(rulebook, Rulebook) and isinstance(compiled, CompiledRules):
                return rulebook, compiled
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
        ):
            pass  # absent, from another version, or damaged: load as usual
    rulebook = load_rulebook(rules_dir, layers[1:])
    compiled = compile_rules(rulebook)
    if path is not None:
        keep(path, pickle.dumps((rulebook, compiled), protocol=pickle.HIGHEST_PROTOCOL))
    return rulebook, compiled


def unpickle(data: bytes) -> Any:
    """`pickle.loads` with the cyclic collector paused: the tens of thousands of objects it makes
    all live on, and each collection they set off walked every one of them again (2 % of a cached
    `check`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if was_enabled:
            gc.enable()


def keep(path: Path, data: bytes) -> None:
    """Write the cache file whole or not at all, so a reader never sees half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rules-")
    except OSError:
        return  # a read-only disk: run without the cache
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a full disk: run without the cache
        return
    prune(path.parent)


def prune(folder: Path) -> None:
    """Remove all but the most recently written cache files."""
    try:
        files = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in files[:-KEPT_FILES]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first

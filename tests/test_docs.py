"""The README stays true: every command is documented and the two set-up commands are there."""

from __future__ import annotations

import re

import typer.main
from conftest import REPO

from cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names.extend(f"{name} {child}" for child in sub) if sub else names.append(name)
    return names


def test_every_command_is_in_the_readme() -> None:
    for name in command_names():
        assert f"imrcheck {name}" in README, name


def test_readme_has_exactly_two_setup_commands() -> None:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^```(?:sh|bash)$", setup, re.M)) == 2


def test_ci_runs_the_readme_test_command() -> None:
    setup = README.split("## Set-up", 1)[1]
    test_command = re.findall(r"^```sh\n(.*?)\n```", setup, re.M | re.S)[1]
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")

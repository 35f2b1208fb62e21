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


def setup_commands() -> list[str]:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```sh\n(.*?)\n```", setup, re.M | re.S)


def test_both_setup_commands_install_the_pinned_versions() -> None:
    for command in setup_commands():
        assert "pip install -q -c constraints.txt " in command, command


def test_constraints_pin_every_dependency_within_what_pyproject_allows() -> None:
    # A dependency missing from the pins would be resolved afresh on every clean clone, which is
    # how a new upstream release turned CI red; a pin outside pyproject's range would not install.
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonical(name)] = version
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for requirement in map(Requirement, wanted):
        name = canonical(requirement.name)
        assert name in pins, f"{requirement.name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), (requirement, pins[name])


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()

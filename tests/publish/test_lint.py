"""Lint is part of `make test` (so of CI): ruff's checks, ruff's format check and mypy, pinned, over all the code."""

from __future__ import annotations

import tomllib

from conftest import ROOT, pinned_versions
from test_build_paths import dry_run

LINT_COMMANDS = [".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/mypy"]


def test_make_lint_runs_ruff_check_ruff_format_check_and_mypy() -> None:
    commands = dry_run("lint")
    assert [line for line in commands if line in LINT_COMMANDS] == LINT_COMMANDS, commands


def test_make_test_lints_before_the_test_suite() -> None:
    commands = dry_run("test")
    lint = [commands.index(command) for command in LINT_COMMANDS if command in commands]
    assert len(lint) == len(LINT_COMMANDS), f"`make test` does not run all of {LINT_COMMANDS}: {commands}"
    whole_suite = next(i for i, line in enumerate(commands) if line.endswith("python -m pytest"))
    assert max(lint) < whole_suite, commands


def test_the_linters_are_pinned_in_the_dev_requirements() -> None:
    pins = pinned_versions("requirements-dev.txt")
    assert {"ruff", "mypy", "types-pyyaml"} <= set(pins), pins


def test_mypy_checks_the_hooks_the_tests_and_the_benchmark() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert set(settings["mypy"]["files"]) >= {"hooks", "tests", "benchmarks"}
    assert settings["mypy"]["warn_unused_ignores"] is True  # an ignore that is no longer needed fails lint

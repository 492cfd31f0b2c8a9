"""The `mkdocs build` command as people and CI run it: strict passes, bad data stops it cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project

MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", *args], cwd=project, env=env, capture_output=True, text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project_with_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("cli") / "project")
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_strict_build_has_no_warning(project_with_site: Path) -> None:
    # validation raises links and anchors to warnings; strict turns any warning into a failure
    result = run_build(project_with_site, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize(
    ("stem", "old", "new", "expected"),
    [
        ("wros", "type: WRO", "type: Order", "data/wros.yml: entry 'wro-"),
        ("proposals", "state: done", "state: finished", "data/proposals.yml: entry '"),
        ("bills", "bills:", "bills:\n  - nonsense: [", "data/bills.yml: is not valid YAML"),
        # 100,000 nested brackets once crashed libyaml's composer (a segfault, no message)
        (
            "proposals",
            "proposals:",
            "deep: " + "[" * 100_000 + "]" * 100_000 + "\nproposals:",
            "data/proposals.yml: has lists or mappings nested more than",
        ),
    ],
)
def test_bad_data_stops_the_build_and_keeps_the_old_site(
    project_with_site: Path, stem: str, old: str, new: str, expected: str
) -> None:
    path = project_with_site / "data" / f"{stem}.yml"
    original = path.read_text(encoding="utf-8")
    assert old in original
    before = snapshot(project_with_site / "site")
    try:
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
        result = run_build(project_with_site, "--strict")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project_with_site / "site") == before


def test_a_link_to_a_missing_record_anchor_fails_the_strict_build(project_with_site: Path) -> None:
    # Records are generated after Markdown; MkDocs must still check links into them.
    page = project_with_site / "docs" / "about.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + "\nSee [a record](wros.md#wro-does-not-exist).\n", encoding="utf-8")
        result = run_build(project_with_site, "--strict", "-d", str(project_with_site / "site-broken"))
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "does not contain an anchor '#wro-does-not-exist'" in result.stderr

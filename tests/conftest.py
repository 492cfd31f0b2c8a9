"""Shared test helpers: where things are, and how to build a copy of the site."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
SCHEMA_DIR = ROOT / "data" / "schema"
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"

# The plain modules under hooks/ are imported by tests as MkDocs imports them: as siblings.
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

PROJECT_PARTS = ("mkdocs.yml", "hooks", "data", "docs", "overrides")


def copy_project(destination: Path) -> Path:
    """A copy of everything a build reads, to change and build without touching the repo."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def build_site(project: Path, site_dir: Path | None = None) -> Path:
    """Build `project` in this process (hooks included) and return the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir or project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    return build_site(ROOT, site_dir)

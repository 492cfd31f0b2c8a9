"""Shared test helpers: where things are, and how to build a copy of the site."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
SCHEMA_DIR = ROOT / "data" / "schema"
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"

# The plain modules under hooks/ are imported by tests as MkDocs imports them: as siblings.
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Every build in the tests is made as of this day (site_text.the_day): a bill that dies when its
# Congress ends on Jan 3, 2027 must not change what the tests see. Tests of the day itself set it.
os.environ["PUNCHLIST_TODAY"] = "2026-11-29"

PROJECT_PARTS = ("mkdocs.yml", "hooks", "data", "docs", "overrides")

# A folder holding a site built beforehand (`make test-properdocs` sets it to the ProperDocs build). The tests whose
# subject is the built output (those using `built_site`) then check that folder; the others are deselected.
BUILT_SITE_ENV = "PUNCHLIST_BUILT_SITE"
# Which engine built that folder, "mkdocs" (default; the in-process build) or "properdocs": a test holds the pages'
# generator tag to the version pinned for it, so a run cannot check one engine's output while believing it is the other's.
BUILT_WITH_ENV = "PUNCHLIST_BUILT_WITH"
ENGINE_REQUIREMENTS = {"mkdocs": "requirements.txt", "properdocs": "requirements-properdocs.txt"}


def pinned_versions(requirements: str) -> dict[str, str]:
    """package (lower case) -> version, for every `name==version` line of a requirements file in the repo: an input
    file (requirements*.in) or a lock file (requirements*.txt, where a `\\` ends the line and its hashes follow)."""
    pins = {}
    for line in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
        name, pinned, version = line.split("#", 1)[0].rstrip(" \\").partition("==")
        if pinned:
            pins[name.strip().lower()] = version.strip()
    return pins


def prebuilt_site() -> Path | None:
    value = os.environ.get(BUILT_SITE_ENV, "").strip()
    return Path(value).resolve() if value else None


def built_with() -> str:
    engine = os.environ.get(BUILT_WITH_ENV, "").strip() or "mkdocs"
    if engine not in ENGINE_REQUIREMENTS:
        raise pytest.UsageError(f"{BUILT_WITH_ENV}={engine!r}: expected one of {', '.join(ENGINE_REQUIREMENTS)}")
    return engine


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if prebuilt_site() is None:
        return
    built_with()  # a wrong engine name stops the run before any test
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (kept if "built_site" in getattr(item, "fixturenames", ()) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept


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
    """The real site, built once per test session into a temporary folder (or the prebuilt one, see BUILT_SITE_ENV)."""
    prebuilt = prebuilt_site()
    if prebuilt is not None:
        if not (prebuilt / "index.html").is_file():
            pytest.fail(
                f"{BUILT_SITE_ENV}={prebuilt}: no built site there (no index.html). "
                "Build it first, e.g. `make build-properdocs`.",
                pytrace=False,
            )
        return prebuilt
    site_dir = tmp_path_factory.mktemp("site")
    return build_site(ROOT, site_dir)


# ---- Records for tests ----------------------------------------------------------------


def bill_record(
    bill_id: str,
    number: str,
    title: str,
    *,
    congress: int = 119,
    introduced: str = "2025-03-01",
    searched: str = "2026-11-27",
) -> dict[str, Any]:
    """A valid bill record, introduced and not yet further (a bill that can still pass while its
    Congress sits), to add to a copy of the data (searched on the data's `checked` day, by default)."""
    return {
        "id": bill_id,
        "number": number,
        "congress": congress,
        "title": title,
        "sponsor": "Rep. Example (D-XX)",
        "introduced": introduced,
        "status": {"step": "introduced", "date": introduced, "searched": searched},
        "summary": f"{title}, a bill that exists only in the tests.",
        "sources": [{"title": "Example source", "url": f"https://example.org/{bill_id}"}],
    }


# ---- Editing a copy of the fixture data (tests of validation messages) --------------

# The day the fixture data is checked against (the data's own `checked` date).
FIXTURE_DAY = datetime.date(2026, 11, 27)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the fixture data, to break one thing at a time."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def edit_data(data_dir: Path, stem: str, change: Callable[[Any], object]) -> None:
    """Apply `change` to data_dir/<stem>.yml as read by the site's own loader (dates stay text)."""
    from site_yaml import DataYamlLoader

    path = data_dir / f"{stem}.yml"
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=DataYamlLoader)
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def data_problems(data_dir: Path) -> list[str]:
    """The problems the build would report for data_dir, each as its message."""
    from site_data import DataError, load_site_data

    with pytest.raises(DataError) as caught:
        load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=FIXTURE_DAY)
    return [str(p) for p in caught.value.problems]

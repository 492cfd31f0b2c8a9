"""Real-browser tests: the built site served on 127.0.0.1 and driven in headless Chromium.

The site is built once per session (tests/conftest.py `built_site`), served on a free
port as a static host serves it (tests/site_server.py, gzip included), and visited with
one browser per session. The browser is
Debian's Chromium (env CHROMIUM_PATH, /usr/bin/chromium or `chromium` on PATH), because
Playwright's own browser download cannot work offline.

When no Chromium can be found these tests are skipped with a loud warning, but only
outside CI: with CI set (non-empty) they fail instead.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, build_site  # tests/conftest.py (tests/ is on pythonpath)
from site_data import load_site_data
from site_server import serve

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A deploy address as long as a real GitHub Pages one: the punch-list must still fit one sheet.
LONG_SITE_URL = "https://example-organization.github.io/xinjiang-forced-labor-punch-list/"

_SKIPPED: list[str] = []  # why browser tests were skipped, for the terminal summary


def in_ci() -> bool:
    return bool(os.environ.get("CI", "").strip())


def find_chromium() -> str | None:
    """The browser to drive: $CHROMIUM_PATH when set (and only it), else /usr/bin/chromium or
    chromium on PATH. None when there is no such executable."""
    explicit = os.environ.get("CHROMIUM_PATH", "").strip()
    candidates = (
        [explicit] if explicit else ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    )
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _SKIPPED:
        return
    terminalreporter.section("BROWSER TESTS SKIPPED", sep="!", red=True, bold=True)
    terminalreporter.write_line(_SKIPPED[0], red=True, bold=True)
    terminalreporter.write_line(
        "Print, links, privacy and accessibility were NOT checked. "
        "Install Debian's chromium (make browser) or set CHROMIUM_PATH.",
        red=True,
        bold=True,
    )


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path:
        return path
    explicit = os.environ.get("CHROMIUM_PATH", "").strip()
    where = f"$CHROMIUM_PATH={explicit}" if explicit else "/usr/bin/chromium and chromium on PATH"
    message = f"No Chromium found (looked at {where})."
    if in_ci():
        pytest.fail(f"{message} CI is set, so the browser tests may not be skipped.", pytrace=False)
    warnings.warn(pytest.PytestWarning(f"browser tests skipped: {message}"), stacklevel=1)
    if not _SKIPPED:
        _SKIPPED.append(f"Browser tests skipped: {message}")
    pytest.skip(f"browser tests skipped outside CI: {message}")


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_context(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open browser contexts (closed after the test): new_context(color_scheme="dark", ...)."""
    contexts: list[Any] = []

    def open_context(**options: Any) -> Any:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@dataclass(frozen=True)
class Site:
    folder: Path  # the built site
    base: str  # where it is served, e.g. http://127.0.0.1:41234/
    site_url: str  # the address it was built for (mkdocs.yml site_url, env SITE_URL)
    pages: tuple[str, ...]  # site-relative URL of every HTML page ("" is the home page)

    @property
    def content_pages(self) -> tuple[str, ...]:
        """Every page but the "not found" page, which has no sections, title or description of its own."""
        return tuple(page for page in self.pages if page != "404.html")

    def url(self, page: str = "", anchor: str = "") -> str:
        return self.base + page + (f"#{anchor}" if anchor else "")


def html_pages(folder: Path) -> tuple[str, ...]:
    pages = []
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return tuple(pages)


def configured_site_url() -> str:
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    assert site_url, "mkdocs.yml sets no site_url"
    return site_url


@pytest.fixture(scope="session")
def site(chromium_path: str, built_site: Path) -> Iterator[Site]:
    # chromium_path first: without a browser, skip (or fail) before building anything.
    with serve(built_site) as base:
        yield Site(built_site, base, configured_site_url(), html_pages(built_site))


@pytest.fixture(scope="session")
def long_url_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site built for a long https deploy address (as on GitHub Pages)."""
    folder = tmp_path_factory.mktemp("site-long-url")
    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = LONG_SITE_URL
    try:
        build_site(ROOT, folder)
    finally:
        if saved is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = saved
    with serve(folder) as base:
        yield Site(folder, base, LONG_SITE_URL, html_pages(folder))


# ---- What the pages should show, read from the sources (not from the built pages) ----------


@dataclass(frozen=True)
class Expected:
    site_name: str
    checked: str  # the punch-list's "checked" date, YYYY-MM-DD
    levers: Sequence[Mapping[str, Any]]
    proposals: Sequence[Mapping[str, Any]]
    wros: Sequence[Mapping[str, Any]]  # in the order the WRO page lists them (by date)
    bills: Sequence[Mapping[str, Any]]

    def lever_url(self, lever_id: str) -> str:
        """Site-relative URL of a lever's page, e.g. 'customs/'."""
        page = next(lever["page"] for lever in self.levers if lever["id"] == lever_id)
        return page.removesuffix(".md") + "/"


@pytest.fixture(scope="session")
def expected() -> Expected:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    data = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")  # as the build reads it
    return Expected(
        site_name=config.site_name,
        checked=data.checked,
        levers=data.levers,
        proposals=data.proposals,
        wros=data.wros,
        bills=data.bills,
    )

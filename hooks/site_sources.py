"""Check that every cited source still answers: `make check-sources` (needs a network).

Collects every URL the site cites (each source in data/, each link in docs/*.md), asks each
address once, and reports the dead ones (an HTTP error, no answer, a time-out) and the ones
that redirect, with where each is cited. A dead source without an `archived` copy gets a
suggestion where to look for one. Exit status 1 when a link is dead, else 0: redirects are
reported, since a moved page usually still says the same thing, but they don't fail.

Not part of the build or of `make test` (the build works offline); tested offline against
a local server. No MkDocs import.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from site_data import DataError, SiteData, load_site_data

# Some servers refuse Python's default agent outright; say who we are instead of pretending.
USER_AGENT = "punch-list-source-check/1 (checks that cited pages still exist)"
TIMEOUT_SECONDS = 20.0
WORKERS = 8
ARCHIVE_LOOKUP = "https://web.archive.org/web/2026/"  # the Wayback Machine's newest copy before 2027

# Markdown links and autolinks in the pages: [title](https://...) and <https://...>.
_DOC_LINK = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


@dataclasses.dataclass(frozen=True)
class Citation:
    """One place a URL is cited."""

    url: str
    where: str  # "data/wros.yml: entry 'wro-hoshine-silica'" or "docs/customs.md line 88"
    archived: str | None = None


@dataclasses.dataclass(frozen=True)
class Answer:
    """What one address answered."""

    url: str
    status: int | None  # HTTP status; None when there was no answer
    location: str | None = None  # where a redirect points
    error: str | None = None  # why there was no answer (time-out, refused, ...)

    @property
    def dead(self) -> bool:
        return self.status is None or self.status >= 400

    @property
    def redirected(self) -> bool:
        return self.status is not None and 300 <= self.status < 400


# ---- What the site cites ---------------------------------------------------------


def _sources_in(value: Any) -> Iterator[Mapping[str, Any]]:
    """Every source object ({"title", "url", ...}) anywhere inside a record."""
    if isinstance(value, Mapping):
        if isinstance(value.get("url"), str) and "title" in value:
            yield value
        for item in value.values():
            yield from _sources_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _sources_in(item)


def data_citations(data: SiteData) -> list[Citation]:
    """Every source in the data, by the record that cites it. Walks every record list of
    SiteData, so a new kind of record is covered without changes here."""
    citations = []
    for field in dataclasses.fields(data):
        records = getattr(data, field.name)
        if not isinstance(records, tuple):
            continue
        for position, record in enumerate(records, start=1):
            if not isinstance(record, Mapping):
                continue
            entry = record.get("id") or record.get("term") or f"#{position}"
            where = f"data ({field.name}): entry '{entry}'"
            for source in _sources_in(record):
                citations.append(Citation(source["url"], where, source.get("archived")))
    return citations


def docs_citations(docs_dir: Path) -> list[Citation]:
    """Every outbound link in the Markdown pages, by page and line."""
    citations = []
    for page in sorted(docs_dir.rglob("*.md")):
        name = page.relative_to(docs_dir.parent).as_posix()
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in _DOC_LINK.finditer(line):
                citations.append(Citation(match.group(1) or match.group(2), f"{name} line {number}"))
    return citations


# ---- Asking ----------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # report the redirect instead of following it


_OPENER = urllib.request.build_opener(_NoRedirect)


def ask(url: str, timeout: float = TIMEOUT_SECONDS) -> Answer:
    """GET the address (many servers answer HEAD wrongly) and read only the status line and headers."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Answer(url, response.status)
    except urllib.error.HTTPError as err:
        location = err.headers.get("Location") if err.headers else None
        return Answer(url, err.code, location=urllib.parse.urljoin(url, location) if location else None)
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        return Answer(url, None, error=str(reason) or type(reason).__name__)


def ask_all(urls: Iterable[str], timeout: float = TIMEOUT_SECONDS, workers: int = WORKERS) -> dict[str, Answer]:
    """Each distinct address asked once, a few at a time."""
    distinct = sorted(set(urls))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        answers = pool.map(lambda url: ask(url, timeout), distinct)
        return dict(zip(distinct, answers, strict=True))


# ---- Report ----------------------------------------------------------------------


def report(citations: Sequence[Citation], answers: Mapping[str, Answer]) -> tuple[str, bool]:
    """The report as text, and whether any link is dead."""
    by_url: dict[str, list[Citation]] = {}
    for citation in citations:
        by_url.setdefault(citation.url, []).append(citation)
    dead = [answers[url] for url in sorted(by_url) if answers[url].dead]
    moved = [answers[url] for url in sorted(by_url) if answers[url].redirected]

    lines = [f"Checked {len(by_url)} addresses cited in {len(citations)} places."]
    if dead:
        lines.append(f"\nDead ({len(dead)}):")
        for answer in dead:
            what = f"HTTP {answer.status}" if answer.status else f"no answer ({answer.error})"
            lines.append(f"- {answer.url}: {what}")
            lines += [f"    cited in {c.where}" for c in by_url[answer.url]]
            archived = next((c.archived for c in by_url[answer.url] if c.archived), None)
            if archived:
                lines.append(f"    an archived copy is cited: {archived}")
            else:
                lines.append(f"    look for an archived copy: {ARCHIVE_LOOKUP}{answer.url}")
    if moved:
        lines.append(f"\nRedirected ({len(moved)}): check the new address says the same, then cite it.")
        for answer in moved:
            lines.append(f"- {answer.url}: HTTP {answer.status} to {answer.location or '(no Location header)'}")
            lines += [f"    cited in {c.where}" for c in by_url[answer.url]]
    if not dead and not moved:
        lines.append("Every address answered.")
    return "\n".join(lines), bool(dead)


def main(argv: Sequence[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description="Check that every cited source still answers (needs a network).")
    parser.add_argument("--data", type=Path, default=root / "data")
    parser.add_argument("--docs", type=Path, default=root / "docs")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds per address")
    args = parser.parse_args(argv)
    try:
        data = load_site_data(args.data, docs_dir=args.docs)
    except DataError as err:
        print(err, file=sys.stderr)
        return 2
    citations = data_citations(data) + docs_citations(args.docs)
    text, any_dead = report(citations, ask_all((c.url for c in citations), timeout=args.timeout))
    print(text)
    return 1 if any_dead else 0


if __name__ == "__main__":
    sys.exit(main())

"""What several of the plain modules share: page names, dates, whitespace, relative URLs.

No MkDocs import and no import of the other modules here, so any of them can use it.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import os
import posixpath
from collections.abc import Iterator, Mapping

# Pages in docs/ that the generated content links to by name.
HOME_PAGE = "index.md"
CHANGES_PAGE = "changes/index.md"  # "What changed": every change in a line; the feed's alternate link and its ids
CHANGES_YEAR_PAGE = "changes/{year}.md"  # one page per year holds that year's changes with their notes and sources
BILLS_PAGE = "bills.md"  # where each bill has its section
WROS_PAGE = "wros.md"  # the WRO table, and what its states mean
ENTITY_LIST_PAGE = "entity-list/index.md"  # the UFLPA Entity List: every batch in one table
ENTITY_YEAR_PAGE = "entity-list/{year}.md"  # one page per year holds that year's batches and entities
# The bills page (BILLS_PAGE) has every bill in one table; one page per Congress holds its bills' records.
BILL_CONGRESS_PAGE = "bills/{congress}.md"
MEMBERS_PAGE = "members/index.md"  # the members of Congress, state by state (the look-up's page without JavaScript)
MEMBERS_STATE_PAGE = "members/{slug}.md"  # one generated page per state: members/wa.md
ACT_PAGE = "act.md"  # What you can do: the look-up, the asks, the scripts and letters

# Files written into the site at build time.
FEED_PATH = "feed.xml"  # at the site's root; every page's head links to it (config.extra.feed_path)
ENTITY_NAMES_FILE = "entity-list/names.json"  # what the Entity List page's search box searches (site_entity_search)
DOWNLOADS_DIR = "downloads"


# The day the site is built and checked for: today, unless PUNCHLIST_TODAY=YYYY-MM-DD names
# another (the tests fix it, so that the calendar never fails them; `make currency` takes it too).
TODAY_VARIABLE = "PUNCHLIST_TODAY"


def the_day(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """Today, or the day PUNCHLIST_TODAY names; ValueError when it names none."""
    value = environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE} must be a date written YYYY-MM-DD; got '{value}'") from None


def fold(text: str) -> str:
    """Runs of whitespace, newlines included, as one space; none at either end."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)  # many records share dates
def format_date(iso: str) -> str:
    """'2022-06-21' -> 'Jun 21, 2022' (the U.S. style the readers use)."""
    day = datetime.date.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


NAME_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})


def last_name(name: str) -> str:
    """A person's family name as a letter addresses them: "Angus S. King, Jr." -> "King"."""
    words = [word for word in name.replace(",", " ").split() if word not in NAME_SUFFIXES]
    return words[-1] if words else name


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@functools.lru_cache(maxsize=4096)  # thousands of links share a few page pairs
def relative_url(target: str, base: str) -> str:
    """Relative link from the page at site URL `base` to site URL `target` (both like 'a/b/')."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    rel = posixpath.relpath("/" + target, "/" + base_dir)
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel


def site_path(page_url: str) -> str:
    """A page's URL from the site's root as links are built from it: MkDocs gives the home
    page's as "./", which is "" here ("../" + "" leads home; "../" + "./" is untidy)."""
    return "" if page_url in ("./", ".") else page_url


def base_url(page_url: str) -> str:
    """The way from the page at site URL `page_url` up to the site's root, to put before a
    site-relative URL: '' for a page at the root, '../' one level down (as Material's own
    tags renderer builds its links)."""
    up = relative_url("", page_url)
    return "" if up == "./" else up


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """For code that builds many small containers that all stay alive (parsed YAML, view
    records). Python's cycle collector, triggered by every few hundred of them, would scan
    the growing heap (MkDocs' too) again and again and free nothing: on large data that took
    about two thirds of the YAML parse time and a fifth of the rendering."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

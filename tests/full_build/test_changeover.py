"""Jan 3, 2027, written ahead: the real site built as of Jan 4, 2027 (PUNCHLIST_TODAY) asks no one,
on any page, to pass a bill of the 119th Congress, and says that its list of members predates the
new Congress; built as of the tests' day, it does ask for those bills (so the check can fail). The
members pages and the JSON files the look-up loads are there, one per state."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from site_data import load_site_data
from site_text import fold

DATA = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
# Bills of the 119th Congress that it has not enacted: dead from noon on Jan 3, 2027.
DYING = sorted(
    {bill["number"] for bill in DATA.bills if bill["congress"] == 119 and bill["status"]["step"] != "enacted"}
)
# A sentence asks for a bill when it names it with one of these words...
ASKING = re.compile(r"\b(pass|cosponsor|co-sponsor|move|vote on)\b", re.IGNORECASE)
# ...unless it speaks of the bill as past (what it was, that it died) or of bringing it back.
PAST = re.compile(r"reintroduc|last Congress|\bdied\b|\bdies\b|\bended\b|\bpassed\b", re.IGNORECASE)


BLOCKS = {"p", "li", "td", "th", "dd", "dt", "pre", "div", "caption", "summary", "h1", "h2", "h3", "h4", "br", "tr"}


class _Text(HTMLParser):
    """A page's visible text without scripts, a line per block (a table cell, a list item)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_lines(path: Path) -> list[str]:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return [fold(line) for line in "".join(parser.parts).split("\n") if line.strip()]


def page_text(path: Path) -> str:
    return " ".join(page_lines(path))


def asks_for_dying_bills(site: Path) -> Iterator[tuple[str, str]]:
    """(page, sentence) for each sentence on a built page that asks for a bill of the 119th Congress."""
    for path in sorted(site.rglob("*.html")):
        sentences = [s for line in page_lines(path) for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\[(])", line)]
        for sentence in sentences:  # (a split needs a capital next: "S. 2560" stays whole)
            if any(number in sentence for number in DYING) and ASKING.search(sentence) and not PAST.search(sentence):
                yield path.relative_to(site).as_posix(), sentence


@pytest.fixture(scope="module")
def site_after_jan_3_2027(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    saved = os.environ["PUNCHLIST_TODAY"]
    os.environ["PUNCHLIST_TODAY"] = "2027-01-04"
    try:
        yield build_site(ROOT, tmp_path_factory.mktemp("site-2027-01-04"))
    finally:
        os.environ["PUNCHLIST_TODAY"] = saved


def test_before_the_end_of_the_119th_congress_the_site_asks_for_its_bills(built_site: Path) -> None:
    asks = list(asks_for_dying_bills(built_site))
    pages = {page for page, _ in asks}
    assert {"act/index.html", "index.html"} <= pages, asks  # the check finds what it looks for


def test_after_jan_3_2027_no_page_asks_anyone_to_pass_a_119th_congress_bill(site_after_jan_3_2027: Path) -> None:
    assert DYING  # the data holds such bills
    asks = list(asks_for_dying_bills(site_after_jan_3_2027))
    assert asks == [], "\n".join(f"{page}: {sentence}" for page, sentence in asks)
    act = page_text(site_after_jan_3_2027 / "act" / "index.html")
    assert "The 119th Congress ended at noon on Jan 3, 2027" in act
    assert "Please lead or cosponsor a new Uyghur Genocide Accountability and Sanctions Act" in act


def test_the_member_list_warns_once_a_new_congress_sits(built_site: Path, site_after_jan_3_2027: Path) -> None:
    for page in ("act/index.html", "members/index.html", "members/wa/index.html"):
        assert "This list is out of date" not in page_text(built_site / page), page
        assert "before the 120th Congress began on Jan 3, 2027" in page_text(site_after_jan_3_2027 / page), page


def test_each_state_has_its_page_and_the_file_the_look_up_loads(built_site: Path) -> None:
    states = sorted({m["state"] for m in DATA.members})
    assert len(states) == 56
    for code in states:
        document = json.loads((built_site / "members" / f"{code.lower()}.json").read_text(encoding="utf-8"))
        expected = [m["bioguide"] for m in DATA.members if m["state"] == code]
        assert [m["id"] for m in document["senators"] + document["house"]] == expected, code
        assert (built_site / "members" / code.lower() / "index.html").is_file()
    # The state pages stay out of the sitemap (which every page fetches) and out of search.
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/members/" not in sitemap and "/act/" in sitemap
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if re.match(r"members/[a-z]{2}/", doc["location"])]

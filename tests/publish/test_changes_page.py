"""The "What changed" page: every dated status change of every proposal, newest first, in one
line each that links to the change's note and sources on its year's page and to its proposal's
section."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT
from site_data import load_site_data


@dataclass
class Item:
    id: str
    date: str = ""  # the first <time datetime> in the item
    hrefs: list[str] = field(default_factory=list)  # its links: the year page's entry, the proposal's section
    text: str = ""


class _ChangeList(HTMLParser):
    """The items of <ol class="change-list"> (not the sources lists nested in them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self.lists = 0
        self.inside = False
        self.depth = 0  # <li> nesting inside the change list

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "ol" and "change-list" in (values.get("class") or "").split():
            self.lists += 1
            self.inside = True
        if not self.inside:
            return
        if tag == "li":
            self.depth += 1
            if self.depth == 1:
                self.items.append(Item(id=values.get("id") or ""))
        elif self.depth == 1 and tag == "time" and not self.items[-1].date:
            self.items[-1].date = values.get("datetime") or ""
        elif self.depth >= 1 and tag == "a":  # its sources too, in their nested list
            self.items[-1].hrefs.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "li":
            self.depth -= 1
        elif self.inside and tag == "ol" and self.depth == 0:
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and self.depth >= 1:
            self.items[-1].text += data


def change_items(page: Path) -> list[Item]:
    parser = _ChangeList()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.lists == 1, f"expected one change list on {page}"
    return parser.items


@pytest.fixture(scope="module")
def changes(built_site: Path) -> list[Item]:
    return change_items(built_site / "changes" / "index.html")


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data", docs_dir=ROOT / "docs")


def test_every_dated_status_change_is_listed(changes: list[Item], data) -> None:
    expected = sum(len(proposal.get("history", [])) + 1 for proposal in data.proposals)
    assert len(changes) == expected
    assert sum("(current status)" in item.text for item in changes) == len(data.proposals)
    listed = {(item.id, item.date) for item in changes}
    for proposal in data.proposals:
        for entry in [*proposal.get("history", []), proposal["status"]]:
            date = entry.get("date", entry.get("as_of"))
            assert (f"change-{proposal['id']}-{date}", date) in listed, f"{proposal['id']} on {date} is missing"


def test_changes_are_newest_first(changes: list[Item]) -> None:
    dates = [item.date for item in changes]
    assert all(len(date) == 10 for date in dates), dates
    assert dates == sorted(dates, reverse=True)


def test_each_change_has_its_own_anchor(changes: list[Item]) -> None:
    ids = [item.id for item in changes]
    assert all(ids) and len(set(ids)) == len(ids), "change anchors must be unique"


def test_each_change_links_to_its_proposals_section(built_site: Path, changes: list[Item], data) -> None:
    lever_pages = {lever["id"]: lever["page"].removesuffix(".md") + "/" for lever in data.levers}
    for item in changes:
        proposal_id = item.id.removeprefix("change-").removesuffix(f"-{item.date}")
        proposal = data.proposal(proposal_id)
        assert proposal is not None, item.id
        parts = urlsplit(urljoin("/changes/", item.hrefs[1]))
        assert (parts.path, parts.fragment) == ("/" + lever_pages[proposal["lever"]], proposal_id), item.hrefs
        target = built_site / unquote(parts.path).lstrip("/") / "index.html"
        assert f'id="{proposal_id}"' in target.read_text(encoding="utf-8"), f"no section #{proposal_id} on {parts.path}"


def test_each_change_leads_to_its_note_and_sources_on_its_years_page(built_site: Path, changes: list[Item]) -> None:
    for item in changes:
        parts = urlsplit(urljoin("/changes/", item.hrefs[0]))
        assert (parts.path, parts.fragment) == (f"/changes/{item.date[:4]}/", item.id), item.hrefs
    by_year: dict[str, list[str]] = {}
    for item in changes:
        by_year.setdefault(item.date[:4], []).append(item.id)
    for year, ids in by_year.items():
        on_page = change_items(built_site / "changes" / year / "index.html")
        assert [entry.id for entry in on_page] == ids  # the same changes, in the same order
        for entry in on_page:
            assert any(href.startswith("https://") for href in entry.hrefs), f"{entry.id}: no source"

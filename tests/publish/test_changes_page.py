"""The "What changed" page: every dated status change of every proposal, newest first,
each linking to its proposal's section."""

from __future__ import annotations

from dataclasses import dataclass
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
    href: str = ""  # the first link in the item: the proposal's section
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
        elif self.depth == 1 and tag == "a" and not self.items[-1].href:
            self.items[-1].href = values.get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "li":
            self.depth -= 1
        elif self.inside and tag == "ol" and self.depth == 0:
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and self.depth >= 1:
            self.items[-1].text += data


@pytest.fixture(scope="module")
def changes(built_site: Path) -> list[Item]:
    parser = _ChangeList()
    parser.feed((built_site / "changes" / "index.html").read_text(encoding="utf-8"))
    assert parser.lists == 1, "expected one change list on the page"
    return parser.items


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
        parts = urlsplit(urljoin("/changes/", item.href))
        assert (parts.path, parts.fragment) == ("/" + lever_pages[proposal["lever"]], proposal_id), item.href
        target = built_site / unquote(parts.path).lstrip("/") / "index.html"
        assert f'id="{proposal_id}"' in target.read_text(encoding="utf-8"), f"no section #{proposal_id} on {parts.path}"

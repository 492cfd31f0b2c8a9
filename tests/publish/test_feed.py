"""The Atom feed of status changes: valid RFC 4287, the same changes as the "What changed"
page, newest first, text kept as text, and advertised in every page's head."""

from __future__ import annotations

import copy
import dataclasses
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml

from atom import NS, alternate_href, checked_entries, entry_dates, self_href, text_of
from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR, build_site, copy_project
from site_data import SiteData, StatusChange, load_site_data
from site_feed import FEED_PATH, FeedError, atom_feed
from site_yaml import DataYamlLoader

SITE = "https://example.org/punch-list/"
HOSTILE_NOTE = 'Moved <script>alert("feed")</script> & <b>bold</b> ]]> <![CDATA[x]]> &amp; \x0b end'
HOSTILE_TITLE = "Ban <img src=x onerror=alert(1)> imports"


def expected_count(data: SiteData) -> int:
    """One change per history entry plus the current status, for every proposal."""
    return sum(len(p.get("history", [])) + 1 for p in data.proposals)


def fixture_feed(data: SiteData, changes: list[StatusChange] | None = None) -> str:
    return atom_feed(
        data.status_changes() if changes is None else changes,
        site_url=SITE,
        site_name="Punch-List",
        changes_url=SITE + "changes/",
        checked=data.checked,
        link_for=lambda proposal: f"{SITE}{proposal['lever']}/#{proposal['id']}",
    )


def write_data(documents: dict[str, Any], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, document in documents.items():
        (folder / f"{stem}.yml").write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return folder


def read_documents(folder: Path) -> dict[str, Any]:
    return {
        path.stem: yaml.load(path.read_text(encoding="utf-8"), Loader=DataYamlLoader)
        for path in sorted(folder.glob("*.yml"))
    }


# ---- The pure function, on the small fixture data set --------------------------------


def test_feed_is_valid_atom_with_one_entry_per_change_newest_first() -> None:
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    feed, entries = checked_entries(fixture_feed(data))
    assert len(entries) == expected_count(data) == len(data.status_changes())
    assert entry_dates(entries) == sorted(entry_dates(entries), reverse=True)
    assert self_href(feed) == SITE + FEED_PATH
    assert alternate_href(feed) == SITE + "changes/"
    assert text_of(feed, "updated") == f"{data.checked}T00:00:00Z"
    assert text_of(entries[0], "id") == SITE + "changes/#change-ilo-inquiry-2025-06-01"
    (wro,) = [e for e in entries if text_of(e, "id") == SITE + "changes/#change-region-wide-wro-2022-06-21"]
    assert alternate_href(wro) == SITE + "customs/#region-wide-wro"
    assert text_of(wro, "title") == "Issue a region-wide WRO on Xinjiang cotton and tomatoes: Done"
    summary = text_of(wro, "summary")
    assert summary.startswith("Done as of Jun 21, 2022. This is its current status. Issued January 2021")
    assert "Example source <https://example.org/wro>" in summary  # its source


def test_hostile_text_stays_text() -> None:
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    original = next(c for c in data.status_changes() if c.state == "done")
    proposal = {**original.proposal, "title": HOSTILE_TITLE}
    hostile = dataclasses.replace(original, proposal=proposal, note=HOSTILE_NOTE)
    text = fixture_feed(data, [hostile])
    assert "<script" not in text and "<b>" not in text and "<img" not in text
    _, (entry,) = checked_entries(text)  # still well-formed, no CDATA trick, no control character
    assert [child.tag for child in entry.iter()] == [child.tag for child in entry.iter() if child.tag.startswith(NS)]
    summary = text_of(entry, "summary")
    assert 'Moved <script>alert("feed")</script> & <b>bold</b> ]]> <![CDATA[x]]> &amp; end' in summary
    assert text_of(entry, "title") == f"{HOSTILE_TITLE}: Done"


def test_an_entry_keeps_its_id_when_its_status_moves_into_history(tmp_path: Path) -> None:
    documents = read_documents(FIXTURE_DATA)
    before = load_site_data(write_data(documents, tmp_path / "before"), schema_dir=SCHEMA_DIR)

    later = copy.deepcopy(documents)
    proposal = later["proposals"]["proposals"][1]
    old = proposal["status"]
    proposal["history"] = [
        {"state": old["state"], "date": old["as_of"], "note": old["note"], "sources": old["sources"]}
    ]
    proposal["status"] = {**old, "state": "pending", "as_of": "2026-11-01", "note": "A request was filed."}
    after = load_site_data(write_data(later, tmp_path / "after"), schema_dir=SCHEMA_DIR)

    ids_before = [text_of(e, "id") for e in checked_entries(fixture_feed(before))[1]]
    _, entries_after = checked_entries(fixture_feed(after))
    ids_after = [text_of(e, "id") for e in entries_after]
    assert set(ids_before) < set(ids_after)
    assert ids_after[0] == SITE + "changes/#change-ilo-inquiry-2026-11-01"  # the new change comes first


@pytest.mark.parametrize("bad", ["", "/", "punch-list/", "https://example.org/no-slash"])
def test_feed_needs_an_absolute_site_url(bad: str) -> None:
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    with pytest.raises(FeedError, match="absolute address"):
        atom_feed(
            data.status_changes(),
            site_url=bad,
            site_name="x",
            changes_url=bad,
            checked=data.checked,
            link_for=lambda proposal: bad,
        )


# ---- The built site ------------------------------------------------------------------


class _FeedLinks(HTMLParser):
    """The href of every <link rel="alternate" type="application/atom+xml"> in the <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self.in_head = True
        if (
            tag == "link"
            and self.in_head
            and values.get("rel") == "alternate"
            and values.get("type") == "application/atom+xml"
        ):
            self.hrefs.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def site_url_of(site: Path) -> str:
    """The site_url the site was built with, read back from its sitemap (the home page's address)."""
    return min(re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")), key=len)


def check_feed_links_in_every_page(site: Path, site_url: str) -> int:
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        relative = path.relative_to(site).as_posix()
        page_url = site_url + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        parser = _FeedLinks()
        parser.feed(path.read_text(encoding="utf-8"))
        assert len(parser.hrefs) == 1, f"{relative}: expected one feed link in the head, found {parser.hrefs}"
        assert urljoin(page_url, parser.hrefs[0]) == site_url + FEED_PATH, f"{relative}: {parser.hrefs[0]}"
    return len(pages)


def check_entry_links_reach_sections(site: Path, site_url: str, entries: list[ET.Element]) -> None:
    for entry in entries:
        href = alternate_href(entry)
        assert href.startswith(site_url), href
        path, _, anchor = href[len(site_url) :].partition("#")
        page = site / path / "index.html" if path.endswith("/") or not path else site / path
        assert page.is_file(), f"{href}: no such page in the build"
        assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), f"{href}: no section #{anchor}"


def test_built_feed_has_every_change_newest_first(built_site: Path) -> None:
    data = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
    site_url = site_url_of(built_site)
    feed, entries = checked_entries((built_site / FEED_PATH).read_text(encoding="utf-8"))
    assert len(entries) == expected_count(data)
    assert entry_dates(entries) == sorted(entry_dates(entries), reverse=True)
    assert self_href(feed) == site_url + FEED_PATH
    assert alternate_href(feed) == site_url + "changes/"
    for entry in entries:
        assert text_of(entry, "id").startswith(site_url + "changes/#change-")
    check_entry_links_reach_sections(built_site, site_url, entries)


def test_every_built_page_advertises_the_feed(built_site: Path) -> None:
    assert check_feed_links_in_every_page(built_site, site_url_of(built_site)) >= 10


def test_built_entry_ids_are_the_change_anchors_of_the_changes_page(built_site: Path) -> None:
    site_url = site_url_of(built_site)
    _, entries = checked_entries((built_site / FEED_PATH).read_text(encoding="utf-8"))
    page = (built_site / "changes" / "index.html").read_text(encoding="utf-8")
    for entry in entries:
        anchor = text_of(entry, "id").removeprefix(site_url + "changes/#")
        assert f'<li id="{anchor}">' in page, anchor


def test_feed_follows_site_url_and_keeps_hostile_data_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A deploy under a sub-path (as on GitHub Pages), with hostile text in the data."""
    project = copy_project(tmp_path / "project")
    proposals_file = project / "data" / "proposals.yml"
    proposals = yaml.load(proposals_file.read_text(encoding="utf-8"), Loader=DataYamlLoader)
    target = proposals["proposals"][0]
    target["status"]["note"] = HOSTILE_NOTE
    proposals_file.write_text(yaml.safe_dump(proposals, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("SITE_URL", SITE)
    site = build_site(project, tmp_path / "site")

    feed, entries = checked_entries((site / FEED_PATH).read_text(encoding="utf-8"))
    assert self_href(feed) == SITE + FEED_PATH
    check_entry_links_reach_sections(site, SITE, entries)
    check_feed_links_in_every_page(site, SITE)
    current = [
        e for e in entries if text_of(e, "id") == f"{SITE}changes/#change-{target['id']}-{target['status']['as_of']}"
    ]
    assert len(current) == 1
    assert 'Moved <script>alert("feed")</script> & <b>bold</b>' in text_of(current[0], "summary")
    assert "<script" not in (site / FEED_PATH).read_text(encoding="utf-8")

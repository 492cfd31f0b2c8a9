"""Checking an Atom feed against what RFC 4287 requires (a small checker for the tests)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _one(parent: ET.Element, tag: str, where: str) -> ET.Element:
    found = parent.findall(NS + tag)
    assert len(found) == 1, f"{where}: expected exactly one atom:{tag}, found {len(found)}"
    return found[0]


def text_of(parent: ET.Element, tag: str) -> str:
    """The text of `parent`'s one atom:`tag` child ('' when it is empty)."""
    return _one(parent, tag, parent.tag.removeprefix(NS)).text or ""


def _absolute(iri: str, where: str) -> str:
    assert urlsplit(iri).scheme in ("http", "https", "tag", "urn"), f"{where}: {iri!r} is not an absolute IRI"
    return iri


def _links(parent: ET.Element, rel: str) -> list[ET.Element]:
    return [link for link in parent.findall(NS + "link") if link.get("rel", "alternate") == rel]


def checked_entries(xml_text: str) -> tuple[ET.Element, list[ET.Element]]:
    """Parse `xml_text`, assert it is an Atom feed with everything RFC 4287 requires, and
    return the feed element and its entries (in document order)."""
    feed = ET.fromstring(xml_text)
    assert feed.tag == NS + "feed", f"root element is {feed.tag}, not atom:feed"
    _absolute(_one(feed, "id", "feed").text or "", "feed id")
    assert (_one(feed, "title", "feed").text or "").strip(), "feed: empty title"
    updated = _one(feed, "updated", "feed").text or ""
    assert RFC3339.match(updated), f"feed: updated {updated!r} is not an RFC 3339 date-time"
    (self_link,) = _links(feed, "self")
    assert self_link.get("type") == "application/atom+xml"
    _absolute(self_link.get("href", ""), "feed self link")
    assert _links(feed, "alternate"), "feed: no alternate link"
    feed_author = feed.find(NS + "author")
    feed_has_author = feed_author is not None
    if feed_author is not None:
        assert text_of(feed_author, "name").strip(), "feed author without a name"

    entries = feed.findall(NS + "entry")
    ids = []
    for n, entry in enumerate(entries):
        where = f"entry #{n + 1}"
        ids.append(_absolute(_one(entry, "id", where).text or "", where))
        assert (_one(entry, "title", where).text or "").strip(), f"{where}: empty title"
        entry_updated = _one(entry, "updated", where).text or ""
        assert RFC3339.match(entry_updated), f"{where}: updated {entry_updated!r}"
        assert entry_updated <= updated, f"{where}: updated after the feed's updated"
        alternates = _links(entry, "alternate")
        assert len(alternates) == 1, f"{where}: expected one alternate link"
        _absolute(alternates[0].get("href", ""), f"{where} link")
        summary = _one(entry, "summary", where)
        assert summary.get("type", "text") == "text" and (summary.text or "").strip(), f"{where}: summary"
        assert len(summary) == 0, f"{where}: markup inside a text summary"
        assert feed_has_author or entry.find(NS + "author") is not None, f"{where}: no author"
    assert len(ids) == len(set(ids)), "entry ids are not unique"
    return feed, entries


def entry_dates(entries: list[ET.Element]) -> list[str]:
    return [text_of(entry, "updated")[:10] for entry in entries]


def alternate_href(element: ET.Element) -> str:
    return _links(element, "alternate")[0].get("href", "")


def self_href(feed: ET.Element) -> str:
    return _links(feed, "self")[0].get("href", "")

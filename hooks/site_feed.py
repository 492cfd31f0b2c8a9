"""The Atom feed (RFC 4287) of every dated status change, written into the site at build time.

No MkDocs import: `atom_feed` takes the changes and plain strings (the site's
address, the "What changed" page's address) and returns the feed's XML text;
the hook adds it to the build as FEED_PATH. Every value goes into the XML through
`_xml`, which escapes it, so markup in a note reaches the reader as those literal
characters, never as markup. (Written as text rather than with ElementTree, which
took about three times as long on large data.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from site_data import StatusChange
from site_text import FEED_PATH, fold, format_date

ATOM_NS = "http://www.w3.org/2005/Atom"

# Characters XML 1.0 cannot hold at all (YAML's "\x0b" escapes can put them in a note).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class FeedError(ValueError):
    """The feed cannot be written as asked (it needs the site's absolute address)."""


def _timestamp(iso_date: str) -> str:
    """'2022-06-21' -> '2022-06-21T00:00:00Z' (Atom dates are RFC 3339 date-times)."""
    return f"{iso_date}T00:00:00Z"


def _xml(value: Any) -> str:
    """Text or attribute value for the XML: runs of whitespace folded to one space,
    characters XML cannot hold dropped, markup escaped."""
    return html.escape(fold(_NOT_XML.sub("", str(value))), quote=True)


def entry_title(change: StatusChange) -> str:
    """'Issue a region-wide WRO…: Done' — the proposal and the state it reached."""
    return f"{change.proposal['title']}: {change.label}"


def entry_summary(change: StatusChange) -> str:
    """The note, then its sources, as plain text (feed readers show it as is)."""
    now = " This is its current status." if change.current else ""
    sources = "; ".join(f"{s['title']} <{s['url']}>" for s in change.sources)
    return f"{change.label} as of {format_date(change.date)}.{now} {change.note} Sources: {sources}"


def atom_feed(
    changes: Sequence[StatusChange],
    *,
    site_url: str,
    site_name: str,
    changes_url: str,
    checked: str,
    link_for: Callable[[Mapping[str, Any]], str],
) -> str:
    """The Atom feed of `changes` (newest first, as SiteData.status_changes gives them).

    `site_url` is the site's absolute address ending in '/'; `changes_url` the absolute
    address of the "What changed" page; `checked` the date the statuses were last checked
    (the feed's `updated`, never earlier than any entry); `link_for(proposal)` the absolute
    address of a proposal's section, where each entry links."""
    if not re.match(r"^https?://", site_url) or not site_url.endswith("/"):
        raise FeedError(
            f"the Atom feed needs the site's absolute address: set site_url (or SITE_URL) to "
            f"'https://…/', got {site_url!r}"
        )

    head = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="{ATOM_NS}" xml:lang="en">
  <id>{_xml(site_url + FEED_PATH)}</id>
  <title>{_xml(f"{site_name}: what changed")}</title>
  <subtitle>Every dated change in the status of the punch-list's proposals, newest first.</subtitle>
  <updated>{_xml(_timestamp(checked))}</updated>
  <author>
    <name>{_xml(site_name)}</name>
    <uri>{_xml(site_url)}</uri>
  </author>
  <link rel="self" type="application/atom+xml" href="{_xml(site_url + FEED_PATH)}" />
  <link rel="alternate" type="text/html" href="{_xml(changes_url)}" />
"""
    # Each entry's id is the change's own anchor on the "What changed" page: stable while the
    # site stays put, and unchanged when a current status later moves into the proposal's history.
    entries = [
        f"""  <entry>
    <id>{_xml(f"{changes_url}#{change.anchor}")}</id>
    <title type="text">{_xml(entry_title(change))}</title>
    <updated>{_xml(_timestamp(change.date))}</updated>
    <published>{_xml(_timestamp(change.date))}</published>
    <link rel="alternate" type="text/html" href="{_xml(link_for(change.proposal))}" />
    <category term="{_xml(change.state)}" label="{_xml(change.label)}" />
    <summary type="text">{_xml(entry_summary(change))}</summary>
  </entry>
"""
        for change in changes
    ]
    return head + "".join(entries) + "</feed>\n"

"""Render the site's data as HTML blocks placed into the pages.

Every value from the data passes through `esc`, so text holding HTML, Markdown
syntax, pipes or newlines reaches the reader as that literal text. Generated blocks
never pass through Markdown, the theme or the plugins: a page's markers
(`<!-- data:wros -->`) are rendered once after Markdown, and filled into the finished
page; the punch-list, the same on many pages, is rendered once per build and placed
under each page's H1. Instead of having the search plugin parse their HTML, each block
gives one plain search record per item (a WRO, a bill, a change, a status).
No MkDocs import: the hook passes plain strings (page URLs, the site URL) and the
search index's list of entries.
"""

from __future__ import annotations

import datetime
import functools
import html
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from site_data import STATE_LABELS, WORD_BEFORE_TERM, SiteData
from site_exports import DOWNLOAD_KINDS, DOWNLOADS_DIR

HOME_PAGE = "index.md"
DOWNLOAD_LABELS = {"proposals": "The punch-list", "wros": "WROs and Findings", "bills": "Bills and laws"}

WRO_STATE_LABELS = {
    "in-force": "In force",
    "under-uflpa": "Enforced under the UFLPA",
    "became-finding": "Became a Finding",
    "not-confirmed": "Current status not confirmed",
}
BILL_STEP_LABELS = {
    "introduced": "Introduced",
    "passed-house": "Passed the House",
    "passed-senate": "Passed the Senate",
    "passed-both": "Passed both chambers",
    "enacted": "Enacted",
}

MARKER = re.compile(r"<!--\s*(data|status):([a-z0-9-]+)\s*-->")
_ID = re.compile(r'\sid="([^"]+)"')
_BLOCK_TAG = re.compile(r"<(?:br|/?(?:td|th|tr|li|dt|dd|p|h3|ul|ol|dl|caption|section))\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>#</a>')


@dataclass(frozen=True)
class SearchRecord:
    """One generated item for the site search: its anchor on the page, a title and a text,
    both already escaped (Material's search shows them as HTML)."""

    anchor: str
    title: str
    text: str
    # True: the item's anchor is a heading of the page, whose own search entry gets this text.
    joins_heading: bool = False


@dataclass(frozen=True)
class Block:
    """A generated block: its HTML and its items for search."""

    html: str
    search_records: tuple[SearchRecord, ...] = ()


def search_text(fragment: str) -> str:
    """Generated HTML as search text: tags and permalinks dropped (cells and items kept apart
    by a space), entities kept, so it stays inert."""
    return " ".join(_TAG.sub("", _BLOCK_TAG.sub(" ", _PERMALINK.sub("", fragment))).split())


@dataclass(frozen=True)
class PageContext:
    """Where a page sits: what a renderer needs to build links from it."""

    src_uri: str  # e.g. "customs.md"
    url: str  # site-relative URL, e.g. "customs/" ("" for the home page)
    page_urls: Mapping[str, str]  # src_uri -> site-relative URL, for every page
    site_url: str  # absolute, ends with "/"

    def link(self, src_uri: str, anchor: str = "") -> str:
        """A link from this page to a page (and anchor), relative so it works on any host."""
        if src_uri == self.src_uri and anchor:
            return f"#{anchor}"
        target = relative_url(self.page_urls[src_uri], self.url)
        return f"{target}#{anchor}" if anchor else target

    def link_to_file(self, path: str) -> str:
        return relative_url(path, self.url)

    def absolute(self, src_uri: str, anchor: str = "") -> str:
        url = self.site_url + self.page_urls[src_uri]
        return f"{url}#{anchor}" if anchor else url

    def short_path(self, src_uri: str, anchor: str = "") -> str:
        """The address without scheme, short enough to print and type: host/path/#anchor."""
        return re.sub(r"^https?://", "", self.absolute(src_uri, anchor))


class MarkerError(ValueError):
    """A page asks for something the data does not have."""


# ---- Small helpers -----------------------------------------------------------


def esc(value: Any) -> str:
    """Inert HTML text: markup escaped, runs of whitespace (newlines too) folded to one space."""
    return html.escape(" ".join(str(value).split()), quote=True)


def prose(text: str, data: SiteData) -> str:
    """Inert text with each glossary term marked as an abbreviation, so the table shows the
    same tooltips as the pages (Markdown's abbr extension does not reach raw HTML)."""
    escaped = esc(text)
    pattern = data.glossary_pattern
    if pattern is None:
        return escaped
    meanings = data.glossary_meanings

    def mark(match: re.Match[str]) -> str:
        term, start = match.group(1), match.start()
        if start and WORD_BEFORE_TERM.match(escaped, start - 1):
            return term
        return f'<abbr title="{meanings[term]}">{term}</abbr>'

    return pattern.sub(mark, escaped)


@functools.lru_cache(maxsize=4096)  # thousands of links share a few page pairs
def relative_url(target: str, base: str) -> str:
    """Relative link from the page at site URL `base` to site URL `target` (both like 'a/b/')."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    rel = posixpath.relpath("/" + target, "/" + base_dir)
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@functools.lru_cache(maxsize=4096)  # many records share dates
def format_date(iso: str) -> str:
    """'2022-06-21' -> 'Jun 21, 2022' (the U.S. style the readers use)."""
    day = datetime.date.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


@functools.lru_cache(maxsize=4096)
def time_tag(iso: str) -> str:
    return f'<time datetime="{esc(iso)}">{esc(format_date(iso))}</time>'


def permalink(anchor: str, what: str) -> str:
    return f'<a class="headerlink" href="#{esc(anchor)}" title="Link to this {esc(what)}">#</a>'


def external_link(source: Mapping[str, str]) -> str:
    # Generated blocks go in after the privacy plugin, which gives the pages' own outbound
    # links these attributes (links_attr_map in mkdocs.yml).
    date = f" ({esc(format_date(source['date']))})" if source.get("date") else ""
    return (
        f'<a href="{esc(source["url"])}" referrerpolicy="no-referrer" rel="noopener noreferrer">'
        f'{esc(source["title"])}</a>{date}'
    )


def sources_list(sources: Sequence[Mapping[str, str]], css_class: str = "sources") -> str:
    items = "".join(f"<li>{external_link(s)}</li>" for s in sources)
    return f'<ul class="{css_class}">{items}</ul>'


@functools.lru_cache(maxsize=None)  # a handful of states
def state_badge(state: str) -> str:
    return f'<span class="status status--{esc(state)}">{esc(STATE_LABELS[state])}</span>'


def status_text(proposal: Mapping[str, Any]) -> str:
    status = proposal["status"]
    return f"{STATE_LABELS[status['state']]} (as of {format_date(status['as_of'])})"


def copy_text_attr(text: str) -> str:
    """An attribute value holding multi-line text; newlines become character references
    so that no blank line can end the raw HTML block early."""
    return html.escape(text, quote=True).replace("\r", "").replace("\n", "&#10;")


def proposal_address(proposal: Mapping[str, Any], data: SiteData, ctx: PageContext) -> str:
    """The proposal's permanent, absolute address: its section on its lever page."""
    return ctx.absolute(data.lever(proposal["lever"])["page"], proposal["id"])


def email_text(proposal: Mapping[str, Any], deep_link: str) -> str:
    """The plain text a reader pastes into an email about one proposal."""
    def fold(text: str) -> str:
        return " ".join(text.split())

    return (
        f"{fold(proposal['title'])}\n"
        f"Who acts: {fold(', '.join(proposal['actor']))}\n"
        f"Status: {status_text(proposal)}\n"
        f"{deep_link}"
    )


def _vehicle(proposal: Mapping[str, Any], data: SiteData, ctx: PageContext) -> str:
    parts = [prose(proposal["vehicle"]["authority"], data)]
    bills = [data.bill(bill_id) for bill_id in proposal["vehicle"].get("bills", [])]
    if bills:
        links = ", ".join(
            f'<a href="{esc(ctx.link("bills.md", bill["id"]))}">{esc(bill["number"])}</a>' for bill in bills
        )
        parts.append(f'<span class="vehicle-bills">{links}</span>')
    return "<br>".join(parts)


# ---- The punch-list ------------------------------------------------------------


def _proposal_row(proposal: Mapping[str, Any], data: SiteData, ctx: PageContext) -> str:
    lever_page = data.lever(proposal["lever"])["page"]
    deep_link = proposal_address(proposal, data, ctx)
    status = proposal["status"]
    return (
        f'<tr data-proposal="{esc(proposal["id"])}" data-copy-text="{copy_text_attr(email_text(proposal, deep_link))}">'
        f'<td class="punch-list__proposal"><a href="{esc(ctx.link(lever_page, proposal["id"]))}">{prose(proposal["title"], data)}</a>'
        f'<span class="punch-list__address">{esc(ctx.short_path(lever_page, proposal["id"]))}</span></td>'
        f'<td class="punch-list__actor">{prose(", ".join(proposal["actor"]), data)}</td>'
        f'<td class="punch-list__vehicle">{_vehicle(proposal, data, ctx)}</td>'
        f'<td class="punch-list__status">{state_badge(status["state"])} '
        f'<span class="as-of">as of {time_tag(status["as_of"])}</span></td>'
        "</tr>"
    )


def _table_head() -> str:
    cells = "".join(f'<th scope="col">{name}</th>' for name in ("Proposal", "Who acts", "Vehicle", "Status"))
    return f"<thead><tr>{cells}</tr></thead>"


def render_punch_list(data: SiteData, ctx: PageContext) -> str:
    """The summary table placed under the H1: all proposals by lever on the home page,
    one lever's on its page, and the full list, folded, everywhere else."""
    lever = data.lever_for_page(ctx.src_uri)
    home = ctx.src_uri == HOME_PAGE
    checked = f"status checked {time_tag(data.checked)}"
    if lever is not None:
        proposals = data.proposals_for(lever["id"])
        body = "".join(_proposal_row(p, data, ctx) for p in proposals)
        caption = f"{esc(lever['title'])}: {plural(len(proposals), 'proposal')}, {checked}"
        more = f'<p class="punch-list__more"><a href="{esc(ctx.link(HOME_PAGE))}">All {len(data.proposals)} proposals on the punch-list</a></p>'
        table = f"<table><caption>{caption}</caption>{_table_head()}<tbody>{body}</tbody></table>"
        return _wrap("lever", table + more)

    groups = []
    for group in data.levers:
        heading = f'<a href="{esc(ctx.link(group["page"]))}">{esc(group["title"])}</a>'
        rows = "".join(_proposal_row(p, data, ctx) for p in data.proposals_for(group["id"]))
        groups.append(f'<tr class="punch-list__group"><th colspan="4" scope="colgroup">{heading}</th></tr>{rows}')
    caption = f"The punch-list: {plural(len(data.proposals), 'proposal')}, {checked}"
    table = f"<table><caption>{caption}</caption>{_table_head()}<tbody>{''.join(groups)}</tbody></table>"
    if home:
        return _wrap("full", table)
    folded = f"<details><summary>{caption}</summary>{table}</details>"
    return _wrap("compact", folded)


def _wrap(kind: str, inner: str) -> str:
    return f'<div class="punch-list punch-list--{kind}" data-search-exclude>{inner}</div>'


_RELATIVE_HREF = re.compile(r'href="(?:\./)?(?![a-z][a-z0-9+.-]*:|#|/)')
_H1_END = re.compile(r"</h1>")
_ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*">')


class PunchLists:
    """The punch-list in its forms (home, one per lever, compact), each rendered once per
    build with links from the site root, then re-based for the page that shows it."""

    def __init__(self, data: SiteData, page_urls: Mapping[str, str], site_url: str) -> None:
        self._data = data
        self._page_urls = page_urls
        self._site_url = site_url
        self._rendered: dict[str, str] = {}

    def for_page(self, src_uri: str, url: str) -> str:
        lever = self._data.lever_for_page(src_uri)
        form = HOME_PAGE if src_uri == HOME_PAGE else lever["page"] if lever else ""
        if form not in self._rendered:
            root = PageContext(src_uri=form, url="", page_urls=self._page_urls, site_url=self._site_url)
            self._rendered[form] = render_punch_list(self._data, root)
        prefix = relative_url("", url)
        return _RELATIVE_HREF.sub(f'href="{prefix}', self._rendered[form]) if prefix != "./" else self._rendered[form]


def insert_after_h1(page_html: str, block: str) -> str:
    """Put `block` right after the page's first H1 (or at the top of its article if it has none)."""
    article = _ARTICLE_START.search(page_html)
    start = article.end() if article else 0
    end_of_h1 = _H1_END.search(page_html, start)
    at = end_of_h1.end() if end_of_h1 else start
    return f"{page_html[:at]}\n{block}\n{page_html[at:]}"


# ---- A proposal's status box on its lever page ------------------------------------


def render_status_box(proposal: Mapping[str, Any], data: SiteData, ctx: PageContext) -> Block:
    status = proposal["status"]
    deep_link = proposal_address(proposal, data, ctx)
    rows = (
        f"<dt>Status</dt><dd>{state_badge(status['state'])} as of {time_tag(status['as_of'])}. {prose(status['note'], data)}</dd>"
        f"<dt>Who acts</dt><dd>{esc(', '.join(proposal['actor']))}</dd>"
        f"<dt>Vehicle</dt><dd>{_vehicle(proposal, data, ctx)}</dd>"
        f"<dt>Why</dt><dd>{prose(proposal['why'], data)}</dd>"
        f"<dt>Sources</dt><dd>{sources_list(status['sources'])}</dd>"
    )
    box = (
        f'<div class="proposal-status" data-proposal="{esc(proposal["id"])}" '
        f'data-copy-text="{copy_text_attr(email_text(proposal, deep_link))}">'
        f"<dl>{rows}</dl></div>"
    )
    record = SearchRecord(proposal["id"], esc(proposal["title"]), search_text(rows), joins_heading=True)
    return Block(box, (record,))


# ---- Data pages ------------------------------------------------------------------


def render_wros(data: SiteData, ctx: PageContext) -> Block:
    head = "".join(
        f'<th scope="col">{name}</th>'
        for name in ("Announced", "Type", "Entity", "Products", "Location", "Xinjiang", "Status", "Sources")
    )
    rows, records = [], []
    for wro in data.wros:
        order = f'<br><span class="order-date">order {time_tag(wro["order_date"])}</span>' if wro.get("order_date") else ""
        status = wro["status"]
        row = (
            f'<tr id="{esc(wro["id"])}">'
            f"<td>{time_tag(wro['date'])}{order}</td>"
            f"<td>{esc(wro['type'])}</td>"
            f"<td>{esc(wro['entity'])} {permalink(wro['id'], 'record')}</td>"
            f"<td>{prose(wro['products'], data)}</td>"
            f"<td>{esc(wro['location'])}</td>"
            f"<td>{'Yes' if wro['xinjiang'] else 'No'}</td>"
            f"<td><strong>{esc(WRO_STATE_LABELS[status['state']])}</strong> (as of {time_tag(status['as_of'])}). {prose(status['note'], data)}</td>"
            f"<td>{sources_list(wro['sources'])}</td>"
            "</tr>"
        )
        rows.append(row)
        records.append(SearchRecord(wro["id"], f"{esc(wro['type'])}: {esc(wro['entity'])}", search_text(row)))
    caption = f"{len(data.wros)} Withhold Release Orders and Findings, list checked {time_tag(data.wros_checked)}"
    table = (
        f'<div class="record-table wro-table"><table><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    return Block(table, tuple(records))


def render_bills(data: SiteData, ctx: PageContext) -> Block:
    blocks, records = [], []
    for bill in data.bills:
        status = bill["status"]
        vote = f", {esc(status['vote'])}" if status.get("vote") else ""
        note = f" {prose(status['note'], data)}" if status.get("note") else ""
        facts = (
            f"<dt>Sponsor</dt><dd>{esc(bill['sponsor'])}</dd>"
            f"<dt>Introduced</dt><dd>{time_tag(bill['introduced'])} ({esc(bill['congress'])}th Congress)</dd>"
            f"<dt>Furthest step</dt><dd>{esc(BILL_STEP_LABELS[status['step']])}, {time_tag(status['date'])}{vote}.{note}</dd>"
        )
        if bill.get("public_law"):
            law = bill["public_law"]
            citation = f", {esc(law['citation'])}" if law.get("citation") else ""
            facts += f"<dt>Public law</dt><dd>{esc(law['number'])}{citation}, signed {time_tag(law['signed'])}</dd>"
        facts += f"<dt>What it does</dt><dd>{prose(bill['summary'], data)}</dd>"
        if bill.get("critique"):
            facts += f"<dt>Holes</dt><dd>{prose(bill['critique'], data)}</dd>"
        related = data.proposals_citing_bill(bill["id"])
        if related:
            links = ", ".join(
                f'<a href="{esc(ctx.link(data.lever(p["lever"])["page"], p["id"]))}">{prose(p["title"], data)}</a>' for p in related
            )
            facts += f"<dt>Proposals</dt><dd>{links}</dd>"
        facts += f"<dt>Sources</dt><dd>{sources_list(bill['sources'])}</dd>"
        title = f"{esc(bill['number'])}: {esc(bill['title'])}"
        blocks.append(
            f'<section class="bill" id="{esc(bill["id"])}">'
            f'<h3>{title} {permalink(bill["id"], "bill")}</h3>'
            f"<dl>{facts}</dl></section>"
        )
        records.append(SearchRecord(bill["id"], title, search_text(facts)))
    intro = f'<p class="record-count">{len(data.bills)} bills, list checked {time_tag(data.bills_checked)}.</p>'
    return Block(f'<div class="bill-list">{intro}{"".join(blocks)}</div>', tuple(records))


def render_changes(data: SiteData, ctx: PageContext) -> Block:
    items, records = [], []
    for change in data.status_changes():
        proposal = change.proposal
        lever_page = data.lever(proposal["lever"])["page"]
        link = f'<a href="{esc(ctx.link(lever_page, proposal["id"]))}">{prose(proposal["title"], data)}</a>'
        now = " (current status)" if change.current else ""
        what = f"{state_badge(change.state)}{now}. {prose(change.note, data)}"
        items.append(
            f'<li id="{esc(change.anchor)}">{time_tag(change.date)}: {link}: {what}{sources_list(change.sources)}</li>'
        )
        title = f"{esc(format_date(change.date))}: {esc(proposal['title'])}"
        records.append(SearchRecord(change.anchor, title, search_text(what)))
    return Block(f'<ol class="change-list" reversed>{"".join(items)}</ol>', tuple(records))


def render_glossary(data: SiteData, ctx: PageContext) -> Block:
    terms = sorted(data.glossary, key=lambda t: t["term"].lower())
    entries = "".join(
        f'<dt id="term-{esc(term["term"].lower())}">{esc(term["term"])}</dt><dd>{esc(term["meaning"])}</dd>'
        for term in terms
    )
    records = tuple(SearchRecord(f"term-{esc(t['term'].lower())}", esc(t["term"]), esc(t["meaning"])) for t in terms)
    return Block(f'<dl class="glossary">{entries}</dl>', records)


def render_downloads(data: SiteData, ctx: PageContext) -> Block:
    items = "".join(
        f"<li>{esc(DOWNLOAD_LABELS[kind])}: "
        f'<a href="{esc(ctx.link_to_file(f"{DOWNLOADS_DIR}/{kind}.csv"))}" download>CSV</a>, '
        f'<a href="{esc(ctx.link_to_file(f"{DOWNLOADS_DIR}/{kind}.json"))}" download>JSON</a></li>'
        for kind in DOWNLOAD_KINDS
    )
    return Block(f'<ul class="downloads">{items}</ul>')


DATA_BLOCKS: dict[str, Callable[[SiteData, PageContext], Block]] = {
    "wros": render_wros,
    "bills": render_bills,
    "changes": render_changes,
    "glossary": render_glossary,
    "downloads": render_downloads,
}


# ---- Putting it into a page's Markdown -------------------------------------------


def abbreviations(data: SiteData) -> str:
    """Markdown abbreviation definitions: the glossary as tooltips wherever a term appears."""
    return "\n".join(f"*[{term['term']}]: {' '.join(term['meaning'].split())}" for term in data.glossary)


def add_anchor_aliases(markdown: str, aliases: Mapping[str, str], ctx: PageContext) -> str:
    """Keep old links working after a section is renamed: an empty block carrying the old
    id goes right before the heading that now carries the new one."""
    for old, new in aliases.items():
        heading = re.compile(r"^#{1,6} .*\{[^}\n]*#" + re.escape(new) + r"(?=[\s}])[^}\n]*\}[ \t]*$", re.MULTILINE)
        match = heading.search(markdown)
        if match is None:
            raise MarkerError(f"docs/{ctx.src_uri}: anchor_aliases maps '{old}' to '{new}', but no heading has the id '{new}'")
        alias = f'<div class="anchor-alias" id="{esc(old)}"></div>\n\n'
        markdown = markdown[: match.start()] + alias + markdown[match.start() :]
    return markdown


def render_page_markdown(
    markdown: str, data: SiteData, ctx: PageContext, *, anchor_aliases: Mapping[str, str] | None = None
) -> str:
    """The page's Markdown, its markers checked, renamed sections' old ids kept
    (`anchor_aliases`: old id -> new id, from the front matter) and the glossary appended.
    The markers themselves stay: Markdown passes HTML comments through, and
    `render_page_blocks` renders them after Markdown."""
    for match in MARKER.finditer(markdown):
        _check_marker(match, data, ctx)
    if anchor_aliases:
        markdown = add_anchor_aliases(markdown, anchor_aliases, ctx)
    return f"{markdown}\n\n{abbreviations(data)}\n"


class PageBlocks:
    """The generated blocks of one page, rendered once from its HTML after Markdown: the ids
    they carry, their search records, and `fill`, which puts them into the finished page."""

    def __init__(self, blocks: Mapping[tuple[str, str], Block]) -> None:
        self._blocks = blocks

    @property
    def anchor_ids(self) -> set[str]:
        """The ids the blocks carry (MkDocs checks links to anchors against the ids it saw
        in the Markdown, so it must be told)."""
        return {anchor for block in self._blocks.values() for anchor in _ID.findall(block.html)}

    @property
    def search_records(self) -> list[SearchRecord]:
        return [record for block in self._blocks.values() for record in block.search_records]

    def fill(self, page_html: str) -> str:
        """`page_html` with each marker replaced by its block (a marker not seen after
        Markdown, which the theme cannot add, is left alone)."""
        def block_for(match: re.Match[str]) -> str:
            block = self._blocks.get((match.group(1), match.group(2)))
            return block.html if block else match.group(0)

        return MARKER.sub(block_for, page_html)


def render_page_blocks(page_html: str, data: SiteData, ctx: PageContext) -> PageBlocks:
    """Render the blocks that the page's markers ask for (`page_html`: the page after Markdown)."""
    blocks: dict[tuple[str, str], Block] = {}
    for match in MARKER.finditer(page_html):
        key = (match.group(1), match.group(2))
        if key not in blocks:
            blocks[key] = _render_marker(match, data, ctx)
    return PageBlocks(blocks)


def add_to_search_index(entries: list[dict[str, Any]], page_url: str, records: Sequence[SearchRecord]) -> None:
    """Add a page's generated items to a search index held as Material's list of entries
    ({"location", "title", "text"}), each pointing at its own anchor. An item that belongs
    to a heading (a proposal's status under its section) goes in front of that entry's text."""
    by_location: dict[str, dict[str, Any]] = {}
    if any(record.joins_heading for record in records):
        by_location = {entry["location"]: entry for entry in entries if entry["location"].split("#")[0] == page_url}
    for record in records:
        location = f"{page_url}#{record.anchor}"
        entry = by_location.get(location) if record.joins_heading else None
        if entry is not None:
            entry["text"] = f"{record.text} {entry['text']}".strip()
        else:
            entries.append({"location": location, "title": record.title, "text": record.text})


def _check_marker(match: re.Match[str], data: SiteData, ctx: PageContext) -> None:
    kind, name = match.group(1), match.group(2)
    if kind == "status" and data.proposal(name) is None:
        raise MarkerError(f"docs/{ctx.src_uri}: marker '{match.group(0)}' names no proposal in data/proposals.yml")
    if kind == "data" and name not in DATA_BLOCKS:
        raise MarkerError(
            f"docs/{ctx.src_uri}: unknown marker '{match.group(0)}'; "
            f"expected one of data:{', data:'.join(DATA_BLOCKS)} or status:<proposal id>"
        )


def _render_marker(match: re.Match[str], data: SiteData, ctx: PageContext) -> Block:
    _check_marker(match, data, ctx)
    kind, name = match.group(1), match.group(2)
    if kind == "status":
        return render_status_box(data.proposal(name), data, ctx)
    return DATA_BLOCKS[name](data, ctx)

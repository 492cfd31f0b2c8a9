"""Put the site's data into the pages: the generated blocks, their anchors and search records.

A page asks for a block with a marker (`<!-- data:wros -->`, `<!-- status:<proposal id> -->`).
Each block is a view of the data (site_views.py) rendered by a template (hooks/templates/,
through site_templates.py, which escapes every value). Blocks never pass through Markdown,
the theme or the plugins: a page's markers are rendered once after Markdown and filled into
the finished page; the punch-list goes under each page's H1, rendered once per build for
each form and each distinct way up to the site's root ("../"). Instead of having the search
plugin parse their HTML, each block gives one plain search record per item (a WRO, a bill,
a change, a status), made from its view records, as are the anchor ids it carries.

To add a block: a SiteViews method in site_views.py, a template in hooks/templates/, and an
entry in DATA_BLOCKS below (with a function giving its search records, if it has items).

No MkDocs import: the hook passes plain strings (page URLs, the site URL) and the search
index's list of entries.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2

from html_reader import PUNCH_LIST_PLACE as PUNCH_LIST_PLACE  # where a page wants the punch-list
from html_reader import punch_list_place
from site_data import SiteData
from site_entity_search import entity_names_json, entity_search_view
from site_figures import ProseFigures, UnknownFigure
from site_members import member_lookup_view, members_index_view, state_members_view
from site_record_views import (
    ChartsView,
    EntityListView,
    EntityYearView,
    UflpaFiguresView,
    bill_overview,
    entity_list_charts,
    entity_list_view,
    entity_year_view,
    uflpa_figures_view,
    wro_charts,
)
from site_templates import ENVIRONMENT, Glossary, Here, render
from site_text import BILL_CONGRESS_PAGE, CHANGES_YEAR_PAGE, ENTITY_YEAR_PAGE, HOME_PAGE, cyclic_gc_paused, fold
from site_views import (
    AskListView,
    BillListView,
    ChangeListView,
    GlossaryView,
    ProposalView,
    PunchListForm,
    SiteMap,
    SiteViews,
    Source,
    WroTableView,
)

MARKER = re.compile(r"<!--\s*(data|status):([a-z0-9-]+)\s*-->")


class MarkerError(ValueError):
    """A page asks for something the data does not have."""


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One generated item for the site search: its anchor on the page, a title and a text,
    both already escaped (Material's search shows them as HTML)."""

    anchor: str
    title: str
    text: str
    # True: the item's anchor is a heading of the page, whose own search entry gets this text.
    # False: the block's element for the item carries the anchor as its id.
    joins_heading: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A generated block: its HTML and its items for search."""

    html: str
    search_records: tuple[SearchRecord, ...] = ()
    other_anchors: tuple[str, ...] = ()  # ids it carries for items whose search record is elsewhere

    @property
    def anchor_ids(self) -> set[str]:
        return {record.anchor for record in self.search_records if not record.joins_heading} | set(self.other_anchors)


@dataclass(frozen=True, slots=True)
class BlockKind:
    """What a `<!-- data:NAME -->` marker renders: a view of the data, the template that
    shows it, and the search records of its items (from the same view)."""

    view: Callable[[SiteViews], Any]  # a SiteViews method
    template: str  # in hooks/templates/
    search_records: Callable[[Any], tuple[SearchRecord, ...]] = lambda view: ()
    other_anchors: Callable[[Any], tuple[str, ...]] = lambda view: ()  # ids of items searched for elsewhere


# ---- Search records, from the views ------------------------------------------------


def _text(*parts: str) -> str:
    """Search text: the parts that have words, one space apart, escaped."""
    return html.escape(fold(" ".join(part for part in parts if part)))


def _source_words(sources: Sequence[Source]) -> list[str]:
    return [f"{s.title} ({s.date.text})" if s.date else s.title for s in sources]


def status_box_records(view: ProposalView) -> tuple[SearchRecord, ...]:
    text = _text(
        "Status",
        f"{view.status.label}. {view.summary} {view.note} Latest development {view.status.as_of.text}; "
        f"no newer one as of {view.searched.text}.",
        "Who acts",
        view.actor,
        "Vehicle",
        view.authority,
        ", ".join(bill.text for bill in view.bills),
        "Why",
        view.why,
        "Sources",
        *_source_words(view.sources),
    )
    return (SearchRecord(view.id, _text(view.title), text, joins_heading=True),)


def wro_records(view: WroTableView) -> tuple[SearchRecord, ...]:
    return tuple(
        SearchRecord(
            wro.id,
            _text(f"{wro.type}: {wro.entity}"),
            _text(
                wro.announced.text,
                f"order {wro.order_date.text}" if wro.order_date else "",
                wro.type,
                wro.entity,
                wro.products,
                wro.location,
                wro.xinjiang,
                f"{wro.status_label} (as of {wro.as_of.text}). {wro.note}",
                *_source_words(wro.sources),
            ),
        )
        for wro in view.wros
    )


def bill_records(view: BillListView) -> tuple[SearchRecord, ...]:
    records = []
    for bill in view.bills:
        vote = f", {bill.vote}" if bill.vote else ""
        law = bill.public_law
        aka = f" ({bill.also_known_as})" if bill.also_known_as else ""
        records.append(
            SearchRecord(
                bill.id,
                _text(f"{bill.number}: {bill.title}{aka}{f', {law.number}' if law else ''}"),
                _text(
                    *(["Also known as", bill.also_known_as] if bill.also_known_as else []),
                    "Sponsor",
                    bill.sponsor,
                    "Introduced",
                    f"{bill.introduced.text} ({bill.congress}th Congress)",
                    "Furthest step",
                    f"{bill.step_label}, {bill.step_date.text}{vote}. {bill.note}",
                    f"It {bill.died}." if bill.died else "",
                    *(["Public law", f"{law.number}, {law.citation}, signed {law.signed.text}"] if law else []),
                    "What it does",
                    bill.summary,
                    *(["Holes", bill.critique] if bill.critique else []),
                    *(["Proposals", ", ".join(p.text for p in bill.proposals)] if bill.proposals else []),
                    "Sources",
                    *_source_words(bill.sources),
                ),
            )
        )
    return tuple(records)


def change_records(view: ChangeListView) -> tuple[SearchRecord, ...]:
    return tuple(
        SearchRecord(
            change.anchor,
            _text(f"{change.date.text}: {change.proposal.text}"),
            _text(f"{change.status.label}{' (current status)' if change.current else ''}. {change.note}"),
        )
        for change in view.changes
    )


def glossary_records(view: GlossaryView) -> tuple[SearchRecord, ...]:
    return tuple(SearchRecord(entry.anchor, _text(entry.term), _text(entry.meaning)) for entry in view.entries)


# ---- What you can do (docs/act.md) ----


def ask_records(view: AskListView) -> tuple[SearchRecord, ...]:
    return tuple(
        SearchRecord(
            ask.anchor,
            _text(f"Ask: {ask.next.step}"),
            _text(
                "Who must act",
                ask.next.who,
                "Through",
                ", ".join(f"{b.text} ({b.died})" if b.died else b.text for b in ask.next.bills),
                ask.next.action,
                "Where it stands",
                f"{ask.status.label}: {ask.proposal.text}, latest development {ask.status.as_of.text}",
            ),
        )
        for ask in view.asks
    )


# ==== Records blocks: the Entity List, the UFLPA figures, the charts, the bills overview ====


def entity_list_records(view: EntityYearView) -> tuple[SearchRecord, ...]:
    """One record per batch and one per recorded entity, on the batches' year page."""
    records = []
    for batch in view.batches:
        records.append(
            SearchRecord(
                batch.id,
                _text(
                    f"UFLPA Entity List, {batch.effective.text}: {batch.count} added"
                    + (" (reported, not confirmed)" if batch.reported else "")
                ),
                _text(
                    f"Notice {batch.notice.text}.",
                    f"{batch.running_total} entities in all" + (" if confirmed." if batch.reported else "."),
                    f"Sections {batch.sections}." if batch.sections else "",
                    batch.note,
                    f"{batch.not_named} of the {batch.count} are not named here: {batch.entities_missing}."
                    if batch.not_named
                    else "",
                    ", ".join(entity.name for entity in batch.entities),
                ),
            )
        )
        for entity in batch.entities:
            records.append(
                SearchRecord(
                    entity.id,
                    _text(f"{entity.name} (UFLPA Entity List)"),
                    _text(
                        entity.aliases and f"Also listed as {entity.aliases}.",
                        f"Listed {batch.effective.text}{' (reported)' if batch.reported else ''}, "
                        f"section {entity.sections}{' ' + entity.inferred if entity.inferred else ''}.",
                        entity.location,
                        entity.sector,
                        entity.removed,
                        *_source_words(entity.sources),
                    ),
                )
            )
    return tuple(records)


def uflpa_figure_records(view: UflpaFiguresView) -> tuple[SearchRecord, ...]:
    return tuple(
        SearchRecord(
            f.id,
            _text(f"UFLPA figures, {f.period}: {f.measure}"),
            _text(f.shipments and f"{f.shipments} shipments", f.value, f"reported {f.reported.text}.", f.note),
        )
        for f in view.figures
    )


def chart_records(view: ChartsView) -> tuple[SearchRecord, ...]:
    return tuple(SearchRecord(chart.id, _text(chart.title), _text(chart.summary)) for chart in view.charts)


@dataclass(frozen=True, slots=True)
class PeriodPages:
    """Records shown one page per period, a year or a Congress (the main page links each record
    to its period's page): which periods have records, and the page each needs."""

    records: str  # what the data has, in words: "data/entity_list.yml has batches that took effect in"
    page: str  # "entity-list/{year}.md": the period's page, its one field named as `period` says
    marker: str  # the period page's marker without its period: "entity-list"
    periods_of: Callable[[SiteData], set[str]]
    period: tuple[str, str] = ("year", "years")  # what a period is called in messages, one and many

    def page_of(self, period: str) -> str:
        return self.page.format(**{self.period[0].lower(): period})

    def checked(self, views: SiteViews) -> SiteViews:
        """`views`, once every period with records has its page (or a MarkerError that says which to add)."""
        missing = sorted(
            (p for p in self.periods_of(views.data) if self.page_of(p) not in views.site.page_urls), key=int
        )
        if missing:
            raise MarkerError(
                f"{self.records} {', '.join(missing)}, but no page for "
                + (f"that {self.period[0]}" if len(missing) == 1 else f"those {self.period[1]}")
                + ": add "
                + ", ".join(
                    f"docs/{self.page_of(p)} with the marker '<!-- data:{self.marker}-{p} -->'" for p in missing
                )
            )
        return views

    def has_records_in(self, data: SiteData, period: str) -> bool:
        return period in self.periods_of(data)


ENTITY_YEARS = PeriodPages(
    "data/entity_list.yml has batches that took effect in",
    ENTITY_YEAR_PAGE,
    "entity-list",
    lambda data: {batch["effective"][:4] for batch in data.entity_batches},
)
CHANGE_YEARS = PeriodPages(
    "data/proposals.yml has status changes in",
    CHANGES_YEAR_PAGE,
    "changes",
    lambda data: {change.date[:4] for change in data.status_changes()},
)
BILL_CONGRESSES = PeriodPages(
    "data/bills.yml has bills of Congress",
    BILL_CONGRESS_PAGE,
    "bills",
    lambda data: {str(bill["congress"]) for bill in data.bills},
    ("Congress", "Congresses"),
)


def entity_list_overview(views: SiteViews) -> EntityListView:
    return entity_list_view(ENTITY_YEARS.checked(views))


def entities_of_year(year: int) -> BlockKind:
    """The block of `<!-- data:entity-list-2024 -->`: the batches that took effect in 2024, with their entities."""
    return BlockKind(
        lambda views: entity_year_view(ENTITY_YEARS.checked(views), year), "entity_year.html", entity_list_records
    )


def entity_names(views: SiteViews) -> str:
    """The names file of the Entity List page's search box: each entry's address is on its year's page."""
    return entity_names_json(ENTITY_YEARS.checked(views))


def change_overview(views: SiteViews) -> ChangeListView:
    return CHANGE_YEARS.checked(views).change_list()


def changes_of_year(year: int) -> BlockKind:
    """The block of `<!-- data:changes-2024 -->`: 2024's status changes with their notes and sources."""
    return BlockKind(lambda views: CHANGE_YEARS.checked(views).change_list(year), "changes_year.html", change_records)


ENTITIES_OF_YEAR = re.compile(r"entity-list-([0-9]{4})")
CHANGES_OF_YEAR = re.compile(r"changes-([0-9]{4})")


def bills_of_congress(congress: int) -> BlockKind:
    """The block of `<!-- data:bills-117 -->`: one Congress's bills, in full, on its page."""
    return BlockKind(
        lambda views: views.bill_list(congress), "bills.html", bill_records, other_anchors=lambda view: (view.anchor,)
    )


BILLS_OF_CONGRESS = re.compile(r"bills-([0-9]{2,3})")


def members_of_state(code: str) -> BlockKind:
    """The block of `<!-- data:members-wa -->`: one state's members, on its generated page."""
    return BlockKind(
        lambda views: state_members_view(views, code),
        "members_state.html",
        other_anchors=lambda view: ("house",) if view.territory else ("senators", "house"),
    )


MEMBERS_OF_STATE = re.compile(r"members-([a-z]{2})")


def data_block(name: str) -> BlockKind | None:
    """The block a `<!-- data:NAME -->` marker asks for: one in DATA_BLOCKS, one Congress's
    bills, or one year's Entity List batches or status changes."""
    if name in DATA_BLOCKS:
        return DATA_BLOCKS[name]
    if match := BILLS_OF_CONGRESS.fullmatch(name):
        return bills_of_congress(int(match.group(1)))
    if match := ENTITIES_OF_YEAR.fullmatch(name):
        return entities_of_year(int(match.group(1)))
    if match := CHANGES_OF_YEAR.fullmatch(name):
        return changes_of_year(int(match.group(1)))
    if match := MEMBERS_OF_STATE.fullmatch(name):
        return members_of_state(match.group(1).upper())
    return None


# ==== End of the records blocks ====


# The blocks a page can ask for with <!-- data:NAME --> (and data:bills-<Congress>, data_block).
DATA_BLOCKS: dict[str, BlockKind] = {
    "wros": BlockKind(SiteViews.wro_table, "wros.html", wro_records),
    # one line per change, whose search record is on its year's page with its note and sources
    "changes": BlockKind(
        change_overview, "changes.html", other_anchors=lambda view: tuple(c.anchor for c in view.changes)
    ),
    "glossary": BlockKind(SiteViews.glossary, "glossary.html", glossary_records),
    "downloads": BlockKind(SiteViews.downloads, "downloads.html"),
    # records
    "bill-overview": BlockKind(bill_overview, "bill_overview.html"),
    # a row per batch, whose search record is on its year's page with its entities
    "entity-list": BlockKind(
        entity_list_overview, "entity_list.html", other_anchors=lambda view: tuple(b.id for b in view.batches)
    ),
    # "Is this company listed?": the box; the script fetches the names (site_entity_search) when it is used
    "entity-search": BlockKind(entity_search_view, "entity_search.html", other_anchors=lambda view: view.ids),
    "uflpa-figures": BlockKind(uflpa_figures_view, "uflpa_figures.html", uflpa_figure_records),
    "wro-charts": BlockKind(wro_charts, "charts.html", chart_records),
    "entity-list-charts": BlockKind(entity_list_charts, "charts.html", chart_records),
    # What you can do (docs/act.md): the asks, and the texts to copy built from them
    "asks": BlockKind(SiteViews.asks, "asks.html", ask_records),
    "call-script-senate": BlockKind(lambda views: views.call_script("senate"), "script.html"),
    "call-script-house": BlockKind(lambda views: views.call_script("house"), "script.html"),
    "letter-senate": BlockKind(lambda views: views.letter("senate"), "script.html"),
    "letter-house": BlockKind(lambda views: views.letter("house"), "script.html"),
    # the members of Congress: the look-up (What you can do) and the members page
    # its form controls' ids (not published anchors: no heading, row or record carries them)
    "member-lookup": BlockKind(
        member_lookup_view, "member_lookup.html", other_anchors=lambda view: ("member-state", "member-district")
    ),
    "members": BlockKind(members_index_view, "members_index.html"),
}
STATUS_BOX_TEMPLATE = "status_box.html"  # for <!-- status:<proposal id> -->


# ---- Rendering, once per build --------------------------------------------------------


class SiteRenderer:
    """Renders the generated blocks of one build. Each data view is made once, and each
    punch-list form once per distinct base URL (most pages share "../")."""

    def __init__(self, data: SiteData, site: SiteMap, today: datetime.date | None = None) -> None:
        """`today`: the build date (default: today), which says whether a bill died with its Congress; tests fix it."""
        self.data = data
        self.views = SiteViews(data, site, today)
        self.figures = ProseFigures(data)  # the figures the pages' prose quotes, by name
        self.glossary = Glossary.of(data)
        self._templates: dict[str, jinja2.Template] = {}  # looked up once per build, not per page
        self._views: dict[str, tuple[Any, tuple[SearchRecord, ...]]] = {}  # data block -> view, search records
        self._punch_lists: dict[tuple[PunchListForm, str, str], str] = {}
        # Bills are linked from every page (punch-list, status boxes): each needs its Congress's page.
        BILL_CONGRESSES.checked(self.views)

    def punch_list(self, src_uri: str, page_url: str) -> str:
        """The summary table for the page's H1: all proposals by lever on the home page, one
        lever's on its page, and the full list, folded, everywhere else."""
        lever = self.data.lever_for_page(src_uri)
        form: PunchListForm = "full" if src_uri == HOME_PAGE else "lever" if lever else "compact"
        # A lever's table links to its own sections as "#id"; the others are shared by base URL.
        here = Here.page(page_url) if lever else Here.shared(page_url)
        key = (form, lever["id"] if lever else "", here.base)
        if key not in self._punch_lists:
            with cyclic_gc_paused():
                view = self.views.punch_list(form, lever["id"] if lever else "")
            self._punch_lists[key] = render(self._template("punch_list.html"), view, here, self.glossary)
        return self._punch_lists[key]

    def page_blocks(self, page_html: str, src_uri: str, page_url: str) -> PageBlocks:
        """Render the blocks that the page's markers ask for (`page_html`: the page after Markdown)."""
        here = Here.page(page_url)
        blocks: dict[tuple[str, str], Block] = {}
        for match in MARKER.finditer(page_html):
            key = (match.group(1), match.group(2))
            if key not in blocks:
                check_marker(match, self.data, src_uri)
                blocks[key] = self._block(*key, here)
        return PageBlocks(blocks)

    def _block(self, kind: str, name: str, here: Here) -> Block:
        # View records stay alive for the whole build: see cyclic_gc_paused.
        if kind == "status":
            with cyclic_gc_paused():
                view = self.views.status_box(name)
                records = status_box_records(view)
            return Block(render(self._template(STATUS_BOX_TEMPLATE), view, here, self.glossary), records)
        block = data_block(name)
        assert block is not None  # markers are checked before rendering
        if name not in self._views:
            with cyclic_gc_paused():
                self._views[name] = (view := block.view(self.views)), block.search_records(view)
        view, records = self._views[name]
        html = render(self._template(block.template), view, here, self.glossary)
        return Block(html, records, block.other_anchors(view))

    def _template(self, name: str) -> jinja2.Template:
        if name not in self._templates:
            self._templates[name] = ENVIRONMENT.get_template(name)
        return self._templates[name]


class PageBlocks:
    """The generated blocks of one page, rendered once from its HTML after Markdown: the ids
    they carry, their search records, and `fill`, which puts them into the finished page."""

    def __init__(self, blocks: Mapping[tuple[str, str], Block]) -> None:
        self._blocks = blocks

    @property
    def anchor_ids(self) -> set[str]:
        """The ids the blocks carry (MkDocs checks links to anchors against the ids it saw
        in the Markdown, so it must be told)."""
        return {anchor for block in self._blocks.values() for anchor in block.anchor_ids}

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


def insert_after_h1(page_html: str, block: str) -> str:
    """Put `block` where the page marks its place (`<!-- punch-list -->`, as the home page does to keep its lead
    sentence above it), else right after the first H1 of the theme's article (or at its top if it has none): the
    page is read with a tokenizer (html_reader.punch_list_place)."""
    start, end = punch_list_place(page_html)
    if start == end:
        block = f"\n{block}\n"
    return f"{page_html[:start]}{block}{page_html[end:]}"


# ---- The page's Markdown ------------------------------------------------------------


def abbreviations(data: SiteData) -> str:
    """Markdown abbreviation definitions: the glossary as tooltips wherever a term appears."""
    return "\n".join(f"*[{term['term']}]: {fold(term['meaning'])}" for term in data.glossary)


def add_anchor_aliases(markdown: str, aliases: Mapping[str, str], src_uri: str) -> str:
    """Keep old links working after a section is renamed: an empty block carrying the old
    id goes right before the heading that now carries the new one."""
    for old, new in aliases.items():
        heading = re.compile(r"^#{1,6} .*\{[^}\n]*#" + re.escape(new) + r"(?=[\s}])[^}\n]*\}[ \t]*$", re.MULTILINE)
        match = heading.search(markdown)
        if match is None:
            raise MarkerError(
                f"docs/{src_uri}: anchor_aliases maps '{old}' to '{new}', but no heading has the id '{new}'"
            )
        alias = f'<div class="anchor-alias" id="{html.escape(fold(str(old)))}"></div>\n\n'
        markdown = markdown[: match.start()] + alias + markdown[match.start() :]
    return markdown


def add_moved_anchors(markdown: str, moves: Mapping[str, str], src_uri: str) -> str:
    """Keep old links working after entries move to another page: a hidden link carrying each
    old id goes at the end of the page, pointing at the entry's new place (a Markdown link, so
    MkDocs resolves it and checks its anchor)."""
    stubs = []
    for old, new in moves.items():
        if not (isinstance(new, str) and re.fullmatch(r"[\w./-]+\.md#[\w-]+", new)):
            raise MarkerError(
                f"docs/{src_uri}: moved_anchors maps '{old}' to '{new}'; expected a page and an id, like '2023.md#{old}'"
            )
        stubs.append(
            f"[This entry has moved to another page: go to it.]({new}){{ #{html.escape(str(old))} .moved-anchor }}"
        )
    # One paragraph for all of them: each stub is hidden until a link lands on it.
    return f'{markdown}\n\n<div class="moved-anchors" markdown>\n\n' + "\n".join(stubs) + "\n\n</div>\n"


# Prose that holds until a day, or from a day on: `<!-- until:2027-01-03 -->...<!-- end until -->`
# and `<!-- from:2027-01-03 -->...<!-- end from -->`, so that a page turns over by itself (a
# Congress ends at noon on January 3; from that day, the "from" text applies).
DATED_PROSE = re.compile(r"<!--\s*(until|from):([0-9]{4}-[0-9]{2}-[0-9]{2})\s*-->(.*?)<!--\s*end \1\s*-->", re.DOTALL)
_DATED_MARK = re.compile(r"<!--\s*(?:until|from)\b[^>]*-->|<!--\s*end (?:until|from)\s*-->")


def dated_prose(markdown: str, today: datetime.date, src_uri: str) -> str:
    """The page's Markdown with each dated passage kept or left out as of `today`."""

    def keep(match: re.Match[str]) -> str:
        try:
            day = datetime.date.fromisoformat(match.group(2))
        except ValueError:
            raise MarkerError(f"docs/{src_uri}: '{match.group(1)}:{match.group(2)}' is not a real date") from None
        applies = today < day if match.group(1) == "until" else today >= day
        return match.group(3) if applies else ""

    kept = DATED_PROSE.sub(keep, markdown)
    if stray := _DATED_MARK.search(kept):
        raise MarkerError(
            f"docs/{src_uri}: '{stray.group(0)}' has no partner; expected "
            "'<!-- until:YYYY-MM-DD -->...<!-- end until -->' or '<!-- from:YYYY-MM-DD -->...<!-- end from -->'"
        )
    return kept


def render_page_markdown(
    markdown: str,
    data: SiteData,
    src_uri: str,
    *,
    anchor_aliases: Mapping[str, str] | None = None,
    moved_anchors: Mapping[str, str] | None = None,
    today: datetime.date | None = None,
    figures: ProseFigures | None = None,
) -> str:
    """The page's Markdown, its dated passages kept or left out as of `today` (default: today),
    the data's figures in its prose (`{{ name }}`, site_figures.py; `figures`: the build's, made
    once), its markers checked, renamed sections' old ids kept (`anchor_aliases`: old id -> new
    id, from the front matter) and the glossary appended. The markers themselves stay: Markdown
    passes HTML comments through, and `SiteRenderer.page_blocks` renders them after Markdown."""
    markdown = dated_prose(markdown, today or datetime.date.today(), src_uri)
    markdown = fill_figures(markdown, figures or ProseFigures(data), f"docs/{src_uri}")
    for match in MARKER.finditer(markdown):
        check_marker(match, data, src_uri)
    if anchor_aliases:
        markdown = add_anchor_aliases(markdown, anchor_aliases, src_uri)
    if moved_anchors:
        markdown = add_moved_anchors(markdown, moved_anchors, src_uri)
    return f"{markdown}\n\n{abbreviations(data)}\n"


def fill_figures(text: str, figures: ProseFigures, where: str) -> str:
    """`text` with each `{{ name }}` replaced by the data's figure; MarkerError for an unknown name."""
    try:
        return figures.fill(text, where)
    except UnknownFigure as err:
        raise MarkerError(str(err)) from None


def check_marker(match: re.Match[str], data: SiteData, src_uri: str) -> None:
    kind, name = match.group(1), match.group(2)
    if kind == "status" and data.proposal(name) is None:
        raise MarkerError(f"docs/{src_uri}: marker '{match.group(0)}' names no proposal in data/proposals.yml")
    if kind == "data" and data_block(name) is None:
        raise MarkerError(
            f"docs/{src_uri}: unknown marker '{match.group(0)}'; "
            f"expected one of data:{', data:'.join(DATA_BLOCKS)}, data:bills-<Congress>, data:entity-list-<year>, "
            "data:changes-<year>, data:members-<state> or status:<proposal id>"
        )
    state = MEMBERS_OF_STATE.fullmatch(name) if kind == "data" else None
    if state and not any(m["state"] == state.group(1).upper() for m in data.members):
        raise MarkerError(f"docs/{src_uri}: marker '{match.group(0)}' names a state with no member in data/members.yml")
    for pattern, pages, records in (
        (BILLS_OF_CONGRESS, BILL_CONGRESSES, "bill in data/bills.yml"),
        (ENTITIES_OF_YEAR, ENTITY_YEARS, "batch in data/entity_list.yml"),
        (CHANGES_OF_YEAR, CHANGE_YEARS, "status change in data/proposals.yml"),
    ):
        period = pattern.fullmatch(name) if kind == "data" else None
        if period and not pages.has_records_in(data, period.group(1)):
            raise MarkerError(f"docs/{src_uri}: marker '{match.group(0)}' names a {pages.period[0]} with no {records}")


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

"""The data as the site shows it: small, typed, frozen view records.

`SiteViews` takes the validated `SiteData` (and a `SiteMap` for addresses) and gives, for
each generated block, records whose text is what readers see: whitespace folded, labels looked up, dates written
both ways (ISO for machines, "Jun 21, 2022" for people). Links are `Target`s from the site's
root; a template turns them into links relative to the page that shows them. Nothing here
is HTML: the templates in hooks/templates/ escape every value (site_templates.py).

No MkDocs import, no Jinja: tests call these directly.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from congress_calendar import died_with_congress, ordinal
from site_data import SiteData
from site_exports import DOWNLOAD_KINDS
from site_text import BILLS_PAGE, DOWNLOADS_DIR, HOME_PAGE, fold, format_date, plural, site_path

DOWNLOAD_LABELS = {
    "proposals": "The punch-list",
    "wros": "WROs and Findings",
    "bills": "Bills and laws",
    "entity_list": "UFLPA Entity List (recorded entities; the JSON has every batch)",
    "uflpa_stats": "UFLPA enforcement figures",
}


@dataclass(frozen=True, slots=True)
class SiteMap:
    """Where the pages are: docs/ source path -> site-relative URL, and the site's address."""

    page_urls: Mapping[str, str]  # e.g. {"customs.md": "customs/", "index.md": ""}
    site_url: str  # absolute, ends with "/"

    def target(self, src_uri: str, anchor: str = "") -> Target:
        return Target(site_path(self.page_urls[src_uri]), anchor)

    def absolute(self, target: Target) -> str:
        url = self.site_url + target.url
        return f"{url}#{target.anchor}" if target.anchor else url


@dataclass(frozen=True, slots=True)
class Target:
    """Where a link goes, from the site's root: a page's or file's site-relative URL
    ("customs/", "downloads/wros.csv", "" for the home page) and an anchor on it."""

    url: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Day:
    iso: str  # "2022-06-21"
    text: str  # "Jun 21, 2022"


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str  # https:// (the schema allows nothing else)
    date: Day | None
    archived: str | None = None  # an archived copy, for when the original goes away


@dataclass(frozen=True, slots=True)
class Status:
    """A proposal's state on a date: shown as a coloured badge."""

    state: str  # the value in the data, for the badge's CSS class
    label: str  # what readers see
    as_of: Day


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    target: Target


@dataclass(frozen=True, slots=True)
class BillRef:
    """A bill named as a vehicle: a link to its record, and whether it died with its Congress."""

    text: str  # "H.R. 6210"
    target: Target
    died: str  # "died with the 116th Congress" on the build date; "" while it can pass, or once law


@dataclass(frozen=True, slots=True)
class NextStep:
    step: str
    who: str
    bills: tuple[BillRef, ...]
    action: str  # the agency action or authority; "" when there is none
    review_by: Day


@dataclass(frozen=True, slots=True)
class ProposalView:
    """One proposal: a row of the punch-list, or its status box on its lever page."""

    id: str
    title: str
    target: Target  # its section on its lever page
    address: str  # the absolute address without scheme, short enough to print: host/path/#id
    actor: str
    authority: str
    bills: tuple[BillRef, ...]
    status: Status
    note: str
    why: str
    sources: tuple[Source, ...]
    next: NextStep
    checked: Day  # when the status was last checked (the proposals' `checked` date)
    copy_text: str  # the plain text a reader pastes into an email


@dataclass(frozen=True, slots=True)
class LeverGroup:
    title: str
    target: Target  # the lever's page
    proposals: tuple[ProposalView, ...]


PunchListForm = Literal["full", "lever", "compact"]


@dataclass(frozen=True, slots=True)
class StateCount:
    """One part of the counts line ("7 partly done"), and what the state means (the legend)."""

    state: str
    words: str  # "7 partly done": the badge's own words, in lower case
    label: str  # "Partly done", as on the badge
    meaning: str  # from the schema's description of the state
    anchor: str  # the state's first row on the home page: its proposal's id (a permanent anchor)


@dataclass(frozen=True, slots=True)
class PunchListView:
    """The summary table under a page's H1: all proposals by lever, open on the home page
    ("full") and folded elsewhere ("compact"); one lever's on its page ("lever")."""

    form: PunchListForm
    title: str  # "The punch-list" or the lever's title
    count: str  # "13 proposals"
    checked: Day
    groups: tuple[LeverGroup, ...]  # one per lever; the lever form has just its own
    total: int  # proposals on the whole list
    home: Target
    counts: tuple[StateCount, ...]  # the states in use, in the schema's order


@dataclass(frozen=True, slots=True)
class WroView:
    id: str
    announced: Day
    order_date: Day | None
    type: str
    entity: str
    products: str
    location: str
    xinjiang: str  # "Yes" or "No"
    status_label: str
    as_of: Day
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class WroTableView:
    checked: Day
    wros: tuple[WroView, ...]


@dataclass(frozen=True, slots=True)
class PublicLaw:
    number: str
    citation: str
    signed: Day


@dataclass(frozen=True, slots=True)
class BillView:
    id: str
    number: str
    title: str
    also_known_as: str  # "UFLPA; P.L. 117-78", or ""
    sponsor: str
    introduced: Day
    congress: int
    step_label: str
    step_date: Day
    vote: str
    note: str
    died: str  # "died with the 116th Congress" (on the build date), or ""
    public_law: PublicLaw | None
    summary: str
    critique: str
    proposals: tuple[Link, ...]  # the proposals that name it as a vehicle
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class BillListView:
    checked: Day
    bills: tuple[BillView, ...]


@dataclass(frozen=True, slots=True)
class ChangeView:
    anchor: str
    date: Day
    proposal: Link
    status: Status
    current: bool
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class ChangeListView:
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    anchor: str
    term: str
    meaning: str


@dataclass(frozen=True, slots=True)
class GlossaryView:
    entries: tuple[GlossaryEntry, ...]


@dataclass(frozen=True, slots=True)
class Download:
    label: str
    csv: Target
    json: Target


@dataclass(frozen=True, slots=True)
class DownloadListView:
    downloads: tuple[Download, ...]


# ---- Pieces ----------------------------------------------------------------------


def day(iso: str) -> Day:
    return Day(iso, format_date(iso))


def sources(records: Sequence[Mapping[str, str]]) -> tuple[Source, ...]:
    # The schema allows no whitespace in a URL; only the title needs folding.
    return tuple(
        Source(fold(s["title"]), s["url"], day(s["date"]) if s.get("date") else None, s.get("archived"))
        for s in records
    )


def email_text(title: str, status: Status, next_step: NextStep, checked: Day, deep_link: str) -> str:
    """The plain text a reader pastes into an email about one proposal (the first line is
    the title: the copy button names itself after it)."""
    return (
        f"{title}\n"
        f"Status: {status.label} (latest development {status.as_of.text}; checked {checked.text})\n"
        f"Next step: {next_step.step}\n"
        f"Who acts next: {next_step.who}\n"
        f"{deep_link}"
    )


def proposal_address(proposal: Mapping[str, Any], data: SiteData, site: SiteMap) -> str:
    """The proposal's permanent, absolute address: its section on its lever page."""
    return site.absolute(site.target(data.lever(proposal["lever"])["page"], proposal["id"]))


# ---- The views of one build ------------------------------------------------------------


class SiteViews:
    """The view records of one build, one method per generated block. A proposal's view,
    shown in several forms of the punch-list and in its status box, is made once."""

    def __init__(self, data: SiteData, site: SiteMap, today: datetime.date | None = None) -> None:
        """`today`: the build date, against which a bill is shown as having died with its Congress."""
        self.data = data
        self.site = site
        self.today = today or datetime.date.today()
        self._proposals: dict[str, ProposalView] = {}
        self._bills: dict[str, BillRef] = {}

    def bill_ref(self, bill_id: str) -> BillRef:
        if bill_id not in self._bills:
            bill = self.data.bill(bill_id)
            self._bills[bill_id] = BillRef(
                fold(bill["number"]), self.site.target(BILLS_PAGE, bill_id), died_with_congress(bill, self.today) or ""
            )
        return self._bills[bill_id]

    def next_step(self, proposal: Mapping[str, Any]) -> NextStep:
        step, vehicles = proposal["next"], proposal["next"]["vehicles"]
        return NextStep(
            step=fold(step["step"]),
            who=fold(step["who"]),
            bills=tuple(self.bill_ref(bill_id) for bill_id in vehicles.get("bills", [])),
            action=fold(vehicles.get("action", "")),
            review_by=day(step["review_by"]),
        )

    def proposal_target(self, proposal: Mapping[str, Any]) -> Target:
        return self.site.target(self.data.lever(proposal["lever"])["page"], proposal["id"])

    def proposal(self, proposal_id: str) -> ProposalView:
        """Raises KeyError for an unknown id (page markers are checked before rendering)."""
        if proposal_id in self._proposals:
            return self._proposals[proposal_id]
        data, site = self.data, self.site
        proposal = data.proposal(proposal_id)
        if proposal is None:
            raise KeyError(proposal_id)
        status = proposal["status"]
        target = self.proposal_target(proposal)
        deep_link = site.absolute(target)
        badge = Status(status["state"], data.labels.proposal_state[status["state"]], day(status["as_of"]))
        title, next_step, checked = fold(proposal["title"]), self.next_step(proposal), day(data.checked)
        view = ProposalView(
            id=proposal["id"],
            title=title,
            target=target,
            address=re.sub(r"^https?://", "", deep_link),
            actor=fold(", ".join(proposal["actor"])),
            authority=fold(proposal["vehicle"]["authority"]),
            bills=tuple(self.bill_ref(bill_id) for bill_id in proposal["vehicle"].get("bills", [])),
            status=badge,
            note=fold(status["note"]),
            why=fold(proposal["why"]),
            sources=sources(status["sources"]),
            next=next_step,
            checked=checked,
            copy_text=email_text(title, badge, next_step, checked, deep_link),
        )
        self._proposals[proposal_id] = view
        return view

    def punch_list(self, form: PunchListForm, lever_id: str = "") -> PunchListView:
        """`lever_id` names the lever for the "lever" form."""
        data = self.data
        levers = [data.lever(lever_id)] if form == "lever" else list(data.levers)
        groups = tuple(
            LeverGroup(
                fold(lever["title"]),
                self.site.target(lever["page"]),
                tuple(self.proposal(p["id"]) for p in data.proposals_for(lever["id"])),
            )
            for lever in levers
        )
        rows = [proposal for group in groups for proposal in group.proposals]
        first_of_state: dict[str, str] = {}  # state -> the id of its first proposal
        for proposal in rows:
            first_of_state.setdefault(proposal.status.state, proposal.id)
        in_use = first_of_state
        labels = data.labels
        counts = tuple(
            StateCount(
                state=state,
                words=f"{sum(p.status.state == state for p in rows)} {label.lower()}",
                label=label,
                meaning=labels.proposal_state_meaning[state],
                anchor=first_of_state[state],
            )
            for state, label in labels.proposal_state.items()
            if state in in_use
        )
        return PunchListView(
            form=form,
            title=groups[0].title if form == "lever" else "The punch-list",
            count=plural(len(rows), "proposal"),
            checked=day(data.checked),
            groups=groups,
            total=len(data.proposals),
            home=self.site.target(HOME_PAGE),
            counts=counts,
        )

    def status_box(self, proposal_id: str) -> ProposalView:
        return self.proposal(proposal_id)

    def wro_table(self) -> WroTableView:
        labels = self.data.labels.wro_state
        return WroTableView(
            checked=day(self.data.wros_checked),
            wros=tuple(
                WroView(
                    id=wro["id"],
                    announced=day(wro["date"]),
                    order_date=day(wro["order_date"]) if wro.get("order_date") else None,
                    type=wro["type"],
                    entity=fold(wro["entity"]),
                    products=fold(wro["products"]),
                    location=fold(wro["location"]),
                    xinjiang="Yes" if wro["xinjiang"] else "No",
                    status_label=labels[wro["status"]["state"]],
                    as_of=day(wro["status"]["as_of"]),
                    note=fold(wro["status"]["note"]),
                    sources=sources(wro["sources"]),
                )
                for wro in reversed(self.data.wros)  # newest first
            ),
        )

    def bill_list(self, congress: int | None = None) -> BillListView:
        """All bills, or those of one Congress."""
        data, labels = self.data, self.data.labels.bill_step
        bills = []
        for bill in data.bills:
            if congress is not None and bill["congress"] != congress:
                continue
            status, law = bill["status"], bill.get("public_law")
            bills.append(
                BillView(
                    id=bill["id"],
                    number=fold(bill["number"]),
                    title=fold(bill["title"]),
                    also_known_as=fold("; ".join(bill.get("also_known_as", []))),
                    sponsor=fold(bill["sponsor"]),
                    introduced=day(bill["introduced"]),
                    congress=bill["congress"],
                    step_label=labels[status["step"]],
                    step_date=day(status["date"]),
                    vote=fold(status.get("vote", "")),
                    note=fold(status.get("note", "")),
                    died=died_with_congress(bill, self.today) or "",
                    public_law=PublicLaw(fold(law["number"]), fold(law.get("citation", "")), day(law["signed"]))
                    if law
                    else None,
                    summary=fold(bill["summary"]),
                    critique=fold(bill.get("critique", "")),
                    proposals=tuple(
                        Link(fold(p["title"]), self.proposal_target(p)) for p in data.proposals_citing_bill(bill["id"])
                    ),
                    sources=sources(bill["sources"]),
                )
            )
        return BillListView(day(data.bills_checked), tuple(bills))

    def change_list(self) -> ChangeListView:
        return ChangeListView(
            tuple(
                ChangeView(
                    anchor=change.anchor,
                    date=day(change.date),
                    proposal=Link(fold(change.proposal["title"]), self.proposal_target(change.proposal)),
                    status=Status(change.state, change.label, day(change.date)),
                    current=change.current,
                    note=fold(change.note),
                    sources=sources(change.sources),
                )
                for change in self.data.status_changes()
            )
        )

    def glossary(self) -> GlossaryView:
        terms = sorted(self.data.glossary, key=lambda t: t["term"].lower())
        return GlossaryView(
            tuple(GlossaryEntry(f"term-{t['term'].lower()}", t["term"], fold(t["meaning"])) for t in terms)
        )

    def downloads(self) -> DownloadListView:
        return DownloadListView(
            tuple(
                Download(
                    DOWNLOAD_LABELS[kind],
                    Target(f"{DOWNLOADS_DIR}/{kind}.csv"),
                    Target(f"{DOWNLOADS_DIR}/{kind}.json"),
                )
                for kind in DOWNLOAD_KINDS
            )
        )

    # ---- What you can do (docs/act.md): the asks, the call script, the letter -------------

    def asks(self) -> AskListView:
        """Every proposal's next step as an ask: those Congress takes first (a constituent's
        members act on them directly), those naming bills before the others, then those of the
        agencies (members press them); in the punch-list's order within each."""
        views = [self.proposal(p["id"]) for p in self.data.proposals]
        ordered = sorted(views, key=lambda v: (not congress_acts(v.next), not v.next.bills))
        return AskListView(
            checked=day(self.data.checked),
            asks=tuple(
                AskView(
                    anchor=f"ask-{view.id}",
                    next=view.next,
                    congress=congress_acts(view.next),
                    proposal=Link(view.title, view.target),
                    status=view.status,
                )
                for view in ordered
            ),
        )

    def call_script(self) -> ScriptView:
        """Read aloud in about a minute: the first three asks (Congress's own first, those
        naming bills before the others; then what members should press an agency to do)."""
        asks = self.asks().asks
        chosen = asks[:CALL_SCRIPT_ASKS]
        text = "\n".join(
            [
                "Hello, my name is [NAME] and I live in [TOWN], ZIP code [ZIP], so I am a constituent. "
                "I am calling about forced labor in Xinjiang, China. Could I speak with the staff member "
                "who covers trade or human rights? [If not: May I leave a short message?]",
                "",
                f"I would like [Senator / Representative NAME] to do {things(len(chosen))}:",
                "",
                *(f"{n}. {ask_line(ask)}" for n, ask in enumerate(chosen, 1)),
                "",
                "Where does [NAME] stand on these? Please let me know. Thank you.",
            ]
        )
        return ScriptView("call-script", "Copy the call script", text)

    def letter(self) -> ScriptView:
        """Every ask: Congress's own, numbered, then what to press the agencies to do."""
        asks = self.asks().asks
        congress = [ask for ask in asks if ask.congress]
        agencies = [ask for ask in asks if not ask.congress]
        lines = [
            "Subject: Forced labor in Xinjiang: what I ask of you",
            "",
            "Dear [Senator / Representative NAME],",
            "",
            "I am a constituent from [TOWN, ZIP]. I am writing about forced labor imposed on Uyghurs "
            "and other minorities in Xinjiang, China, and the goods made with it that still reach U.S. stores.",
            "",
        ]
        if congress:
            lines += ["I ask you to:", "", *(f"{n}. {ask_line(ask)}" for n, ask in enumerate(congress, 1)), ""]
        if agencies:
            lines += [
                f"I {'also ' if congress else ''}ask you to press the executive branch, through oversight, to take these steps:",
                "",
                *(f"- {ask_line(ask, press=False)}" for ask in agencies),
                "",
            ]
        lines += [
            "[One or two sentences on why this matters to you.]",
            "",
            "Please tell me your position on these requests.",
            "",
            "Sincerely,",
            "[NAME]",
            "[TOWN, ZIP]",
        ]
        return ScriptView("letter", "Copy the letter", "\n".join(lines))


# ---- What you can do: records and helpers ------------------------------------------------

CALL_SCRIPT_ASKS = 3  # "be brief and specific: one to three bills or actions"

# A next step is Congress's to take when its `who` names Congress or one of its chambers.
_CONGRESS = re.compile(r"\b(Congress|Senate|House)\b")


def congress_acts(next_step: NextStep) -> bool:
    return bool(_CONGRESS.search(next_step.who))


def ask_line(ask: AskView, *, press: bool = True) -> str:
    """One ask in a script: the step (an agency's, with who must take it: "Press Treasury
    (OFAC): ..." unless `press` is False), and any of its bills that died with their Congress."""
    step = ask.next.step
    if not ask.congress:
        step = f"{'Press ' if press else ''}{ask.next.who}: {step}"
    dead = [f"{bill.text} {bill.died}" for bill in ask.next.bills if bill.died]
    return f"{step} ({'; '.join(dead)})" if dead else step


def things(count: int) -> str:
    return {1: "one thing", 2: "two things", 3: "three things"}.get(count, f"{count} things")


@dataclass(frozen=True, slots=True)
class AskView:
    anchor: str  # "ask-<proposal id>": the row's id
    next: NextStep
    congress: bool  # Congress takes the step (else an agency, which members press)
    proposal: Link
    status: Status


@dataclass(frozen=True, slots=True)
class AskListView:
    checked: Day
    asks: tuple[AskView, ...]


@dataclass(frozen=True, slots=True)
class ScriptView:
    """A text to copy (the call script, the letter): shown wrapped, with a copy button."""

    id: str
    button: str  # the copy button's name
    text: str


# ==== Records: the Entity List, the UFLPA figures, the charts, the bills overview ==========
# (The records pages' own views; kept in one section so that other work on this module
# does not collide with them.)

SECTION_NAMES = {"i": "(i)", "ii": "(ii)", "iv": "(iv)", "v": "(v)"}
UFLPA_MEASURES = {
    "reviewed": "Stopped for review",
    "detained": "Detained",
    "denied": "Denied entry",
    "released": "Released",
    "pending": "Pending",
}
QUALIFIERS = {"exact": "", "about": "about ", "more-than": "more than "}


@dataclass(frozen=True, slots=True)
class Notice:
    """A Federal Register notice: "2023-12481, 88 FR 38080, Jun 12, 2023"."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class EntityView:
    id: str
    name: str
    aliases: str  # "; "-joined, or ""
    sections: str  # "(ii), (v)"
    sector: str
    location: str
    removed: str  # "Removed Mar 1, 2025 (notice ...)" or ""
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class EntityBatchView:
    id: str
    effective: Day
    notice: Notice
    count: int
    running_total: int
    total_reported: int | None
    sections: str  # "" when the data does not say
    note: str
    entities: tuple[EntityView, ...]
    entities_missing: str  # why the entities are not recorded, or ""
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class EntityListView:
    checked: Day
    total: int  # the running total after the newest batch
    recorded: int  # entities recorded one by one
    batches: tuple[EntityBatchView, ...]
    recorded_batches: str  # "Jun 12, 2023; Aug 2, 2023; ..." (the batches whose entities are listed)
    newest: Day  # the newest batch's date
    later_checked: Day
    later_finding: str
    later_sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class UflpaFigureView:
    id: str
    period: str  # "FY2023" or "to Mar 3, 2023"
    measure: str
    shipments: str  # "4,016", "about 3,237", "" when not given
    value: str  # "$961 million", "" when not given
    reported: Day
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class UflpaFiguresView:
    checked: Day
    note: str
    figures: tuple[UflpaFigureView, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart, in the SVG's own units."""

    x: float
    y: float
    width: float
    height: float
    series: int  # 0, 1: its colour class
    value: int
    label: str  # what a screen reader and the tooltip say: "2020: 9 WROs"


@dataclass(frozen=True, slots=True)
class AxisLabel:
    x: float
    y: float
    text: str
    second_line: str = ""  # under the first ("2022" under "Jun")


@dataclass(frozen=True, slots=True)
class ChartView:
    """A bar chart drawn at build time, with its numbers as a table (`columns`, `rows`)."""

    id: str
    title: str
    summary: str  # one sentence: what the chart shows
    width: int
    height: int
    baseline: float  # y of the x axis
    bars: tuple[Bar, ...]
    x_labels: tuple[AxisLabel, ...]
    y_labels: tuple[AxisLabel, ...]  # gridlines at these heights
    legend: tuple[str, ...]  # one per series; empty for one series
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ChartsView:
    charts: tuple[ChartView, ...]


@dataclass(frozen=True, slots=True)
class BillRow:
    """A bill in the bills page's overview table."""

    number: str
    target: Target
    title: str
    congress: str  # "117th"
    stage: str  # "Law", "Passed one chamber", "Introduced", "Died with the 116th Congress"
    stage_class: str  # law, passed, introduced, died (for the badge)


@dataclass(frozen=True, slots=True)
class CongressBills:
    congress: str  # "117th Congress"
    anchor: str  # "congress-117"
    rows: tuple[BillRow, ...]


@dataclass(frozen=True, slots=True)
class BillOverviewView:
    checked: Day
    built: Day
    congresses: tuple[CongressBills, ...]  # newest Congress first


def notice(record: Mapping[str, Any]) -> Notice:
    parts = [
        record.get("document_number", ""),
        record.get("citation", ""),
        f"published {format_date(record['published'])}",
    ]
    return Notice(", ".join(p for p in parts if p), record["url"])


def entity_list_view(views: SiteViews) -> EntityListView:
    data = views.data
    batches, running = [], 0
    for batch in data.entity_batches:
        running += batch["count"]
        entities = tuple(
            EntityView(
                id=entity["id"],
                name=fold(entity["name"]),
                aliases=fold("; ".join(entity.get("aliases", []))),
                sections=", ".join(SECTION_NAMES[s] for s in entity["sections"]),
                sector=fold(entity["sector"]),
                location=fold(entity["location"]),
                removed=(
                    f"Removed {format_date(entity['removed']['date'])} ({notice(entity['removed']['notice']).text}). "
                    f"{fold(entity['removed'].get('note', ''))}".strip()
                    if entity.get("removed")
                    else ""
                ),
                sources=sources(entity["sources"]),
            )
            for entity in batch.get("entities", [])
        )
        batches.append(
            EntityBatchView(
                id=batch["id"],
                effective=day(batch["effective"]),
                notice=notice(batch["notice"]),
                count=batch["count"],
                running_total=running,
                total_reported=batch.get("total_reported"),
                sections=", ".join(SECTION_NAMES[s] for s in batch.get("sections", [])),
                note=fold(batch.get("note", "")),
                entities=entities,
                entities_missing=fold(batch.get("entities_missing", "")),
                sources=sources(batch["sources"]),
            )
        )
    later = data.entity_list_later_changes
    return EntityListView(
        checked=day(data.entity_list_checked),
        total=running,
        recorded=sum(len(b.entities) for b in batches),
        batches=tuple(reversed(batches)),  # newest first
        recorded_batches="; ".join(b.effective.text for b in batches if b.entities),
        newest=batches[-1].effective,
        later_checked=day(later["date"]),
        later_finding=fold(later["finding"]),
        later_sources=sources(later["sources"]),
    )


def _shipments(figure: Mapping[str, Any]) -> str:
    if "shipments" not in figure:
        return ""
    return f"{QUALIFIERS[figure.get('qualifier', 'exact')]}{figure['shipments']:,}"


def _dollars(figure: Mapping[str, Any]) -> str:
    if "value_usd" not in figure:
        return ""
    value = figure["value_usd"]
    amount = f"${value / 1e9:.2f} billion".replace(".00 ", " ") if value >= 1e9 else f"${value / 1e6:,.0f} million"
    return f"{QUALIFIERS[figure.get('qualifier', 'exact')]}{amount}"


def _period(figure: Mapping[str, Any]) -> str:
    period = figure["period"]
    return f"FY{period['fiscal_year']}" if period["kind"] == "fiscal-year" else f"to {format_date(period['through'])}"


def uflpa_figures_view(views: SiteViews) -> UflpaFiguresView:
    data = views.data
    return UflpaFiguresView(
        checked=day(data.uflpa_stats_checked),
        note=fold(data.uflpa_stats_note or ""),
        figures=tuple(
            UflpaFigureView(
                id=f["id"],
                period=_period(f),
                measure=UFLPA_MEASURES.get(f["measure"], f["measure"]),
                shipments=_shipments(f),
                value=_dollars(f),
                reported=day(f["reported"]),
                note=fold(f.get("note", "")),
                sources=sources(f["sources"]),
            )
            for f in data.uflpa_figures
        ),
    )


# Chart geometry, in SVG units (the SVG scales to its box; text stays legible down to 390 px).
_CHART_WIDTH, _CHART_HEIGHT = 480, 240
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 44, 8, 10, 34


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if top / step <= 5:
            return step
    return 10 ** len(str(top))


def bar_chart(
    id: str,
    title: str,
    summary: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    unit: Sequence[str],
) -> ChartView:
    """Bars grouped by category, one bar per series; `unit[i]` names series i's unit in the bars' labels."""
    top = max([1] + [v for _, values in series for v in values])
    step = _nice_step(top)
    top = -(-top // step) * step
    plot_width = _CHART_WIDTH - _PLOT_LEFT - _PLOT_RIGHT
    plot_height = _CHART_HEIGHT - _PLOT_TOP - _PLOT_BOTTOM
    baseline = _CHART_HEIGHT - _PLOT_BOTTOM
    slot = plot_width / max(1, len(categories))
    bar_width = slot * 0.7 / len(series)
    bars = []
    for c, category in enumerate(categories):
        for s, (_, values) in enumerate(series):
            height = values[c] / top * plot_height
            bars.append(
                Bar(
                    x=round(_PLOT_LEFT + c * slot + slot * 0.15 + s * bar_width, 1),
                    y=round(baseline - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    series=s,
                    value=values[c],
                    label=f"{category}: {values[c]:,} {unit[s]}",
                )
            )
    return ChartView(
        id=id,
        title=title,
        summary=summary,
        width=_CHART_WIDTH,
        height=_CHART_HEIGHT,
        baseline=baseline,
        bars=tuple(bars),
        x_labels=tuple(
            AxisLabel(round(_PLOT_LEFT + (c + 0.5) * slot, 1), baseline + 14, *category.partition(" ")[::2])
            for c, category in enumerate(categories)
        ),
        y_labels=tuple(
            AxisLabel(_PLOT_LEFT - 6, round(baseline - v / top * plot_height, 1), f"{v:,}")
            for v in range(0, top + 1, step)
        ),
        legend=tuple(name for name, _ in series) if len(series) > 1 else (),
        columns=tuple(columns),
        rows=tuple(tuple(row) for row in rows),
    )


def wro_chart(views: SiteViews) -> ChartView:
    by_year: dict[int, list[int]] = {}
    for wro in views.data.wros:
        counts = by_year.setdefault(int(wro["date"][:4]), [0, 0])
        counts[0 if wro["type"] == "WRO" else 1] += 1
    years = list(range(min(by_year), max(by_year) + 1))
    wros = [by_year.get(y, [0, 0])[0] for y in years]
    findings = [by_year.get(y, [0, 0])[1] for y in years]
    return bar_chart(
        "chart-wros",
        "WROs and Findings on this page, by year announced",
        f"{plural(sum(wros), 'WRO')} and {plural(sum(findings), 'Finding')}, {years[0]} to {years[-1]}, as recorded on this page.",
        [str(y) for y in years],
        [("WROs", wros), ("Findings", findings)],
        ("Year", "WROs", "Findings"),
        [(str(y), str(w), str(f)) for y, w, f in zip(years, wros, findings, strict=True)],
        ("WROs", "Findings"),
    )


def entity_list_chart(views: SiteViews) -> ChartView:
    batches = list(views.data.entity_batches)
    totals, running = [], 0
    for batch in batches:
        running += batch["count"]
        totals.append(running)
    labels = [format_date(b["effective"]) for b in batches]
    short = [f"{format_date(b['effective'])[:3]} {b['effective'][:4]}" for b in batches]  # "Jun 2022", on two lines
    return bar_chart(
        "chart-entity-list",
        "UFLPA Entity List: entities listed, running total after each notice",
        f"From {batches[0]['count']} entities on {labels[0]} to {running} on {labels[-1]}, in {len(batches)} notices.",
        short,
        [("Entities", totals)],
        ("Took effect", "Added", "Running total"),
        [(label, str(b["count"]), str(t)) for label, b, t in zip(labels, batches, totals, strict=True)],
        ("entities",),
    )


def uflpa_chart(views: SiteViews) -> ChartView | None:
    """Shipments detained per fiscal year, where a figure is sourced; None when none is."""
    detained = sorted(
        (
            f
            for f in views.data.uflpa_figures
            if f["measure"] == "detained" and f["period"]["kind"] == "fiscal-year" and "shipments" in f
        ),
        key=lambda f: f["period"]["fiscal_year"],
    )
    if not detained:
        return None
    years = [f"FY{f['period']['fiscal_year']}" for f in detained]
    return bar_chart(
        "chart-uflpa",
        "Shipments detained under the UFLPA, by fiscal year",
        "As CBP reported them on the dates in the table; a year still under way when reported is marked “in part”.",
        years,
        [("Detained", [f["shipments"] for f in detained])],
        ("Fiscal year", "Shipments detained", "Reported"),
        [
            (y + (" (in part)" if "in part" in f.get("note", "") else ""), f"{f['shipments']:,}", f["reported"])
            for y, f in zip(years, detained, strict=True)
        ],
        ("shipments",),
    )


def wro_charts(views: SiteViews) -> ChartsView:
    return ChartsView((wro_chart(views),))


def entity_list_charts(views: SiteViews) -> ChartsView:
    uflpa = uflpa_chart(views)
    return ChartsView((entity_list_chart(views),) + ((uflpa,) if uflpa else ()))


BILL_STAGES = {
    "introduced": "Introduced",
    "passed-house": "Passed one chamber",
    "passed-senate": "Passed one chamber",
    "passed-both": "Passed both chambers",
    "enacted": "Law",
}


def bill_overview(views: SiteViews) -> BillOverviewView:
    """Every bill in one table, newest Congress first: its stage, or that it died with its Congress."""
    data = views.data
    by_congress: dict[int, list[BillRow]] = {}
    for bill in data.bills:
        died = died_with_congress(bill, views.today)
        step = bill["status"]["step"]
        by_congress.setdefault(bill["congress"], []).append(
            BillRow(
                number=fold(bill["number"]),
                target=views.site.target(BILLS_PAGE, bill["id"]),
                title=fold(bill["title"]),
                congress=ordinal(bill["congress"]),
                stage=died[:1].upper() + died[1:] if died else BILL_STAGES[step],
                stage_class="died" if died else {"enacted": "law", "introduced": "introduced"}.get(step, "passed"),
            )
        )
    return BillOverviewView(
        checked=day(data.bills_checked),
        built=day(views.today.isoformat()),
        congresses=tuple(
            CongressBills(f"{ordinal(c)} Congress", f"congress-{c}", tuple(by_congress[c]))
            for c in sorted(by_congress, reverse=True)
        ),
    )

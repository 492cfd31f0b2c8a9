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

from congress_calendar import died_with_congress
from site_data import SiteData, next_step_on
from site_exports import DOWNLOAD_KINDS
from site_text import (
    BILL_CONGRESS_PAGE,
    CHANGES_YEAR_PAGE,
    DOWNLOADS_DIR,
    HOME_PAGE,
    WROS_PAGE,
    fold,
    format_date,
    plural,
    site_path,
)

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
    summary: str  # where it stands in one line of plain words (under the title on the home page)
    searched: Day  # when the record was last searched for newer developments: "checked" to readers
    note: str
    why: str
    sources: tuple[Source, ...]
    next: NextStep
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
    explained: Target | None  # where the WROs page explains this state once for every order in it
    as_of: Day
    searched: Day  # when the order was last searched for newer developments
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class WroTableView:
    checked: Day
    wros: tuple[WroView, ...]


# WRO states that the WROs page explains once (docs/wros.md, a paragraph with this id), instead of
# each order's note repeating it: the state's label in the table links there.
WRO_STATE_EXPLAINED = {"under-uflpa": "under-uflpa", "not-confirmed": "not-confirmed"}


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
    """One Congress's bills, on its page."""

    anchor: str  # "congress-117": the id of the list, which the bills page's old section links lead to
    checked: Day
    bills: tuple[BillView, ...]


@dataclass(frozen=True, slots=True)
class ChangeView:
    anchor: str
    former_anchors: tuple[str, ...]  # its ids before its date was corrected, kept for published links
    target: Target  # the change with its note and sources, on its year's page
    date: Day
    proposal: Link
    status: Status
    current: bool
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class ChangeListView:
    """Changes, newest first: all of them on "What changed", one year's on that year's page."""

    changes: tuple[ChangeView, ...]
    years: tuple[tuple[int, Target], ...]  # every year with a change, newest first, and its page


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


def email_text(title: str, status: Status, summary: str, next_step: NextStep, searched: Day, deep_link: str) -> str:
    """The plain text a reader pastes into an email about one proposal (the first line is
    the title: the copy button names itself after it)."""
    return (
        f"{title}\n"
        f"Status: {status.label}. {summary} (latest development {status.as_of.text}; checked {searched.text})\n"
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
        self.made_once: dict[str, Any] = {}  # views a main page and its year pages share, by name

    def bill_ref(self, bill_id: str) -> BillRef:
        if bill_id not in self._bills:
            bill = self.data.bill(bill_id)
            self._bills[bill_id] = BillRef(
                fold(bill["number"]), self.bill_target(bill), died_with_congress(bill, self.today) or ""
            )
        return self._bills[bill_id]

    def bill_target(self, bill: Mapping[str, Any]) -> Target:
        """A bill's record, on its Congress's page."""
        return self.site.target(BILL_CONGRESS_PAGE.format(congress=bill["congress"]), bill["id"])

    def next_step(self, proposal: Mapping[str, Any]) -> NextStep:
        """The proposal's next step that applies on the build date."""
        step = next_step_on(proposal, self.today)
        vehicles = step["vehicles"]
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
        title, next_step, searched = fold(proposal["title"]), self.next_step(proposal), day(status["searched"])
        summary = fold(status["summary"])
        view = ProposalView(
            id=proposal["id"],
            title=title,
            target=target,
            address=re.sub(r"^https?://", "", deep_link),
            actor=fold(", ".join(proposal["actor"])),
            authority=fold(proposal["vehicle"]["authority"]),
            bills=tuple(self.bill_ref(bill_id) for bill_id in proposal["vehicle"].get("bills", [])),
            status=badge,
            summary=summary,
            searched=searched,
            note=fold(status["note"]),
            why=fold(proposal["why"]),
            sources=sources(status["sources"]),
            next=next_step,
            copy_text=email_text(title, badge, summary, next_step, searched, deep_link),
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
                    explained=self.site.target(WROS_PAGE, WRO_STATE_EXPLAINED[wro["status"]["state"]])
                    if wro["status"]["state"] in WRO_STATE_EXPLAINED
                    else None,
                    as_of=day(wro["status"]["as_of"]),
                    searched=day(wro["status"]["searched"]),
                    note=fold(wro["status"].get("note", "")),
                    sources=sources(wro["sources"]),
                )
                for wro in reversed(self.data.wros)  # newest first
            ),
        )

    def bill_list(self, congress: int) -> BillListView:
        """The bills of one Congress, in full."""
        data, labels = self.data, self.data.labels.bill_step
        bills = []
        for bill in data.bills:
            if bill["congress"] != congress:
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
        return BillListView(f"congress-{congress}", day(data.bills_checked), tuple(bills))

    def change_list(self, year: int | None = None) -> ChangeListView:
        """Every status change, newest first, or only those of `year`."""
        if "changes" not in self.made_once:  # "What changed" and each year's page share them
            self.made_once["changes"] = tuple(
                ChangeView(
                    anchor=change.anchor,
                    former_anchors=change.former_anchors,
                    target=self.site.target(CHANGES_YEAR_PAGE.format(year=change.date[:4]), change.anchor),
                    date=day(change.date),
                    proposal=Link(fold(change.proposal["title"]), self.proposal_target(change.proposal)),
                    status=Status(change.state, change.label, day(change.date)),
                    current=change.current,
                    note=fold(change.note),
                    sources=sources(change.sources),
                )
                for change in self.data.status_changes()
            )
        every: tuple[ChangeView, ...] = self.made_once["changes"]
        changes = every if year is None else tuple(c for c in every if c.date.iso.startswith(f"{year}-"))
        years = sorted({int(c.date.iso[:4]) for c in every}, reverse=True)
        return ChangeListView(changes, tuple((y, self.site.target(CHANGES_YEAR_PAGE.format(year=y))) for y in years))

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

    # ---- What you can do (docs/act.md): the asks, and each chamber's call script and letter ----

    def _current_steps(self) -> list[tuple[ProposalView, Mapping[str, Any]]]:
        """Each proposal's view and the next step in its data that applies on the build date."""
        return [(self.proposal(p["id"]), next_step_on(p, self.today)) for p in self.data.proposals]

    def asks(self) -> AskListView:
        """Every proposal's next step as an ask: those Congress takes first (a constituent's
        members act on them directly), those naming bills before the others, then those of the
        agencies (members press them); in the punch-list's order within each."""
        rows = [(view, step) for view, step in self._current_steps()]
        rows.sort(key=lambda row: (not _direct(row[1]["acts"]), not row[0].next.bills))
        return AskListView(
            checked=day(self.data.checked),
            asks=tuple(
                AskView(
                    anchor=f"ask-{view.id}",
                    next=view.next,
                    congress=_direct(step["acts"]),
                    whom=whom(step["acts"]),
                    proposal=Link(view.title, view.target),
                    status=view.status,
                )
                for view, step in rows
            ),
        )

    def chamber_asks(self, chamber: Chamber) -> tuple[ScriptAsk, ...]:
        """The asks a member of `chamber` gets: those put to that chamber or to both, on the
        build date, most urgent first (the punch-list's order among equals), at most three."""
        found = []
        for order, (_view, step) in enumerate(self._current_steps()):
            for ask in step["asks"]:
                if ask["to"] in (chamber, "both") and ask.get("from", "") <= self.today.isoformat():
                    found.append((ask["priority"], order, ask))
        found.sort(key=lambda item: (item[0], item[1]))
        return tuple(self._script_ask(ask) for _priority, _order, ask in found[:SCRIPT_ASKS])

    def _script_ask(self, ask: Mapping[str, Any]) -> ScriptAsk:
        bill = self.data.bill(ask["bill"]) if "bill" in ask else None
        return ScriptAsk(
            text=fold(ask["ask"]),
            sponsor=bill.get("sponsor_id", "") if bill else "",
            sponsor_text=fold(ask.get("sponsor_ask", "")),
        )

    def call_script(self, chamber: Chamber) -> ScriptView:
        """Read aloud in about a minute: the chamber's three most urgent asks."""
        asks = self.chamber_asks(chamber)
        name = PLACEHOLDERS[chamber]
        before = (
            "Hello, my name is [NAME] and I live in [TOWN], ZIP code [ZIP], so I am a constituent. "
            "I am calling about forced labor in Xinjiang, China. Could I speak with the staff member "
            "who covers trade or human rights? [If not: May I leave a short message?]\n\n"
            f"I am asking {name} to do {things(len(asks))}:\n\n"
        )
        after = f"\nWhere does {name} stand on these? Please let me know. Thank you."
        return ScriptView(
            f"call-script-{chamber}",
            chamber,
            f"Copy the {CHAMBER_NAMES[chamber]} call script",
            name,
            before,
            asks,
            after,
        )

    def letter(self, chamber: Chamber) -> ScriptView:
        """A letter or email to send through the member's contact form: the same asks."""
        asks = self.chamber_asks(chamber)
        name = PLACEHOLDERS[chamber]
        before = (
            f"Subject: Forced labor in Xinjiang: {things(len(asks)).replace('thing', 'request')}\n\n"
            f"Dear {name},\n\n"
            "I am a constituent from [TOWN, ZIP]. I am writing about forced labor imposed on Uyghurs "
            "and other minorities in Xinjiang, China, and the goods made with it that still reach U.S. stores.\n\n"
            f"I ask you to do {things(len(asks))}:\n\n"
        )
        after = (
            "\n[One or two sentences on why this matters to you.]\n\n"
            "Please tell me your position on these requests.\n\n"
            "Sincerely,\n[NAME]\n[TOWN, ZIP]"
        )
        return ScriptView(
            f"letter-{chamber}", chamber, f"Copy the {CHAMBER_NAMES[chamber]} letter", name, before, asks, after
        )


# ---- What you can do: records and helpers ------------------------------------------------

SCRIPT_ASKS = 3  # "be brief and specific: one to three bills or actions"

Chamber = Literal["senate", "house"]
CHAMBERS: tuple[Chamber, ...] = ("senate", "house")
CHAMBER_NAMES = {"senate": "Senate", "house": "House"}
# Where a member's title and name go; the look-up puts the chosen member's in their place.
PLACEHOLDERS = {"senate": "[Senator NAME]", "house": "[Representative NAME]"}


def _direct(acts: Sequence[str]) -> bool:
    """Whether Congress or one of its chambers takes the step itself."""
    return bool({"congress", "senate", "house"} & set(acts))


def whom(acts: Sequence[str]) -> str:
    """Whom a reader asks, in words: "Ask your senators to do it; ask your members to press them"."""
    parts = []
    if "congress" in acts or {"senate", "house"} <= set(acts):
        parts.append("Ask your senators and representative to do it")
    elif "senate" in acts:
        parts.append("Ask your senators to do it")
    elif "house" in acts:
        parts.append("Ask your representative to do it")
    if "agency" in acts:
        parts.append("ask your members to press them" if parts else "Ask your members to press them")
    return "; ".join(parts)


def things(count: int) -> str:
    return {1: "one thing", 2: "two things", 3: "three things"}.get(count, f"{count} things")


@dataclass(frozen=True, slots=True)
class AskView:
    anchor: str  # "ask-<proposal id>": the row's id
    next: NextStep
    congress: bool  # Congress takes the step (else an agency, which members press)
    whom: str  # "Ask your senators to do it"
    proposal: Link
    status: Status


@dataclass(frozen=True, slots=True)
class AskListView:
    checked: Day
    asks: tuple[AskView, ...]


@dataclass(frozen=True, slots=True)
class ScriptAsk:
    """One ask in a call script or letter, and the same ask as put to the bill's sponsor."""

    text: str
    sponsor: str  # the bioguide id of the sponsor of the bill it is about, or ""
    sponsor_text: str  # what the sponsor is asked instead (a thank-you first), or ""


@dataclass(frozen=True, slots=True)
class ScriptView:
    """A text to copy (a chamber's call script or letter): shown wrapped, with a copy button.
    The look-up fills in the chosen members (`placeholder`), one copy per member, and gives a
    bill's sponsor the sponsor's text of that ask."""

    id: str
    chamber: Chamber
    button: str  # the copy button's name
    placeholder: str  # "[Senator NAME]"
    before: str  # the text before the numbered asks
    asks: tuple[ScriptAsk, ...]
    after: str  # the text after them

    @property
    def text(self) -> str:
        """The whole text as shown before a member is chosen."""
        numbered = "".join(f"{n}. {ask.text}\n" for n, ask in enumerate(self.asks, 1))
        return f"{self.before}{numbered}{self.after}"

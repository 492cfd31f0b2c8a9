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
from site_data import SiteData
from site_exports import DOWNLOAD_KINDS
from site_text import (
    BILL_CONGRESS_PAGE,
    CHANGES_YEAR_PAGE,
    DOWNLOADS_DIR,
    HOME_PAGE,
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
    """One Congress's bills, on its page."""

    anchor: str  # "congress-117": the id of the list, which the bills page's old section links lead to
    checked: Day
    bills: tuple[BillView, ...]


@dataclass(frozen=True, slots=True)
class ChangeView:
    anchor: str
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

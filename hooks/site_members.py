"""The members of Congress as the site shows them: the look-up on What you can do, one page per
state, and one small JSON file per state that the look-up loads when a reader picks that state.

Like site_views.py: small, typed, frozen records whose text is what readers see, and no HTML;
each view function takes the build's `SiteViews`. No MkDocs import.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from congress_calendar import congress_sitting, congress_start, ordinal
from site_data import SiteData
from site_text import ACT_PAGE, MEMBERS_PAGE, MEMBERS_STATE_PAGE, format_date, last_name
from site_views import Day, SiteViews, Source, Target, day, sources
from us_states import STATE_NAMES, TERRITORIES

TITLES = {
    "senator": "Senator",
    "representative": "Representative",
    "delegate": "Delegate",
    "resident-commissioner": "Resident Commissioner",
}
SHORT_TITLES = {"senator": "Sen.", "representative": "Rep.", "delegate": "Del.", "resident-commissioner": "Res. Comm."}
SWITCHBOARD = "202-224-3121"  # the U.S. Capitol switchboard connects to any member's office
HOUSE_LOOKUP = "https://www.house.gov/representatives/find-your-representative"
MEMBERS_DATA_DIR = "members"  # <code>.json beside the state pages: members/wa.json
MEMBERS_LOADER = "assets/members-lookup.js"  # on What you can do only: loads MEMBERS_SCRIPT when first used
MEMBERS_SCRIPT = "assets/members.js"  # the look-up's behaviour


def party_letter(party: str) -> str:
    return party[:1].upper()


def state_slug(code: str) -> str:
    """A state's part of its page address and its JSON file's name: "wa"."""
    return code.lower()


def members_stale(checked: str, today: datetime.date) -> int | None:
    """The Congress sitting on `today`, if the member list was last checked before its first
    day (a new Congress has new members), else None."""
    sitting = congress_sitting(today)
    return sitting if datetime.date.fromisoformat(checked) < congress_start(sitting).date() else None


# ---- Views -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberView:
    bioguide: str
    name: str
    role: str  # senator, representative, delegate, resident-commissioner
    title: str  # "Senator"
    addressed: str  # "Senator Cantwell", as a call script or letter names them
    short: str  # "Sen. Maria Cantwell (D)"
    party: str  # "D"
    district: str  # "District 7", "At large", or "" for a senator
    district_number: int | None  # 0 for at large; None for a senator
    phone: str  # the office's number, "202-224-3441", or "" when none is listed yet
    call: str  # the number to call: the office's, else the Capitol switchboard
    tel: str  # "tel:+12022243441": a link that calls `call`
    website: str
    contact_form: str
    # "Appointed; the seat was on the ballot on Nov 3, 2026": a term that ended on the build date
    # other than with its Congress (the general warning covers those).
    note: str


@dataclass(frozen=True, slots=True)
class Stale:
    """The member list predates the sitting Congress."""

    congress: str  # "120th"
    began: Day


@dataclass(frozen=True, slots=True)
class StateMembersView:
    code: str
    name: str
    target: Target  # its page
    senators: tuple[MemberView, ...]
    house: tuple[MemberView, ...]  # by district
    vacant: tuple[int, ...]  # districts with no member on the checked date (gaps in the numbering)
    territory: bool
    checked: Day
    source: Source
    stale: Stale | None
    index: Target  # every state's members
    act: Target  # What you can do
    house_lookup: str


@dataclass(frozen=True, slots=True)
class StateLink:
    code: str
    name: str
    target: Target


@dataclass(frozen=True, slots=True)
class MemberLookupView:
    """The look-up on What you can do: a state (then a district) chosen in the page, whose
    members are read from that state's JSON file only when the reader picks it."""

    states: tuple[StateLink, ...]  # by name
    index: Target  # the members page, for readers without JavaScript
    loader: Target  # members-lookup.js, loaded with the page: shows the controls, loads `script` when used
    script: Target  # members.js, the look-up's behaviour, loaded when first used
    data: Target  # the folder holding <code>.json
    checked: Day
    source: Source
    stale: Stale | None
    house_lookup: str
    switchboard: str


@dataclass(frozen=True, slots=True)
class MembersIndexView:
    states: tuple[StateLink, ...]
    counts: str  # "100 senators, 431 representatives, 5 delegates and 1 resident commissioner"
    checked: Day
    source: Source
    stale: Stale | None


def _tel(phone: str) -> str:
    return f"tel:+1{phone.replace('-', '')}"


def member_view(record: Mapping[str, Any], today: datetime.date) -> MemberView:
    role, party = record["role"], party_letter(record["party"])
    district = record.get("district")
    phone = record.get("phone", "")
    note = ""
    end = datetime.date.fromisoformat(record["term_end"])
    if end <= today and not (end.month == 1 and end.day == 3):
        what = "Appointed to the seat until" if record.get("appointed") else "Term set to end on"
        note = f"{what} {format_date(record['term_end'])}: check the Senate's or the House's own list for who holds it now."
    return MemberView(
        bioguide=record["bioguide"],
        name=record["name"],
        role=role,
        title=TITLES[role],
        addressed=f"{TITLES[role]} {last_name(record['name'])}",
        short=f"{SHORT_TITLES[role]} {record['name']} ({party})",
        party=party,
        district="" if district is None else ("At large" if district == 0 else f"District {district}"),
        district_number=district,
        phone=phone,
        call=phone or SWITCHBOARD,
        tel=_tel(phone or SWITCHBOARD),
        website=record.get("website", ""),
        contact_form=record.get("contact_form", ""),
        note=note,
    )


def _stale(views: SiteViews) -> Stale | None:
    sitting = members_stale(views.data.members_checked, views.today)
    if sitting is None:
        return None
    return Stale(ordinal(sitting), day(congress_start(sitting).date().isoformat()))


def _states(views: SiteViews) -> tuple[StateLink, ...]:
    present = {m["state"] for m in views.data.members}
    return tuple(
        StateLink(code, name, views.site.target(MEMBERS_STATE_PAGE.format(slug=state_slug(code))))
        for code, name in sorted(STATE_NAMES.items(), key=lambda item: item[1])
        if code in present
    )


def state_members_view(views: SiteViews, code: str) -> StateMembersView:
    key = f"members-{code}"
    if key not in views.made_once:
        today = views.today
        records = [m for m in views.data.members if m["state"] == code]
        senators = tuple(member_view(m, today) for m in records if m["role"] == "senator")
        house = tuple(
            sorted(
                (member_view(m, today) for m in records if m["role"] != "senator"), key=lambda m: m.district_number or 0
            )
        )
        numbers = {m.district_number or 0 for m in house}
        vacant = tuple(n for n in range(1, max(numbers, default=0)) if n not in numbers) if 0 not in numbers else ()
        views.made_once[key] = StateMembersView(
            code=code,
            name=STATE_NAMES[code],
            target=views.site.target(MEMBERS_STATE_PAGE.format(slug=state_slug(code))),
            senators=senators,
            house=house,
            vacant=vacant,
            territory=code in TERRITORIES,
            checked=day(views.data.members_checked),
            source=sources([views.data.members_source])[0],
            stale=_stale(views),
            index=views.site.target(MEMBERS_PAGE),
            act=views.site.target(ACT_PAGE),
            house_lookup=HOUSE_LOOKUP,
        )
    view: StateMembersView = views.made_once[key]
    return view


def member_lookup_view(views: SiteViews) -> MemberLookupView:
    data = views.data
    return MemberLookupView(
        states=_states(views),
        index=views.site.target(MEMBERS_PAGE),
        loader=Target(MEMBERS_LOADER),
        script=Target(MEMBERS_SCRIPT),
        data=Target(MEMBERS_DATA_DIR + "/"),
        checked=day(data.members_checked),
        source=sources([data.members_source])[0],
        stale=_stale(views),
        house_lookup=HOUSE_LOOKUP,
        switchboard=SWITCHBOARD,
    )


def members_index_view(views: SiteViews) -> MembersIndexView:
    data = views.data
    roles = [m["role"] for m in data.members]
    parts = [
        (roles.count("senator"), "senator"),
        (roles.count("representative"), "representative"),
        (roles.count("delegate"), "delegate"),
        (roles.count("resident-commissioner"), "resident commissioner"),
    ]
    words = [f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in parts if n]
    counts = ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else words[0]
    return MembersIndexView(
        states=_states(views),
        counts=counts,
        checked=day(data.members_checked),
        source=sources([data.members_source])[0],
        stale=_stale(views),
    )


# ---- Files written at build time ---------------------------------------------------------


def state_json(view: StateMembersView) -> str:
    """What the look-up (members.js) loads for one state: its members, compact."""

    def member(m: MemberView) -> dict[str, Any]:
        record: dict[str, Any] = {"id": m.bioguide, "short": m.short, "addressed": m.addressed}
        if m.district_number is not None:
            record["district"] = m.district_number
        # a contact form, or else the website (where one is found)
        links = (("form", m.contact_form),) if m.contact_form else (("site", m.website),)
        for key, value in (("phone", m.phone), *links, ("note", m.note)):
            if value:
                record[key] = value
        return record

    document: dict[str, Any] = {
        "state": view.code,
        "name": view.name,
        "checked": view.checked.text,
        "senators": [member(m) for m in view.senators],
        "house": [member(m) for m in view.house],
    }
    if view.vacant:
        document["vacant"] = list(view.vacant)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def member_states(data: SiteData) -> list[str]:
    """The postal codes of the states (DC and the territories included) with members in the data."""
    return sorted({m["state"] for m in data.members})


def member_files(views: SiteViews) -> dict[str, str]:
    """members/<code>.json for each state, district and territory: path -> content."""
    return {
        f"{MEMBERS_DATA_DIR}/{state_slug(code)}.json": state_json(state_members_view(views, code))
        for code in member_states(views.data)
    }


def state_page_markdown(code: str) -> str:
    """The Markdown of one state's members page, generated at build time (docs/ holds no file
    per state): its title, a line of what it is, and the marker of its block."""
    name = STATE_NAMES[code]
    return (
        "---\n"
        f'title: "{name}\'s members of Congress"\n'
        f'description: "The senators and members of the House for {name}, with their office phone numbers '
        'and contact forms, to ask them about forced labor in Xinjiang."\n'
        "search:\n  exclude: true\n"
        "sitemap: false\n"
        "---\n"
        f"# {name}'s members of Congress\n\n"
        f"<!-- data:members-{state_slug(code)} -->\n"
    )

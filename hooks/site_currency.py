"""Is the site still current? `make currency` lists what is due for a fresh look on a day.

Each proposal, WRO and bill records the day it was last searched for newer developments
(`status.searched`); a sweep sets it (README, "Keeping it current"). What is due:
- a record not searched within SEARCH_AGE_LIMIT (a bill is final once it is law, or once its
  Congress had ended when it was last searched, and is never due again);
- a proposal's next step that has reached its `review_by` date;
- a next step naming a bill whose Congress has ended (every bill not enacted dies with it;
  the 119th Congress ends at noon on Jan 3, 2027);
- a data file without search dates of its own, last checked longer ago than CHECKED_AGE_LIMIT;
- the list of members of Congress predates the first day of the sitting Congress.

The age of a status's evidence alone is no reason: a proposal searched recently with nothing
new found is current. The day is today unless PUNCHLIST_TODAY=YYYY-MM-DD says otherwise (tests
fix it). Exit status 1 when anything is due, 0 when nothing is, 2 when the data does not load.
The build and the tests never depend on the calendar: only this report does. No MkDocs import.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from congress_calendar import bill_is_live, congress_end, congress_has_ended, congress_start, ordinal
from site_data import SEARCHED_RECORDS, DataError, SiteData, load_site_data
from site_members import members_stale
from site_text import format_date, the_day

# A record is searched again at least once a quarter: a Congress can move a bill, and an agency
# issue or revoke an order, within weeks; a quarter keeps the weekly report short between sweeps.
SEARCH_AGE_LIMIT = datetime.timedelta(days=90)
# The same for a data file whose records carry no search date of their own (it is searched whole).
CHECKED_AGE_LIMIT = datetime.timedelta(days=90)


@dataclass(frozen=True)
class Due:
    """One thing due for review: what it is (an id), and why."""

    subject: str  # "proposal 'region-wide-wro'", "data/entity_list.yml"
    reason: str


def due_items(data: SiteData, day: datetime.date) -> list[Due]:
    """Everything due for review on `day`: the proposals in the punch-list's order, then the WROs,
    the bills, the data files and the members of Congress."""
    return [
        *proposal_items(data, day),
        *search_items("WRO", data.wros, day),
        *search_items("bill", (bill for bill in data.bills if not bill_is_final(bill)), day),
        *file_items(data, day),
        *members_items(data, day),
    ]


# ---- Proposals: the next step, and the search -----------------------------------------


def proposal_items(data: SiteData, day: datetime.date) -> Iterator[Due]:
    """Each proposal whose next step is due for review or names a dead bill, or that was not
    searched recently enough."""
    for proposal in data.proposals:
        yield from next_step_items(proposal, data, day)
        yield from search_items("proposal", (proposal,), day)


def next_step_items(proposal: Mapping[str, Any], data: SiteData, day: datetime.date) -> Iterator[Due]:
    subject = f"proposal '{proposal['id']}'"
    next_step = proposal["next"]
    if day >= datetime.date.fromisoformat(next_step["review_by"]):
        yield Due(subject, f"next step was due for review by {format_date(next_step['review_by'])}")
    for bill_id in next_step["vehicles"].get("bills", []):
        bill = data.bill(bill_id)
        if not bill_is_live(bill, day):
            ended = congress_end(bill["congress"]).date().isoformat()
            yield Due(
                subject,
                f"next step names {bill['number']} ('{bill_id}'), which died with the "
                f"{ordinal(bill['congress'])} Congress on {format_date(ended)}: name its successor or another vehicle",
            )


# ---- Records searched too long ago ------------------------------------------------------


def search_items(kind: str, records: Iterable[Mapping[str, Any]], day: datetime.date) -> Iterator[Due]:
    """Each record (a proposal, WRO or bill) last searched more than SEARCH_AGE_LIMIT before `day`."""
    for record in records:
        searched = record["status"]["searched"]
        if day - datetime.date.fromisoformat(searched) > SEARCH_AGE_LIMIT:
            yield Due(
                f"{kind} '{record['id']}'",
                f"last searched {format_date(searched)}, more than {SEARCH_AGE_LIMIT.days} days ago: "
                "search for newer developments and record the day",
            )


def bill_is_final(bill: Mapping[str, Any]) -> bool:
    """A bill's record can no longer change once it is law, or once its Congress had ended
    when it was last searched (one search after the end catches its last steps)."""
    searched = datetime.date.fromisoformat(bill["status"]["searched"])
    return bill["status"]["step"] == "enacted" or congress_has_ended(bill["congress"], searched)


# ---- Data files searched whole ------------------------------------------------------------


def file_items(data: SiteData, day: datetime.date) -> Iterator[Due]:
    """The data files whose records carry no search date of their own (the Entity List, the
    UFLPA figures), last checked more than CHECKED_AGE_LIMIT before `day`."""
    for label, checked in data.checked_dates().items():
        if label in _FILES_WITH_SEARCHED_RECORDS:
            continue  # their records are judged one by one, above
        if day - datetime.date.fromisoformat(checked) > CHECKED_AGE_LIMIT:
            yield Due(label, f"last checked {format_date(checked)}, more than {CHECKED_AGE_LIMIT.days} days ago")


_FILES_WITH_SEARCHED_RECORDS = frozenset(f"data/{stem}.yml" for stem in SEARCHED_RECORDS)


# ---- The members of Congress ------------------------------------------------------------


def members_items(data: SiteData, day: datetime.date) -> Iterator[Due]:
    """The members of Congress, when the list predates the first day of the Congress sitting on
    `day`: a new Congress has new members (the site shows a warning beside the look-up too)."""
    sitting = members_stale(data.members_checked, day)
    if sitting is not None:
        began = congress_start(sitting).date().isoformat()
        yield Due(
            "data/members.yml",
            f"lists the members as of {format_date(data.members_checked)}, before the {ordinal(sitting)} Congress "
            f"began on {format_date(began)}: run make refresh-members",
        )


# ---- The report -------------------------------------------------------------------------


def report(items: Sequence[Due], day: datetime.date) -> str:
    """The list as Markdown (it goes into a GitHub issue as it is)."""
    when = format_date(day.isoformat())
    if not items:
        return f"Nothing is due for review on {when}."
    lines = [f"{len(items)} item{'' if len(items) == 1 else 's'} due for review on {when}:", ""]
    lines += [f"- {item.subject}: {item.reason}" for item in items]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description="List what is due for review (the day: today, or $PUNCHLIST_TODAY).")
    parser.add_argument("--data", type=Path, default=root / "data")
    parser.add_argument("--docs", type=Path, default=root / "docs")
    args = parser.parse_args(argv)
    try:
        day = the_day()
        data = load_site_data(args.data, docs_dir=args.docs)
    except (ValueError, DataError) as err:
        print(err, file=sys.stderr)
        return 2
    items = due_items(data, day)
    print(report(items, day))
    return 1 if items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

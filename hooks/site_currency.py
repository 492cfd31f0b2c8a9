"""Is the site still current? `make currency` lists what is due for a fresh look on a day.

Three things go stale by themselves, without anyone editing the data:
- a proposal's next step reaches its `review_by` date;
- a next step names a bill whose Congress has ended (every bill not enacted dies with it;
  the 119th Congress ends at noon on Jan 3, 2027);
- a proposal's status rests on evidence older than STATUS_AGE_LIMIT, or a data file was
  last checked longer ago than CHECKED_AGE_LIMIT;
- the list of members of Congress predates the first day of the sitting Congress.

The day is today unless PUNCHLIST_TODAY=YYYY-MM-DD says otherwise (tests fix it). Exit
status 1 when anything is due, 0 when nothing is, 2 when the data does not load. The build
and the tests never depend on the calendar: only this report does. No MkDocs import.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from congress_calendar import bill_is_live, congress_end, congress_start, ordinal
from site_data import DataError, SiteData, load_site_data
from site_members import members_stale
from site_text import format_date, the_day

# A status whose newest evidence is over two years old needs a search for newer developments
# (a Congress lasts two years, so a status that old has seen at least one new Congress).
STATUS_AGE_LIMIT = datetime.timedelta(days=730)
# Statuses, WROs and bills are all re-checked together; a quarter without a check is too long.
CHECKED_AGE_LIMIT = datetime.timedelta(days=90)


@dataclass(frozen=True)
class Due:
    """One thing due for review: what it is (an id), and why."""

    subject: str  # "proposal 'region-wide-wro'", "data/bills.yml"
    reason: str


def due_items(data: SiteData, day: datetime.date) -> list[Due]:
    """Everything due for review on `day`, in the punch-list's order, then the data files."""
    items: list[Due] = []
    for proposal in data.proposals:
        subject = f"proposal '{proposal['id']}'"
        next_step = proposal["next"]
        review_by = datetime.date.fromisoformat(next_step["review_by"])
        if day >= review_by:
            items.append(Due(subject, f"next step was due for review by {format_date(next_step['review_by'])}"))
        for bill_id in next_step["vehicles"].get("bills", []):
            bill = data.bill(bill_id)
            if not bill_is_live(bill, day):
                ended = congress_end(bill["congress"]).date().isoformat()
                items.append(
                    Due(
                        subject,
                        f"next step names {bill['number']} ('{bill_id}'), which died with the "
                        f"{ordinal(bill['congress'])} Congress on {format_date(ended)}: name its successor or another vehicle",
                    )
                )
        as_of = datetime.date.fromisoformat(proposal["status"]["as_of"])
        if day - as_of > STATUS_AGE_LIMIT:
            items.append(
                Due(
                    subject,
                    f"status rests on evidence from {format_date(proposal['status']['as_of'])}, over two years old: look for newer developments",
                )
            )
    for label, checked in data.checked_dates().items():
        if day - datetime.date.fromisoformat(checked) > CHECKED_AGE_LIMIT:
            items.append(Due(label, f"last checked {format_date(checked)}, more than 90 days ago"))
    items += members_due(data, day)
    return items


def members_due(data: SiteData, day: datetime.date) -> list[Due]:
    """The members of Congress, when the list predates the first day of the Congress sitting on
    `day`: a new Congress has new members (the site shows a warning beside the look-up too)."""
    sitting = members_stale(data.members_checked, day)
    if sitting is None:
        return []
    began = congress_start(sitting).date().isoformat()
    return [
        Due(
            "data/members.yml",
            f"lists the members as of {format_date(data.members_checked)}, before the {ordinal(sitting)} Congress "
            f"began on {format_date(began)}: run make refresh-members",
        )
    ]


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

"""When a Congress ends, and whether a bill can still pass. Pure functions, no MkDocs import.

Since the Twentieth Amendment (section 1), the terms of senators and representatives end at
noon on January 3; a bill not enacted by then dies with its Congress and has to be
introduced again, under a new number, in the next one. The nth Congress ends in the year
1789 + 2n: the 119th at noon on 2027-01-03.

Time zone: noon in Washington. On January 3 that is always Eastern Standard Time (UTC-5,
daylight saving time never reaches January), so a fixed offset is exact and needs no time
zone database.

Dates without a time (the data's `checked` date, a build date) stand for the whole day. A
Congress counts as ended on a date when it has ended by the end of that day, so on
January 3 itself it has ended: nothing can pass that afternoon, and a next step checked that
day must already name a bill of the new Congress. An exact moment (an aware datetime) is
compared with noon itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

WASHINGTON_IN_JANUARY = datetime.timezone(datetime.timedelta(hours=-5), "EST")

# The 73rd Congress was the first to end on January 3 (in 1935); earlier ones ended on March 4.
FIRST_CONGRESS_ENDING_JANUARY_3 = 73


def congress_end(congress: int) -> datetime.datetime:
    """The moment the given Congress ends: noon Eastern time on January 3 of 1789 + 2 × congress."""
    if congress < FIRST_CONGRESS_ENDING_JANUARY_3:
        raise ValueError(f"the {ordinal(congress)} Congress ended before the January 3 rule (73rd Congress onward)")
    return datetime.datetime(1789 + 2 * congress, 1, 3, 12, 0, tzinfo=WASHINGTON_IN_JANUARY)


def congress_years(congress: int) -> tuple[int, int]:
    """The years the given Congress sits, from its start to its end on January 3: (2021, 2023) for the 117th."""
    end = congress_end(congress).year
    return end - 2, end


def congress_start(congress: int) -> datetime.datetime:
    """The moment the given Congress first meets: when the one before it ends (noon, January 3)."""
    return congress_end(congress - 1)


def congress_sitting(on: datetime.date) -> int:
    """The Congress in office on the given day: the first not yet ended by its end (so on
    January 3 of an odd year, the new one)."""
    congress = (on.year - 1789) // 2 + 1  # the first whose end falls after this year
    return congress - 1 if not congress_has_ended(congress - 1, on) else congress


def congress_has_ended(congress: int, on: datetime.date | datetime.datetime) -> bool:
    """Whether the Congress had ended on the given day (by its end) or at the given aware moment."""
    end = congress_end(congress)
    if isinstance(on, datetime.datetime):  # test first: a datetime is also a date
        if on.tzinfo is None:
            raise ValueError("a moment must carry its time zone")
        return on >= end
    return on >= end.date()


def bill_is_live(bill: Mapping[str, Any], on: datetime.date | datetime.datetime) -> bool:
    """A bill counts while its Congress still sits, and for good once it is law."""
    return bill["status"]["step"] == "enacted" or not congress_has_ended(bill["congress"], on)


def died_with_congress(bill: Mapping[str, Any], on: datetime.date | datetime.datetime) -> str | None:
    """The words a page shows for a bill that died with its Congress ("died with the 116th
    Congress"), or None while it can still pass or once it is law. `on` is the build date,
    so a page built after January 3 says so without any edit to the data."""
    if bill_is_live(bill, on):
        return None
    return f"died with the {ordinal(bill['congress'])} Congress"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, 111th, 112th, 121st."""
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"

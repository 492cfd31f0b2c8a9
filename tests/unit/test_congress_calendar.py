"""When a Congress ends and whether a bill can still pass: the edges of the day and of the law."""

from __future__ import annotations

import datetime

import pytest

from congress_calendar import bill_is_live, congress_end, congress_has_ended, died_with_congress, ordinal

EST = datetime.timezone(datetime.timedelta(hours=-5))


def bill(congress: int, step: str = "introduced") -> dict:
    return {"id": f"hr1-{congress}", "congress": congress, "status": {"step": step, "date": "2020-01-01"}}


def test_the_119th_congress_ends_at_noon_eastern_on_january_3_2027() -> None:
    end = congress_end(119)
    assert end == datetime.datetime(2027, 1, 3, 17, 0, tzinfo=datetime.UTC)
    assert end.astimezone(EST).hour == 12


@pytest.mark.parametrize(("congress", "year"), [(116, 2021), (117, 2023), (118, 2025), (120, 2029), (73, 1935)])
def test_each_congress_ends_two_years_after_the_last(congress: int, year: int) -> None:
    assert congress_end(congress).date() == datetime.date(year, 1, 3)


def test_congresses_before_the_twentieth_amendment_rule_are_refused() -> None:
    with pytest.raises(ValueError, match="72nd"):
        congress_end(72)


@pytest.mark.parametrize(
    ("day", "ended"),
    [
        (datetime.date(2027, 1, 2), False),  # the day before: it still sits
        (datetime.date(2027, 1, 3), True),  # the day itself counts as ended: nothing passes that afternoon
        (datetime.date(2027, 1, 4), True),
    ],
)
def test_a_date_counts_as_ended_from_january_3_itself(day: datetime.date, ended: bool) -> None:
    assert congress_has_ended(119, day) is ended


def test_an_exact_moment_is_compared_with_noon() -> None:
    assert not congress_has_ended(119, datetime.datetime(2027, 1, 3, 11, 59, tzinfo=EST))
    assert congress_has_ended(119, datetime.datetime(2027, 1, 3, 12, 0, tzinfo=EST))
    # 16:59 UTC is still 11:59 in Washington
    assert not congress_has_ended(119, datetime.datetime(2027, 1, 3, 16, 59, tzinfo=datetime.UTC))


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        congress_has_ended(119, datetime.datetime(2027, 1, 3, 12, 0))


@pytest.mark.parametrize(
    ("day", "live"),
    [(datetime.date(2027, 1, 2), True), (datetime.date(2027, 1, 3), False), (datetime.date(2027, 6, 1), False)],
)
def test_a_119th_bill_is_live_until_its_congress_ends(day: datetime.date, live: bool) -> None:
    assert bill_is_live(bill(119, "passed-house"), day) is live


def test_an_enacted_bill_of_an_old_congress_stays_live() -> None:
    assert bill_is_live(bill(114, "enacted"), datetime.date(2026, 11, 27))
    assert died_with_congress(bill(114, "enacted"), datetime.date(2026, 11, 27)) is None


def test_a_page_built_after_the_end_says_the_bill_died_with_its_congress() -> None:
    assert died_with_congress(bill(116, "passed-house"), datetime.date(2026, 11, 27)) == "died with the 116th Congress"
    assert died_with_congress(bill(119), datetime.date(2027, 1, 2)) is None
    assert died_with_congress(bill(119), datetime.date(2027, 1, 3)) == "died with the 119th Congress"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (121, "121st"),
        (122, "122nd"),
    ],
)
def test_ordinals(number: int, words: str) -> None:
    assert ordinal(number) == words

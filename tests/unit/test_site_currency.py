"""`make currency`: what is due for review on a given day. The day is always fixed here."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR, bill_record
from site_currency import CHECKED_AGE_LIMIT, SEARCH_AGE_LIMIT, due_items, main, report
from site_data import SiteData, load_site_data
from site_text import the_day

DAY = datetime.date


def fixture_copy(tmp_path: Path) -> Path:
    """The fixture data with a bill of the 119th Congress named in ilo-inquiry's next step (due Dec 18, 2026)."""
    data_dir = shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(SCHEMA_DIR, data_dir / "schema")
    bills = yaml.safe_load((data_dir / "bills.yml").read_text(encoding="utf-8"))
    bills["bills"].append(bill_record("hr8712-119", "H.R. 8712", "A live disclosure bill", introduced="2026-05-07"))
    (data_dir / "bills.yml").write_text(yaml.safe_dump(bills, sort_keys=False), encoding="utf-8")
    proposals = (data_dir / "proposals.yml").read_text(encoding="utf-8")
    proposals = proposals.replace(
        'vehicles: {action: "The ILO\'s complaint procedure"}\n      review_by: 2027-02-26',
        "vehicles: {bills: [hr8712-119]}\n      review_by: 2026-12-18",
    )
    # the step written ahead for when that bill's Congress ends (validation asks for one)
    proposals = proposals.replace(
        '        - {to: both, priority: 3, ask: "Please press the Labor Department to back an ILO complaint."}\n',
        '        - {to: both, priority: 3, ask: "Please press the Labor Department to back an ILO complaint."}\n'
        "      later:\n"
        "        - {from: 2027-01-03, step: Reintroduce the bill, who: Congress, acts: [congress],"
        " vehicles: {action: A new bill}, review_by: 2027-03-31,"
        ' asks: [{to: both, priority: 1, ask: "Please reintroduce the bill."}]}\n',
    )
    (data_dir / "proposals.yml").write_text(proposals, encoding="utf-8")
    return data_dir


@pytest.fixture
def data(tmp_path: Path) -> SiteData:
    return load_site_data(fixture_copy(tmp_path), today=DAY(2026, 11, 28))


def reasons(data: SiteData, day: datetime.date) -> list[str]:
    return [f"{item.subject}: {item.reason}" for item in due_items(data, day)]


def test_nothing_is_due_the_day_after_a_check(data: SiteData) -> None:
    assert due_items(data, DAY(2026, 11, 28)) == []
    assert report([], DAY(2026, 11, 28)) == "Nothing is due for review on Nov 28, 2026."


def test_a_next_step_is_due_on_its_review_date_not_before(data: SiteData) -> None:
    assert reasons(data, DAY(2026, 12, 17)) == []
    assert reasons(data, DAY(2026, 12, 18)) == ["proposal 'ilo-inquiry': next step was due for review by Dec 18, 2026"]


def test_a_bill_named_in_a_next_step_is_due_once_its_congress_has_ended(data: SiteData) -> None:
    before = [r for r in reasons(data, DAY(2027, 1, 2)) if "died" in r]
    after = [r for r in reasons(data, DAY(2027, 1, 3)) if "died" in r]
    assert before == []
    assert after == [
        "proposal 'ilo-inquiry': next step names H.R. 8712 ('hr8712-119'), which died with the 119th Congress "
        "on Jan 3, 2027: name its successor or another vehicle"
    ]


def test_an_enacted_bill_of_an_old_congress_is_never_due(data: SiteData) -> None:
    # region-wide-wro's next step names H.R. 6256 of the 117th Congress, which is law.
    assert not [r for r in reasons(data, DAY(2030, 1, 1)) if "hr6256-117" in r]


def test_old_evidence_alone_makes_nothing_due(data: SiteData) -> None:
    # region-wide-wro's latest development is of Jun 21, 2022; it was searched on Nov 27, 2026 and nothing
    # newer was found: it is current, however old the development.
    assert data.proposals[0]["id"] == "region-wide-wro" and data.proposals[0]["status"]["as_of"] == "2022-06-21"
    assert not [r for r in reasons(data, DAY(2026, 12, 17)) if "region-wide-wro" in r]


SEARCHED = DAY(2026, 11, 27)  # every record's search date in the fixture


def test_every_record_is_due_once_its_search_is_older_than_the_limit(data: SiteData) -> None:
    at_limit = [r for r in reasons(data, SEARCHED + SEARCH_AGE_LIMIT) if "last searched" in r]
    past_limit = [
        r for r in reasons(data, SEARCHED + SEARCH_AGE_LIMIT + datetime.timedelta(days=1)) if "last searched" in r
    ]
    assert at_limit == []
    assert [r.split(":")[0] for r in past_limit] == [
        "proposal 'region-wide-wro'",
        "proposal 'ilo-inquiry'",
        "WRO 'finding-baoanzhao-stevia'",  # oldest first
        "WRO 'wro-xinjiang-region'",
        # hr6256-117 is law and hr6210-116 died before it was last searched: both final, never due
        "bill 'hr8712-119'",
    ]
    assert past_limit[0] == (
        "proposal 'region-wide-wro': last searched Nov 27, 2026, more than 90 days ago: "
        "search for newer developments and record the day"
    )


def test_a_dead_bill_is_due_for_one_search_after_its_congress_ends(tmp_path: Path) -> None:
    data_dir = fixture_copy(tmp_path)
    bills = yaml.safe_load((data_dir / "bills.yml").read_text(encoding="utf-8"))
    late = DAY(2027, 6, 1)
    assert [r for r in reasons(load_site_data(data_dir, today=late), late) if "hr8712-119" in r and "searched" in r]
    # searched once after the 119th Congress ended: its record is final
    bills["checked"] = "2027-01-04"
    bills["bills"][-1]["status"]["searched"] = "2027-01-04"
    (data_dir / "bills.yml").write_text(yaml.safe_dump(bills, sort_keys=False), encoding="utf-8")
    assert not [r for r in reasons(load_site_data(data_dir, today=late), late) if "hr8712-119" in r and "searched" in r]


def test_a_data_file_without_search_dates_is_due_when_its_check_is_too_old(data: SiteData) -> None:
    checked = DAY(2026, 11, 27)
    assert not [r for r in reasons(data, checked + CHECKED_AGE_LIMIT) if "last checked" in r]
    late = [r for r in reasons(data, checked + CHECKED_AGE_LIMIT + datetime.timedelta(days=1)) if "last checked" in r]
    # the proposals, WROs and bills are judged record by record instead
    assert sorted(r.split(":")[0] for r in late) == ["data/entity_list.yml", "data/uflpa_stats.yml"]


def test_the_report_counts_and_lists_each_item_by_id(data: SiteData) -> None:
    text = report(due_items(data, DAY(2027, 1, 3)), DAY(2027, 1, 3))
    # the step's review date, its bill's Congress, and the members of that Congress (data/members.yml)
    assert text.startswith("3 items due for review on Jan 3, 2027:")
    assert "- proposal 'ilo-inquiry': next step was due for review by Dec 18, 2026" in text
    assert "- data/members.yml: lists the members as of Jun 15, 2026, before the 120th Congress began" in text


def test_the_day_comes_from_the_environment_or_is_today() -> None:
    assert the_day({"PUNCHLIST_TODAY": "2027-01-03"}) == DAY(2027, 1, 3)
    assert the_day({}) == datetime.date.today()
    with pytest.raises(ValueError, match="PUNCHLIST_TODAY must be a date written YYYY-MM-DD; got '3 Jan'"):
        the_day({"PUNCHLIST_TODAY": "3 Jan"})


@pytest.mark.parametrize(("day", "expected_exit"), [("2026-11-28", 0), ("2027-01-03", 1)])
def test_the_command_exits_1_when_something_is_due_and_0_when_nothing_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], day: str, expected_exit: int
) -> None:
    data_dir = fixture_copy(tmp_path)
    monkeypatch.setenv("PUNCHLIST_TODAY", day)
    assert main(["--data", str(data_dir), "--docs", str(ROOT / "docs")]) == expected_exit
    assert ("due for review" in capsys.readouterr().out) is True


def test_the_command_exits_2_on_a_bad_day(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PUNCHLIST_TODAY", "soon")
    assert main([]) == 2
    assert "PUNCHLIST_TODAY must be a date" in capsys.readouterr().err


# ---- The real data ----------------------------------------------------------------------

REAL_CHECKED = yaml.safe_load((ROOT / "data" / "proposals.yml").read_text(encoding="utf-8"))["checked"]


def test_the_real_data_is_quiet_on_its_checked_day(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh check leaves nothing due: every record searched, every next step ahead of its review."""
    monkeypatch.setenv("PUNCHLIST_TODAY", str(REAL_CHECKED))
    assert main([]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith("Nothing is due for review on")


def test_the_real_data_names_what_is_due_on_2027_07_01(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Half a year on, after the 119th Congress: every proposal is named by its id, with why."""
    monkeypatch.setenv("PUNCHLIST_TODAY", "2027-07-01")
    assert main([]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("items due for review on Jul 1, 2027:")
    data = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
    for proposal in data.proposals:
        assert f"- proposal '{proposal['id']}': " in out, f"{proposal['id']} is not listed"
    # a bill of the 119th Congress named in a next step has died by then
    assert "which died with the 119th Congress on Jan 3, 2027" in out

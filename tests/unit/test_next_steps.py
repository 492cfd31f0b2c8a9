"""Each proposal's next step: its shape (the schema) and the bills it names (live on the checked date)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR, bill_record, data_problems, edit_data
from site_data import load_site_data
from site_yaml import DataYamlLoader


def next_step(change):
    """An edit of the first fixture proposal's next step."""
    return lambda d: change(d["proposals"][0]["next"])


LIVE_BILL = bill_record("hr9999-119", "H.R. 9999", "Test Act")


def test_the_fixture_next_steps_load() -> None:
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))
    assert data.proposals[0]["next"]["vehicles"]["bills"] == ["hr6256-117"]


def test_every_real_proposal_has_a_next_step_due_for_review_after_the_check() -> None:
    document = yaml.load((ROOT / "data/proposals.yml").read_text(), Loader=DataYamlLoader)
    for proposal in document["proposals"]:
        assert proposal["next"]["review_by"] > document["checked"], proposal["id"]


def test_a_step_longer_than_110_characters_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"step": "x" * 111})))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.step': is 111 characters long; at most 110 allowed"
    )


def test_a_step_of_exactly_110_characters_is_accepted(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"step": "x" * 110})))
    load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))


def test_a_missing_next_step_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][1].pop("next"))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/proposals.yml: entry 'ilo-inquiry' (#2): field 'next': is missing")


def test_a_missing_review_date_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.pop("review_by")))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.review_by': is missing")
    assert "checked again" in problem


@pytest.mark.parametrize("bad_date", ["2027-02-30", "27-02-2027", "next spring"])
def test_a_bad_review_date_is_refused(data_dir: Path, bad_date: str) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"review_by": bad_date})))
    problems = data_problems(data_dir)
    assert problems and all("entry 'region-wide-wro' (#1): field 'next.review_by'" in p for p in problems), problems
    assert any("YYYY-MM-DD" in p for p in problems), problems


def test_a_review_date_not_after_the_check_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"review_by": "2026-11-27"})))
    [problem] = data_problems(data_dir)
    assert "field 'next.review_by': expected a date after the data's 'checked' date (2026-11-27)" in problem


def test_vehicles_need_a_bill_or_an_action(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"vehicles": {}})))
    [problem] = data_problems(data_dir)
    assert "field 'next.vehicles'" in problem and "'bills'" in problem and "'action'" in problem


def test_an_unknown_bill_id_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n["vehicles"].update({"bills": ["hr6256-117", "s999-119"]})))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.vehicles.bills[1]': "
        "expected the id of a bill in data/bills.yml; got 's999-119'"
    )


def test_a_bill_that_died_with_its_congress_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n["vehicles"].update({"bills": ["hr6210-116"]})))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.vehicles.bills[0]': "
        "bill 'hr6210-116' died with the 116th Congress (ended 2021-01-03) before the data was checked (2026-11-27); "
        "name a bill that can still pass"
    )


def test_a_bill_is_judged_on_the_checked_date_not_on_the_build_date(data_dir: Path) -> None:
    """A 119th bill checked on 2026-11-27 passes validation even when the build runs in 2028."""
    edit_data(data_dir, "bills", lambda d: d["bills"].append(LIVE_BILL))
    edit_data(
        data_dir,
        "proposals",
        next_step(lambda n: n.update({"vehicles": {"bills": ["hr9999-119"]}, "review_by": "2026-12-18"})),
    )
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2028, 6, 1))
    assert data.proposals[0]["next"]["vehicles"]["bills"] == ["hr9999-119"]


def test_a_bill_is_dead_when_the_data_is_checked_on_the_day_its_congress_ends(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: (d.update({"checked": "2027-01-03"}), d["bills"].append(LIVE_BILL)))
    edit_data(
        data_dir,
        "proposals",
        lambda d: (
            d.update({"checked": "2027-01-03"}),
            d["proposals"][0]["next"].update({"vehicles": {"bills": ["hr9999-119"]}}),
        ),
    )
    [problem] = data_problems(data_dir)
    assert "bill 'hr9999-119' died with the 119th Congress (ended 2027-01-03)" in problem


def test_a_step_naming_a_pending_bill_must_be_reviewed_before_its_congress_ends(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"].append(LIVE_BILL))
    edit_data(
        data_dir,
        "proposals",
        next_step(lambda n: n.update({"vehicles": {"bills": ["hr9999-119"]}, "review_by": "2027-01-03"})),
    )
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.review_by': expected a date before the "
        "119th Congress ends (2027-01-03), when bill 'hr9999-119' dies unless enacted; got '2027-01-03'"
    )


def test_an_enacted_bill_of_an_old_congress_may_be_named_with_any_review_date(data_dir: Path) -> None:
    edit_data(
        data_dir,
        "proposals",
        next_step(lambda n: n.update({"vehicles": {"bills": ["hr6256-117"]}, "review_by": "2030-01-01"})),
    )
    load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))

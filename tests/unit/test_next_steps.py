"""Each proposal's next step: its shape (the schema) and the bills it names (live on the checked date)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR, bill_record, data_problems, edit_data
from site_data import load_site_data, next_step_on
from site_yaml import DataYamlLoader


def next_step(change):
    """An edit of the first fixture proposal's next step."""
    return lambda d: change(d["proposals"][0]["next"])


LIVE_BILL = bill_record("hr9999-119", "H.R. 9999", "Test Act")

# The step written ahead for when the 119th Congress ends: a step naming one of its bills needs it.
AFTER_119TH = {
    "from": "2027-01-03",
    "step": "Reintroduce the Test Act in the 120th Congress",
    "who": "Congress",
    "acts": ["congress"],
    "vehicles": {"action": "A new bill"},
    "review_by": "2027-03-31",
    "asks": [{"to": "both", "priority": 1, "ask": "Please reintroduce the Test Act."}],
}


def naming_live_bill(review_by: str = "2026-12-18") -> Callable[[dict[str, Any]], None]:
    """The first proposal's step names the 119th Congress's H.R. 9999, with the step for after it."""
    return next_step(
        lambda n: n.update(
            {"vehicles": {"bills": ["hr9999-119"]}, "review_by": review_by, "later": [dict(AFTER_119TH)]}
        )
    )


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
    edit_data(data_dir, "proposals", naming_live_bill())
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
    edit_data(data_dir, "proposals", naming_live_bill(review_by="2027-01-03"))
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


# ---- Steps written ahead (`later`), and the day each applies from ---------------------------


def test_a_step_naming_a_bill_that_dies_needs_a_step_written_for_after(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"].append(LIVE_BILL))
    edit_data(
        data_dir,
        "proposals",
        next_step(lambda n: n.update({"vehicles": {"bills": ["hr9999-119"]}, "review_by": "2026-12-18"})),
    )
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.vehicles.bills[0]': bill 'hr9999-119' dies "
        "unless enacted when the 119th Congress ends (2027-01-03); expected a step in 'next.later' that applies "
        "from 2027-01-03 or earlier and says what to ask for then"
    )


def test_a_step_written_for_after_the_congress_ends_must_start_by_then(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"].append(LIVE_BILL))
    edit_data(data_dir, "proposals", naming_live_bill())
    edit_data(data_dir, "proposals", next_step(lambda n: n["later"][0].update({"from": "2027-01-04"})))
    [problem] = data_problems(data_dir)
    assert "field 'next.vehicles.bills[0]': bill 'hr9999-119' dies unless enacted" in problem


def test_a_later_step_cannot_name_a_bill_dead_on_its_first_day(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"].append(LIVE_BILL))
    edit_data(data_dir, "proposals", naming_live_bill())
    edit_data(data_dir, "proposals", next_step(lambda n: n["later"][0]["vehicles"].update({"bills": ["hr9999-119"]})))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.later[0].vehicles.bills[0]': bill 'hr9999-119' "
        "died with the 119th Congress (ended 2027-01-03) before the step applies (2027-01-03); "
        "name a bill that can still pass"
    )


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"from": "2026-11-27"}, "next.later[0].from", "expected a date after the data's 'checked' date (2026-11-27)"),
        ({"review_by": "2027-01-03"}, "next.later[0].review_by", "expected a date after the day the step applies"),
        ({"from": "2027-13-01"}, "next.later[0].from", "YYYY-MM-DD"),
        ({"step": "Enforce 19 U.S.C. 1307"}, "next.later[0].step", "without statute, order or article numbers"),
    ],
)
def test_a_later_step_is_checked_like_the_step_itself(
    data_dir: Path, change: dict[str, str], field: str, words: str
) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"later": [{**AFTER_119TH, **change}]})))
    problems = data_problems(data_dir)
    assert any(f"field '{field}'" in p and words in p for p in problems), problems


def test_later_steps_go_in_date_order(data_dir: Path) -> None:
    second = {**AFTER_119TH, "from": "2027-01-02"}
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"later": [dict(AFTER_119TH), second]})))
    [problem] = data_problems(data_dir)
    assert (
        "field 'next.later[1].from': expected a date after the step before it (2027-01-03); got '2027-01-02'" in problem
    )


@pytest.mark.parametrize(
    ("field", "text"),
    [("step", "Penalties under 19 U.S.C. 1595a"), ("who", "Treasury under E.O. 13818"), ("step", "Use Art. 23.6")],
)
def test_a_step_in_plain_words_names_no_statute_or_order(data_dir: Path, field: str, text: str) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({field: text})))
    [problem] = data_problems(data_dir)
    assert f"field 'next.{field}'" in problem and "without statute, order or article numbers" in problem


# ---- Asks: whose members, about which bill ---------------------------------------------------


def ask(**fields: Any) -> dict[str, Any]:
    return {"to": "both", "priority": 2, "ask": "Please press CBP.", **fields}


@pytest.mark.parametrize(
    ("acts", "to", "allowed"),
    [
        (["house"], "senate", "house"),
        (["senate"], "both", "senate"),
        (["agency"], "house", "both"),
        (["senate", "agency"], "house", "both or senate"),
    ],
)
def test_an_ask_goes_to_a_chamber_that_can_act(data_dir: Path, acts: list[str], to: str, allowed: str) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"acts": acts, "asks": [ask(to=to)]})))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.asks[0].to': "
        f"expected {allowed} for a step that acts names as {', '.join(acts)}; got '{to}'"
    )


BEGICH_BILL = {**LIVE_BILL, "sponsor": "Rep. Nicholas Begich (R-AK)", "sponsor_id": "B001323"}


def test_an_ask_about_a_bill_says_what_its_sponsor_is_asked(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"].append(BEGICH_BILL))
    edit_data(data_dir, "proposals", naming_live_bill())
    edit_data(
        data_dir,
        "proposals",
        next_step(lambda n: n.update({"acts": ["house"], "asks": [ask(to="house", bill="hr9999-119")]})),
    )
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.asks[0].sponsor_ask': is missing; "
        "an ask about a bill names the bill and says what its sponsor is asked instead"
    )


def test_an_ask_about_a_bill_goes_to_its_sponsors_chamber_and_needs_the_sponsors_id(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"].append(LIVE_BILL))  # no sponsor_id
    edit_data(data_dir, "proposals", naming_live_bill())
    sponsor_ask = "Thank you for sponsoring H.R. 9999."
    edit_data(
        data_dir,
        "proposals",
        next_step(
            lambda n: n.update(
                {"acts": ["congress"], "asks": [ask(to="senate", bill="hr9999-119", sponsor_ask=sponsor_ask)]}
            )
        ),
    )
    problems = data_problems(data_dir)
    assert problems == [
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.asks[0].to': expected 'house': "
        "the sponsor of H.R. 9999 sits there; got 'senate'",
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'next.asks[0].bill': bill 'hr9999-119' has no "
        "sponsor_id in data/bills.yml; add its sponsor's bioguide id",
    ]


def test_an_ask_from_a_day_starts_after_its_step(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", next_step(lambda n: n.update({"asks": [ask(**{"from": "2026-11-01"})]})))
    [problem] = data_problems(data_dir)
    assert "field 'next.asks[0].from': expected a date after 2026-11-27; got '2026-11-01'" in problem


def test_a_bills_sponsor_id_is_its_sponsor(data_dir: Path) -> None:
    # B001323 is Rep. Begich (AK) in the fixture's members; the bill's sponsor is someone else
    edit_data(data_dir, "bills", lambda d: d["bills"].append({**LIVE_BILL, "sponsor_id": "B001323"}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/bills.yml: entry 'hr9999-119' (#3): field 'sponsor_id': is Rep. Nicholas J. Begich III (B001323) "
        "in data/members.yml, not the sponsor 'Rep. Example (D-XX)'"
    )


def test_every_real_sponsor_id_matches_a_member_or_names_one_who_left() -> None:
    document = yaml.load((ROOT / "data/bills.yml").read_text(), Loader=DataYamlLoader)
    ids = [bill["sponsor_id"] for bill in document["bills"] if "sponsor_id" in bill]
    assert len(ids) >= 6  # every bill of the 119th Congress
    members = yaml.load((ROOT / "data/members.yml").read_text(), Loader=DataYamlLoader)["members"]
    assert set(ids) <= {m["bioguide"] for m in members}  # all still sit (validation checks the names)


# ---- Which step applies on a day ---------------------------------------------------------------


def test_the_step_written_ahead_applies_from_its_day_on() -> None:
    proposal = {"next": {"step": "Pass it", "later": [{"from": "2027-01-03", "step": "Reintroduce it"}]}}
    assert next_step_on(proposal, datetime.date(2027, 1, 2))["step"] == "Pass it"
    assert next_step_on(proposal, datetime.date(2027, 1, 3))["step"] == "Reintroduce it"
    assert next_step_on(proposal, datetime.date(2030, 1, 1))["step"] == "Reintroduce it"
    assert next_step_on({"next": {"step": "Only one"}}, datetime.date(2030, 1, 1))["step"] == "Only one"

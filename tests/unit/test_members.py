"""The members of Congress: data/members.yml as validated (each seat once, in a seat that exists),
and `make refresh-members`, which rebuilds it from the congress-legislators project (tested
offline, against a small excerpt in the project's own form)."""

from __future__ import annotations

import collections
import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR, data_problems, edit_data
from members_refresh import NEWEST_COMMIT_URL, RAW_URL, RefreshError, Snapshot, main, newest_snapshot, refresh
from site_data import load_site_data
from us_states import STATE_NAMES, TERRITORIES

SOURCE_EXCERPT = (
    Path(__file__).resolve().parent.parent / "fixtures" / "congress-legislators" / "legislators-current.yaml"
)
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def members(data_dir: Path) -> list[dict[str, Any]]:
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))
    return [dict(m) for m in data.members]


# ---- The real list -----------------------------------------------------------------------


def test_the_real_list_has_two_senators_per_state_and_one_member_per_seat() -> None:
    data = load_site_data(ROOT / "data", schema_dir=SCHEMA_DIR)
    senators = collections.Counter(m["state"] for m in data.members if m["role"] == "senator")
    states = set(STATE_NAMES) - TERRITORIES
    assert set(senators) == states and set(senators.values()) == {2}
    house = collections.Counter(m["state"] for m in data.members if m["role"] != "senator")
    assert set(house) == set(STATE_NAMES)  # every state, DC and territory has a member in the House
    # 435 voting seats, and six members who are not representatives; a few seats may be vacant.
    assert 425 <= sum(house.values()) - len(TERRITORIES) <= 435
    assert data.members_source["date"] == data.members_checked


# ---- Validation: one message per problem, naming the file, the entry and the field --------


def test_a_member_listed_twice_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "members", lambda d: d["members"].append(dict(d["members"][0])))
    assert "data/members.yml: entry 'S001198' (#12): field 'bioguide': is already used by entry #1" in "\n".join(
        data_problems(data_dir)
    )


def test_a_third_senator_is_refused(data_dir: Path) -> None:
    def third(d: dict[str, Any]) -> None:
        d["members"].append({**d["members"][0], "bioguide": "X000001", "name": "Third Senator"})

    edit_data(data_dir, "members", third)
    [problem] = data_problems(data_dir)
    assert (
        problem == "data/members.yml: entry 'X000001' (#12): field 'state': is a third senator for AK; a state has two"
    )


def test_two_members_in_one_district_are_refused(data_dir: Path) -> None:
    edit_data(data_dir, "members", lambda d: d["members"][-1].update({"district": 2}))
    [problem] = data_problems(data_dir)
    assert (
        problem == "data/members.yml: entry 'J000298' (#11): field 'district': WA district 2 is already held by L000560"
    )


@pytest.mark.parametrize(
    ("index", "change", "field", "words"),
    [
        (0, {"district": 1}, "district", "is only for members of the House; a senator has none"),
        (3, {"role": "senator"}, "role", "District of Columbia has no senators"),
        (2, {"role": "delegate"}, "role", "expected representative for a member of the House from AK"),
        (5, {"role": "delegate"}, "role", "expected resident-commissioner"),
        (3, {"district": 1}, "district", "expected 0: District of Columbia elects one member at large"),
        (0, {"state": "ZZ"}, "state", "expected the postal code of a state or territory; got 'ZZ'"),
    ],
)
def test_a_member_in_a_seat_that_does_not_exist_is_refused(
    data_dir: Path, index: int, change: dict[str, Any], field: str, words: str
) -> None:
    edit_data(data_dir, "members", lambda d: d["members"][index].update(change))
    problems = data_problems(data_dir)
    assert any(f"field '{field}'" in p and words in p for p in problems), problems


def test_a_member_of_the_house_needs_a_district(data_dir: Path) -> None:
    edit_data(data_dir, "members", lambda d: d["members"][2].pop("district"))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/members.yml: entry 'B001323' (#3): field 'district': is missing; "
        "expected the district number, 0 for an at-large seat"
    )


def test_an_at_large_state_has_no_numbered_district(data_dir: Path) -> None:
    def second(d: dict[str, Any]) -> None:
        d["members"].append({**d["members"][2], "bioguide": "X000002", "district": 2})

    edit_data(data_dir, "members", second)
    [problem] = data_problems(data_dir)
    assert "AK has an at-large seat and a district 2; expected one or the other" in problem


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("phone", "(202) 224-3004", "field 'phone'"),
        ("contact_form", "http://www.sullivan.senate.gov/contact", "https://"),
        ("website", "javascript:alert(1)", "https://"),
        ("bioguide", "s001198", "a capital letter and six digits"),
        ("role", "governor", "senator, representative, delegate"),
        ("term_end", "2027-02-30", "YYYY-MM-DD"),
    ],
)
def test_a_malformed_field_is_refused_with_what_was_expected(
    data_dir: Path, field: str, value: str, expected: str
) -> None:
    edit_data(data_dir, "members", lambda d: d["members"][0].update({field: value}))
    problems = data_problems(data_dir)
    assert problems and all(p.startswith("data/members.yml: entry ") for p in problems), problems
    assert any(f"field '{field}'" in p and expected in p for p in problems), problems


def test_the_checked_date_is_the_sources_and_not_in_the_future(data_dir: Path) -> None:
    edit_data(data_dir, "members", lambda d: d.update({"checked": "2026-12-01"}))
    problems = data_problems(data_dir)
    assert problems == [
        "data/members.yml: field 'checked': is in the future (2026-12-01)",
        "data/members.yml: field 'source.date': expected the source's date to be the 'checked' date (2026-12-01)",
    ]


def test_a_missing_members_file_stops_the_build(data_dir: Path) -> None:
    (data_dir / "members.yml").unlink()
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/members.yml")


# ---- make refresh-members, offline ---------------------------------------------------------


def fake_github(commit_date: str = "2026-06-15T19:26:56Z") -> tuple[dict[str, bytes], list[str]]:
    """What GitHub answers: the newest commit that changed the file, and the file at it."""
    answers = {
        NEWEST_COMMIT_URL: json.dumps([{"sha": COMMIT, "commit": {"committer": {"date": commit_date}}}]).encode(),
        RAW_URL.format(commit=COMMIT): SOURCE_EXCERPT.read_bytes(),
    }
    return answers, []


def refreshed_data(tmp_path: Path, commit_date: str = "2026-06-15T19:26:56Z") -> tuple[Path, list[str], list[str]]:
    """A copy of the fixture data whose members.yml is rebuilt from the excerpt; the URLs
    asked for, and the warnings."""
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    answers, asked = fake_github(commit_date)

    def get(url: str) -> bytes:
        asked.append(url)
        return answers[url]

    warnings: list[str] = []
    assert refresh(data_dir / "members.yml", newest_snapshot(get), warnings.append)
    return data_dir, asked, warnings


def test_refresh_reads_the_file_at_the_newest_commit_that_changed_it(tmp_path: Path) -> None:
    _, asked, _ = refreshed_data(tmp_path)
    assert asked == [
        "https://api.github.com/repos/unitedstates/congress-legislators/commits?path=legislators-current.yaml&per_page=1",
        f"https://raw.githubusercontent.com/unitedstates/congress-legislators/{COMMIT}/legislators-current.yaml",
    ]


def test_refresh_writes_every_member_from_their_current_term(tmp_path: Path) -> None:
    data_dir, _, _ = refreshed_data(tmp_path)
    by_id = {m["bioguide"]: m for m in members(data_dir)}
    assert len(by_id) == 8
    # The senator's current term, not her first (in the House)
    assert by_id["C000127"] == {
        "bioguide": "C000127",
        "name": "Maria Cantwell",
        "role": "senator",
        "state": "WA",
        "party": "Democrat",
        "phone": "202-224-3441",
        "website": "https://www.cantwell.senate.gov",
        "contact_form": "https://www.cantwell.senate.gov/public/index.cfm/email-maria",
        "term_end": "2031-01-03",
    }
    assert (by_id["J000298"]["role"], by_id["J000298"]["district"]) == ("representative", 7)
    assert (by_id["B001323"]["district"], by_id["B001323"]["name"]) == (0, "Nicholas J. Begich III")
    assert (by_id["N000147"]["role"], by_id["N000147"]["district"]) == ("delegate", 0)
    assert by_id["H001103"]["role"] == "resident-commissioner" and by_id["H001103"]["name"] == "Pablo José Hernández"
    assert by_id["M001244"]["appointed"] is True and by_id["M001244"]["term_end"] == "2026-11-03"
    # No official full name: first and last; no phone or address yet: none
    assert by_id["G000607"]["name"] == "James Gallagher"
    assert not {"phone", "website", "contact_form"} & set(by_id["G000607"])


def test_refresh_leaves_out_a_malformed_phone_or_address_and_says_so(tmp_path: Path) -> None:
    data_dir, _, warnings = refreshed_data(tmp_path)
    fine = next(m for m in members(data_dir) if m["bioguide"] == "F000484")
    assert "phone" not in fine and "contact_form" not in fine and fine["website"] == "https://fine.house.gov"
    assert warnings == [
        "F000484 (Randy Fine): phone '(202) 225-2706' left out (expected 202-224-3121)",
        "F000484 (Randy Fine): contact_form 'hhttps://fine.house.gov/contact' left out (not an https:// address)",
    ]


def test_refresh_dates_the_list_by_its_commit_never_by_the_day_it_runs(tmp_path: Path) -> None:
    # A commit made late in the evening in Washington is dated by its UTC day.
    data_dir, _, _ = refreshed_data(tmp_path, commit_date="2026-06-16T01:30:00Z")
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))
    assert data.members_checked == "2026-06-16"
    assert data.members_source["url"] == (
        f"https://github.com/unitedstates/congress-legislators/blob/{COMMIT}/legislators-current.yaml"
    )


def test_a_second_refresh_from_the_same_commit_changes_nothing(tmp_path: Path) -> None:
    data_dir, _, _ = refreshed_data(tmp_path)
    snapshot = Snapshot(SOURCE_EXCERPT.read_text(encoding="utf-8"), COMMIT, "2026-06-15")
    assert refresh(data_dir / "members.yml", snapshot, lambda message: None) is False


def test_the_command_reads_a_local_copy_and_refuses_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "members.yml"
    assert main(["--out", str(out), "--file", str(SOURCE_EXCERPT), "--commit", COMMIT, "--date", "2026-06-15"]) == 0
    assert "checked: 2026-06-15" in out.read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: {bioguide: X000001}\n  name: {first: A, last: B}\n  terms: []\n", encoding="utf-8")
    assert main(["--out", str(out), "--file", str(broken), "--commit", COMMIT, "--date", "2026-06-15"]) == 2
    assert "person #1 lacks a bioguide id or a last term" in capsys.readouterr().err


def test_an_unexpected_answer_from_github_is_an_error() -> None:
    with pytest.raises(RefreshError, match="expected a list of commits"):
        newest_snapshot(lambda url: b'{"message": "API rate limit exceeded"}')

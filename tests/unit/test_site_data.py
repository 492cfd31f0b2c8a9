"""Loading and validating data/: every kind of bad input gets a message naming file, entry and field."""

from __future__ import annotations

import datetime
import gc
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DAY, ROOT, SCHEMA_DIR, data_problems, edit_data
from site_data import DataError, load_site_data
from site_yaml import DataYamlLoader


def load(data_dir: Path):
    return load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))


def test_fixture_data_loads(data_dir: Path) -> None:
    data = load(data_dir)
    assert [p["id"] for p in data.proposals] == ["region-wide-wro", "ilo-inquiry"]
    assert data.bill("hr6256-117")["number"] == "H.R. 6256"
    assert data.proposals_citing_bill("hr6256-117")[0]["id"] == "region-wide-wro"


def test_real_data_is_valid() -> None:
    data = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
    assert len(data.proposals) == 13
    assert {lever["id"] for lever in data.levers} == {"customs", "sanctions", "multilateral"}


def test_yaml_syntax_error_names_file_and_line(data_dir: Path) -> None:
    (data_dir / "wros.yml").write_text("checked: 2026-11-27\nwros: [\n  {id: x\n")
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/wros.yml: is not valid YAML")
    assert "line" in problem


def test_duplicate_yaml_key_is_refused(data_dir: Path) -> None:
    text = (
        (data_dir / "bills.yml").read_text().replace("checked: 2026-11-27", "checked: 2026-11-27\nchecked: 2026-11-28")
    )
    (data_dir / "bills.yml").write_text(text)
    [problem] = data_problems(data_dir)
    assert "data/bills.yml" in problem and "duplicate key 'checked'" in problem


@pytest.mark.parametrize(
    ("yaml_text", "complaint"),
    [
        ("checked: !!set {a, b}", "could not determine a constructor for the tag 'tag:yaml.org,2002:set'"),
        ("checked: !!binary aGk=", "could not determine a constructor for the tag 'tag:yaml.org,2002:binary'"),
        ("checked: !!python/object:os.system x", "could not determine a constructor"),
        ("checked: .nan", "'.nan' is not a finite number"),
        ("1: x", "a mapping key must be text, not 1"),
        ("yes: x", "a mapping key must be text, not True (put it in quotes)"),
        ("checked: &loop [*loop]", "this list or mapping contains itself through an alias"),
    ],
)
def test_yaml_that_is_not_plain_data_is_refused(data_dir: Path, yaml_text: str, complaint: str) -> None:
    # Only what JSON can hold reaches the schema check and the pages.
    (data_dir / "bills.yml").write_text(f"{yaml_text}\nbills: []\n")
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/bills.yml: is not valid YAML: ") and complaint in problem and "line 1" in problem


def test_aliases_give_the_anchored_value() -> None:
    # PyYAML's own dumper writes aliases for repeated values; they load as the same value.
    document = yaml.load("a: &shared {x: [1, 2]}\nb: *shared\nc: [*shared, *shared]", Loader=DataYamlLoader)
    assert document == {"a": {"x": [1, 2]}, "b": {"x": [1, 2]}, "c": [{"x": [1, 2]}, {"x": [1, 2]}]}


def test_scalars_read_as_pyyaml_reads_them() -> None:
    # DataYamlLoader has its own, leaner resolve: each value must keep PyYAML's type (bar dates,
    # which stay text). Expected values are YAML 1.1's, as PyYAML documents them.
    text = (
        "a: ''\nb: ~\nc: null\nd: 'yes'\ne: yes\nf: off\ng: 12\nh: -3\ni: 0x1f\nj: 1_000\nk: 2.5\n"
        "l: 1e3\nm: '12'\nn: 2022-06-21\no: H.R. 6256\np: a-b\nq: .5\nr: +7\ns: 'null'\nt: True\nu:\n"
    )
    assert yaml.load(text, Loader=DataYamlLoader) == {
        "a": "", "b": None, "c": None, "d": "yes", "e": True, "f": False, "g": 12, "h": -3, "i": 31,
        "j": 1000, "k": 2.5, "l": "1e3", "m": "12", "n": "2022-06-21", "o": "H.R. 6256", "p": "a-b",
        "q": 0.5, "r": 7, "s": "null", "t": True, "u": None,
    }  # fmt: skip
    assert {**yaml.safe_load(text), "n": "2022-06-21"} == yaml.load(text, Loader=DataYamlLoader)


def test_garbage_collector_is_back_on_after_loading(data_dir: Path) -> None:
    # Loading pauses the cycle collector while it parses; it must come back on, even when
    # a file is broken, and stay off for a caller who had switched it off.
    load(data_dir)
    assert gc.isenabled()
    gc.disable()
    try:
        load(data_dir)
        assert not gc.isenabled()
    finally:
        gc.enable()
    (data_dir / "wros.yml").write_text("wros: [\n")
    data_problems(data_dir)
    assert gc.isenabled()


def test_missing_file(data_dir: Path) -> None:
    (data_dir / "glossary.yml").unlink()
    assert data_problems(data_dir) == ["data/glossary.yml: file is missing"]


def test_missing_field_names_entry_and_field(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][1].pop("why"))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/proposals.yml: entry 'ilo-inquiry' (#2): field 'why': is missing")
    assert "expected one sentence" in problem


def test_entry_without_id_is_named_by_position(data_dir: Path) -> None:
    edit_data(data_dir, "wros", lambda d: d["wros"][1].pop("id"))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/wros.yml: entry #2 (no id): field 'id': is missing")


def test_unknown_field(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"][0].update({"sponsr": "typo"}))
    [problem] = data_problems(data_dir)
    assert "entry 'hr6256-117' (#1)" in problem and "unknown field(s) 'sponsr'" in problem


def test_wrong_type(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0].update({"actor": "DHS/CBP"}))
    [problem] = data_problems(data_dir)
    assert "field 'actor'" in problem and "expected a list of who must act" in problem and "got 'DHS/CBP'" in problem


@pytest.mark.parametrize(
    "bad_date", ["2021-02-30", "2023-02-29", "2021-13-01", "21-01-13", "January 2021", "0000-01-01"]
)
def test_impossible_or_malformed_date(data_dir: Path, bad_date: str) -> None:
    edit_data(data_dir, "wros", lambda d: d["wros"][0].update({"date": bad_date}))
    problems = data_problems(data_dir)
    assert any(
        "entry 'wro-xinjiang-region' (#1): field 'date'" in p and "YYYY-MM-DD" in p and bad_date in p for p in problems
    ), problems


def test_unknown_enum_value(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0]["status"].update({"state": "finished"}))
    [problem] = data_problems(data_dir)
    assert "field 'status.state'" in problem
    assert "expected one of done, partly, pending, not-done, reversed; got 'finished'" in problem


def test_title_longer_than_90_characters(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0].update({"title": "x" * 91}))
    [problem] = data_problems(data_dir)
    assert "field 'title': is 91 characters long; at most 90 allowed" in problem


def test_duplicate_ids(data_dir: Path) -> None:
    edit_data(data_dir, "wros", lambda d: d["wros"][1].update({"id": "wro-xinjiang-region"}))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/wros.yml: entry 'wro-xinjiang-region' (#2): field 'id'")
    assert "already used by entry #1" in problem


def test_dangling_lever_and_bill_references(data_dir: Path) -> None:
    def change(d):
        d["proposals"][0]["lever"] = "tariffs"
        d["proposals"][0]["vehicle"]["bills"] = ["hr6256-117", "s999-118"]

    edit_data(data_dir, "proposals", change)
    problems = data_problems(data_dir)
    assert any("field 'lever'" in p and "got 'tariffs'" in p for p in problems), problems
    assert any("field 'vehicle.bills[1]'" in p and "got 's999-118'" in p for p in problems), problems


@pytest.mark.parametrize(
    "url",
    ["http://example.org/a", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "https://exa mple.org", "data:text/html,x"],
)
def test_source_url_must_be_https(data_dir: Path, url: str) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"][1]["sources"][0].update({"url": url}))
    [problem] = data_problems(data_dir)
    assert "entry 'hr6210-116' (#2): field 'sources[0].url'" in problem
    assert "expected a web address starting with https://" in problem


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?utm_source=newsletter",
        "https://example.org/a?id=7&UTM_campaign=x",
        "https://example.org/a?BC=bc_6767a536e69f6",
        "https://example.org/a?fbclid=IwAR0",
        "https://example.org/a?x=1&gclid=abc",
        "https://example.org/a?mc_cid=1&mc_eid=2",
    ],
)
def test_source_url_with_tracking_parameters_is_refused(data_dir: Path, url: str) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"][1]["sources"][0].update({"url": url}))
    [problem] = data_problems(data_dir)
    assert "data/bills.yml: entry 'hr6210-116' (#2): field 'sources[0].url'" in problem
    assert "without tracking parameters" in problem
    assert problem.endswith(f"got '{url}'"), problem  # the whole address, so the parameter shows


@pytest.mark.parametrize(
    "url", ["https://example.org/a?id=7&page=2", "https://example.org/abc?issueId=4", "https://example.org/utm_source"]
)
def test_source_url_with_ordinary_query_is_accepted(data_dir: Path, url: str) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"][1]["sources"][0].update({"url": url}))
    assert load(data_dir).bill("hr6210-116")["sources"][0]["url"] == url


def test_history_after_current_status_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0]["history"][0].update({"date": "2023-01-01"}))
    [problem] = data_problems(data_dir)
    assert "field 'history[0].date'" in problem and "before the current status (2022-06-21)" in problem


def test_enacted_bill_needs_public_law(data_dir: Path) -> None:
    edit_data(data_dir, "bills", lambda d: d["bills"][0].pop("public_law"))
    [problem] = data_problems(data_dir)
    assert "entry 'hr6256-117' (#1): field 'public_law': is missing" in problem


def test_lever_page_must_exist(data_dir: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "customs.md").write_text("# Customs\n")
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir, docs_dir=docs, schema_dir=SCHEMA_DIR)
    assert [str(p) for p in caught.value.problems] == [
        "data/levers.yml: entry 'multilateral' (#2): field 'page': expected a page in docs/, but 'multilateral.md' does not exist"
    ]


def test_every_problem_is_reported_at_once(data_dir: Path) -> None:
    edit_data(data_dir, "wros", lambda d: d["wros"][0].update({"type": "Order"}))
    edit_data(data_dir, "bills", lambda d: d["bills"][0].update({"congress": "117th"}))
    problems = data_problems(data_dir)
    assert len(problems) == 2
    assert problems[0].startswith("data/wros.yml") and problems[1].startswith("data/bills.yml")


def test_status_changes_are_newest_first(data_dir: Path) -> None:
    changes = load(data_dir).status_changes()
    assert [(c.proposal["id"], c.date, c.current) for c in changes] == [
        ("ilo-inquiry", "2025-06-01", True),
        ("region-wide-wro", "2022-06-21", True),
        ("region-wide-wro", "2020-10-01", False),
    ]


def test_history_on_the_day_of_the_current_status_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0]["history"][0].update({"date": "2022-06-21"}))
    [problem] = data_problems(data_dir)
    assert "field 'history[0].date'" in problem and "before the current status" in problem


def test_two_history_entries_on_one_day_are_refused(data_dir: Path) -> None:
    edit_data(
        data_dir, "proposals", lambda d: d["proposals"][0]["history"].append(dict(d["proposals"][0]["history"][0]))
    )
    [problem] = data_problems(data_dir)
    assert "field 'history[1].date'" in problem and "already used by another history entry" in problem


def test_a_redated_change_keeps_its_old_anchor_but_may_not_take_a_date_in_use(data_dir: Path) -> None:
    old = "2022-06-01"
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0]["status"].update({"redated_from": [old]}))
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=FIXTURE_DAY)
    [current] = [c for c in data.status_changes() if c.current and c.proposal["id"] == data.proposals[0]["id"]]
    assert current.former_anchors == (f"change-{data.proposals[0]['id']}-{old}",)
    history_date = data.proposals[0]["history"][0]["date"]
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0]["status"].update({"redated_from": [history_date]}))
    [problem] = data_problems(data_dir)
    assert (
        "field 'status.redated_from'" in problem
        and f"'{history_date}' is the date of one of this proposal's statuses" in problem
    )


# ---- When each record was last searched (status.searched) ----


def test_a_record_without_its_search_date_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "wros", lambda d: d["wros"][0]["status"].pop("searched"))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/wros.yml: entry 'wro-xinjiang-region' (#1): field 'status.searched': is missing")
    assert "last searched for newer developments" in problem


@pytest.mark.parametrize(
    ("stem", "index", "latest"),
    [
        ("proposals", 1, "status.as_of 2025-06-01"),
        ("wros", 1, "status.as_of 2020-10-20"),
        ("bills", 1, "status.date 2020-09-22"),
    ],
)
def test_a_search_before_the_latest_development_is_refused(data_dir: Path, stem: str, index: int, latest: str) -> None:
    edit_data(data_dir, stem, lambda d: d[stem][index]["status"].update({"searched": "2019-01-01"}))
    [problem] = data_problems(data_dir)
    assert (
        f"field 'status.searched': expected a date no earlier than the latest development ({latest}); got '2019-01-01'"
        in problem
    )
    assert problem.startswith(f"data/{stem}.yml: entry ")


def test_a_search_after_the_files_checked_date_is_refused(data_dir: Path) -> None:
    edit_data(data_dir, "proposals", lambda d: d["proposals"][0]["status"].update({"searched": "2026-11-28"}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/proposals.yml: entry 'region-wide-wro' (#1): field 'status.searched': is later than the file's "
        "'checked' date 2026-11-27; set 'checked' to the day the sweep ended"
    )

"""Labels of states and steps come from the schemas: a value added there renders with its
title, or, without one, stops the build with a message naming the value, file and field."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import LABELLED_FIELDS, DataError, load_site_data
from site_feed import atom_feed
from site_render import SiteRenderer
from site_views import SiteMap
from site_yaml import DataYamlLoader
from test_site_render import PAGES, SITE, parse

# Labelled field -> (a record in the fixture data to give the new value, the marker showing it)
USES = {
    "proposal_state": (lambda d: d["proposals"][0]["status"], "state", "<!-- data:changes -->"),
    "wro_state": (lambda d: d["wros"][0]["status"], "state", "<!-- data:wros -->"),
    "bill_step": (lambda d: d["bills"][1]["status"], "step", "<!-- data:bills-116 -->"),
}


def schema_options(schemas: Path, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    stem, _, place = LABELLED_FIELDS[name]
    document = json.loads((schemas / f"{stem}.schema.json").read_text())
    node = document
    for part in place:
        node = node[part]
    return document, node["oneOf"]


def with_new_value(tmp_path: Path, name: str, option: dict[str, Any]) -> tuple[Path, Path]:
    """Copies of the fixture data and the schemas, the schema of `name` given `option` and
    the fixture's first use of that field set to it."""
    schemas, data = tmp_path / "schema", tmp_path / "data"
    shutil.copytree(SCHEMA_DIR, schemas)
    shutil.copytree(FIXTURE_DATA, data)
    stem = LABELLED_FIELDS[name][0]
    document, options = schema_options(schemas, name)
    options.append(option)
    (schemas / f"{stem}.schema.json").write_text(json.dumps(document))
    record, field, _ = USES[name]
    path = data / f"{stem}.yml"
    records = yaml.load(path.read_text(), Loader=DataYamlLoader)
    record(records)[field] = option["const"]
    path.write_text(yaml.safe_dump(records, sort_keys=False))
    return data, schemas


def load(data: Path, schemas: Path):
    return load_site_data(data, schema_dir=schemas, today=datetime.date(2026, 11, 27))


@pytest.mark.parametrize("name", sorted(LABELLED_FIELDS))
def test_labels_are_the_schema_titles(name: str) -> None:
    data = load(FIXTURE_DATA, SCHEMA_DIR)
    _, options = schema_options(SCHEMA_DIR, name)
    assert getattr(data.labels, name) == {option["const"]: option["title"] for option in options}


@pytest.mark.parametrize("name", sorted(LABELLED_FIELDS))
def test_a_value_added_to_the_schema_renders_with_its_title(tmp_path: Path, name: str) -> None:
    new = {"const": "stalled", "title": "Stalled in committee"}
    if name == "proposal_state":
        new["description"] = "Held in a committee with no action."  # the legend's words
    data_dir, schemas = with_new_value(tmp_path, name, new)
    data = load(data_dir, schemas)
    renderer = SiteRenderer(data, SiteMap(PAGES, SITE))
    marker = USES[name][2]
    page = marker + "<!-- status:region-wide-wro -->" if name == "proposal_state" else marker
    html = renderer.page_blocks(page, "about.md", "about/").fill(page) + renderer.punch_list("index.md", "./")
    assert html.count("Stalled in committee") >= (3 if name == "proposal_state" else 1)
    if name == "proposal_state":
        assert ("span", {"class": "status status--stalled"}) in parse(html).tags
        feed = atom_feed(
            data.status_changes(),
            site_url=SITE,
            site_name="x",
            changes_url=SITE,
            checked=data.checked,
            link_for=lambda p: SITE,
        )
        assert "Stalled in committee" in feed


@pytest.mark.parametrize("name", sorted(LABELLED_FIELDS))
def test_a_value_added_without_a_title_stops_the_build(tmp_path: Path, name: str) -> None:
    data_dir, schemas = with_new_value(tmp_path, name, {"const": "stalled"})
    with pytest.raises(DataError) as caught:
        load(data_dir, schemas)
    [problem] = caught.value.problems
    stem, field, _ = LABELLED_FIELDS[name]
    assert problem.file == f"data/schema/{stem}.schema.json"
    assert problem.field == field
    assert "'stalled'" in problem.message and f"data/{stem}.yml" in problem.message
    assert '"title"' in problem.message


def test_a_proposal_state_without_a_meaning_stops_the_build(tmp_path: Path) -> None:
    # The punch-list's legend says what each state means, from the schema's "description".
    data_dir, schemas = with_new_value(tmp_path, "proposal_state", {"const": "stalled", "title": "Stalled"})
    with pytest.raises(DataError) as caught:
        load(data_dir, schemas)
    [problem] = caught.value.problems
    assert problem.file == "data/schema/proposals.schema.json" and problem.field == "status.state"
    assert "'stalled' has no 'description'" in problem.message


def test_a_labelled_field_turned_back_into_an_enum_stops_the_build(tmp_path: Path) -> None:
    schemas = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schemas)
    path = schemas / "wros.schema.json"
    path.write_text(path.read_text().replace('"oneOf"', '"anyOf"', 1))
    with pytest.raises(DataError, match=r"data/schema/wros.schema.json: field 'status.state': expected a 'oneOf' list"):
        load(FIXTURE_DATA, schemas)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wro_state", "expected one of in-force, under-uflpa, became-finding, not-confirmed; got 'lifted'"),
        ("bill_step", "expected one of introduced, passed-house, passed-senate, passed-both, enacted; got 'lifted'"),
        ("proposal_state", "expected one of done, partly, pending, not-done, reversed; got 'lifted'"),
    ],
)
def test_a_value_the_schema_does_not_list_says_which_are_expected(tmp_path: Path, name: str, expected: str) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    stem = LABELLED_FIELDS[name][0]
    record, field, _ = USES[name]
    path = data_dir / f"{stem}.yml"
    records = yaml.load(path.read_text(), Loader=DataYamlLoader)
    record(records)[field] = "lifted"
    path.write_text(yaml.safe_dump(records, sort_keys=False))
    with pytest.raises(DataError) as caught:
        load(data_dir, SCHEMA_DIR)
    [problem] = caught.value.problems
    assert problem.field == LABELLED_FIELDS[name][1] and problem.message == expected


def test_a_missing_state_says_which_values_are_expected(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    path = data_dir / "wros.yml"
    records = yaml.load(path.read_text(), Loader=DataYamlLoader)
    del records["wros"][0]["status"]["state"]
    path.write_text(yaml.safe_dump(records, sort_keys=False))
    with pytest.raises(DataError) as caught:
        load(data_dir, SCHEMA_DIR)
    assert [str(p) for p in caught.value.problems] == [
        "data/wros.yml: entry 'wro-xinjiang-region' (#1): field 'status.state': is missing; "
        "expected one of in-force, under-uflpa, became-finding, not-confirmed"
    ]

"""Downloads: CSV and JSON carry every record, and spreadsheet formulas stay text."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import load_site_data
from site_exports import csv_cell, download_files


@pytest.fixture
def files():
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    return download_files(data, lambda p: f"https://example.org/{p['lever']}/#{p['id']}")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_file_is_written(files) -> None:
    assert sorted(files) == sorted(
        f"{kind}.{ext}"
        for kind in ("proposals", "wros", "bills", "entity_list", "uflpa_stats")
        for ext in ("csv", "json")
    )


def test_proposals_csv_has_one_row_per_proposal_with_its_link(files) -> None:
    table = rows(files["proposals.csv"])
    assert [r["id"] for r in table] == ["region-wide-wro", "ilo-inquiry"]
    assert table[0]["link"] == "https://example.org/customs/#region-wide-wro"
    assert table[0]["bills"] == "H.R. 6256"
    assert table[0]["status"] == "done" and table[0]["as_of"] == "2022-06-21"
    assert table[0]["searched"] == "2026-11-27"  # the day it was last searched, apart from the development's date


def test_wros_and_bills_csv(files) -> None:
    assert {r["id"] for r in rows(files["wros.csv"])} == {"wro-xinjiang-region", "finding-baoanzhao-stevia"}
    bills = {r["id"]: r for r in rows(files["bills.csv"])}
    assert bills["hr6256-117"]["public_law"] == "P.L. 117-78"
    assert bills["hr6210-116"]["vote"] == "406-3"


def test_json_round_trips(files) -> None:
    payload = json.loads(files["bills.json"])
    assert payload["checked"] == "2026-11-27"
    assert [b["id"] for b in payload["bills"]] == ["hr6256-117", "hr6210-116"]
    assert json.loads(files["proposals.json"])["proposals"][1]["link"].endswith("#ilo-inquiry")


def test_json_has_one_record_per_line(files) -> None:
    lines = files["wros.json"].splitlines()
    record_lines = [line for line in lines if line.lstrip().startswith('{"id"')]
    assert [json.loads(line.rstrip(","))["id"] for line in record_lines] == [
        w["id"] for w in json.loads(files["wros.json"])["wros"]
    ]
    assert len(record_lines) == 2


def test_json_of_an_empty_list_is_valid() -> None:
    from site_exports import _json

    assert json.loads(_json("2026-11-27", "bills", [])) == {"checked": "2026-11-27", "bills": []}


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])
def test_formula_like_cells_are_kept_as_text(value: str) -> None:
    assert csv_cell(value) == "'" + value


def test_ordinary_cells_unchanged() -> None:
    assert csv_cell("406-3") == "406-3"
    assert csv_cell(True) == "yes" and csv_cell(None) == ""


def test_entity_list_downloads_carry_every_entity_and_batch(files) -> None:
    table = {r["id"]: r for r in rows(files["entity_list.csv"])}
    assert sorted(table) == ["example-seafood", "example-shoes"]
    shoes = table["example-shoes"]
    assert shoes["aliases"] == "Example Shoe Industry Co." and shoes["sections"] == "ii"
    assert shoes["listed"] == "2024-06-12" and shoes["fr_document"] == "2024-12631"
    assert shoes["fr_url"] == "https://www.federalregister.gov/d/2024-12631"
    assert table["example-seafood"]["removed"] == "2025-01-15"
    assert table["example-seafood"]["sector"] == "'=seafood"  # a formula stays text
    assert shoes["batch_status"] == "confirmed" and shoes["section_inferred"] == shoes["batch_inferred"] == ""
    batches = json.loads(files["entity_list.json"])["entity_list"]
    assert [b["id"] for b in batches] == ["batch-2022-06", "batch-2024-06"]
    assert [b["status"] for b in batches] == ["confirmed", "confirmed"]
    assert batches[0]["entities_missing"] == "not recorded in the fixture"
    assert [e["id"] for e in batches[1]["entities"]] == ["example-shoes", "example-seafood"]


def test_uflpa_stats_downloads(files) -> None:
    table = {r["id"]: r for r in rows(files["uflpa_stats.csv"])}
    assert table["fy2024-detained"]["fiscal_year"] == "2024" and table["fy2024-detained"]["shipments"] == "4597"
    assert table["to-2025-01-reviewed"]["value_usd"] == "3670000000"
    assert table["to-2025-01-reviewed"]["qualifier"] == "more-than"
    figures = json.loads(files["uflpa_stats.json"])["uflpa_stats"]
    assert [f["id"] for f in figures] == ["fy2024-detained", "to-2025-01-reviewed"]

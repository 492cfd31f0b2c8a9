"""Adding records to the data is all it takes to put them on the site and in the downloads."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml

from conftest import bill_record, build_site, copy_project
from site_yaml import DataYamlLoader

NEW_PROPOSAL: dict[str, Any] = {
    "id": "test-new-proposal",
    "lever": "customs",
    "title": "Test a brand-new proposal added to the data",
    "actor": ["Testing Office"],
    "vehicle": {"authority": "Test Authority Act", "bills": ["hr9999-119"]},
    "why": "It proves that the data drives the site.",
    "next": {
        "step": "Test the next step",
        "who": "Testing Office",
        "acts": ["congress"],
        "vehicles": {"bills": ["hr9999-119"]},
        "review_by": "2026-12-18",
        "asks": [{"to": "both", "priority": 1, "ask": "Please pass H.R. 9999, the test bill."}],
        "later": [
            {
                "from": "2027-01-03",
                "step": "Test the step after the 119th Congress",
                "who": "Testing Office",
                "acts": ["congress"],
                "vehicles": {"action": "A new test bill"},
                "review_by": "2027-03-31",
                "asks": [{"to": "both", "priority": 1, "ask": "Please reintroduce the test bill."}],
            }
        ],
    },
    "status": {
        "state": "pending",
        "as_of": "2026-01-02",
        "searched": "2026-11-27",
        "summary": "A one-line status added by a test.",
        "note": "Added by a test.",
        "sources": [{"title": "Test source", "url": "https://example.org/test-proposal"}],
    },
    "history": [
        {
            "state": "not-done",
            "date": "2025-12-01",
            "note": "Earlier test status.",
            "sources": [{"title": "Test source", "url": "https://example.org/test-history"}],
        }
    ],
}
NEW_WRO = {
    "id": "wro-test-entity",
    "date": "2026-01-05",
    "type": "WRO",
    "scope": "entity",
    "entity": "Test Entity Textile Co.",
    "products": "test garments",
    "location": "Test County, Xinjiang",
    "xinjiang": True,
    "status": {"state": "in-force", "as_of": "2026-01-05", "searched": "2026-11-27", "note": "Issued in a test."},
    "sources": [{"title": "Test source", "url": "https://example.org/test-wro"}],
}
NEW_BILL = bill_record("hr9999-119", "H.R. 9999", "Test Forced Labor Accountability Act", introduced="2025-11-01")


def add(project: Path, stem: str, key: str, record: dict) -> None:
    path = project / "data" / f"{stem}.yml"
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=DataYamlLoader)
    document[key].append(record)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_new_records_appear_on_the_right_pages_and_in_the_downloads(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add(project, "proposals", "proposals", NEW_PROPOSAL)
    add(project, "wros", "wros", NEW_WRO)
    add(project, "bills", "bills", NEW_BILL)
    # the new proposal gets its section on its lever page, as every proposal must
    customs = project / "docs" / "customs.md"
    customs.write_text(
        customs.read_text(encoding="utf-8")
        + "\n## A test section { #test-new-proposal }\n\n<!-- status:test-new-proposal -->\n",
        encoding="utf-8",
    )
    site = build_site(project)

    def page(url: str) -> str:
        return (site / url / "index.html").read_text(encoding="utf-8")

    title = NEW_PROPOSAL["title"]
    assert 'data-proposal="test-new-proposal"' in page("")  # the home punch-list
    assert title in page("customs/")  # its lever's table and section
    assert 'id="test-new-proposal"' in page("customs/")
    assert title not in page("sanctions/").split('class="punch-list')[0]  # not in another lever's text
    assert 'data-proposal="test-new-proposal"' in page("about/")  # the compact list elsewhere
    assert 'href="../bills/119/#hr9999-119"' in page("customs/")
    assert 'id="wro-test-entity"' in page("wros/") and "Test Entity Textile Co." in page("wros/")
    assert 'id="hr9999-119"' in page("bills/119/") and "Test Forced Labor Accountability Act" in page("bills/119/")
    assert 'href="../bills/119/#hr9999-119"' in page("bills/")  # the overview's row
    assert 'id="change-test-new-proposal-2026-01-02"' in page("changes/")
    assert 'id="change-test-new-proposal-2025-12-01"' in page("changes/")

    with open(site / "downloads" / "proposals.csv", newline="", encoding="utf-8") as handle:
        assert any(row["id"] == "test-new-proposal" and row["bills"] == "H.R. 9999" for row in csv.DictReader(handle))
    wros = json.loads((site / "downloads" / "wros.json").read_text(encoding="utf-8"))["wros"]
    assert any(w["id"] == "wro-test-entity" for w in wros)
    bills = json.loads((site / "downloads" / "bills.json").read_text(encoding="utf-8"))["bills"]
    assert any(b["id"] == "hr9999-119" for b in bills)
    with open(site / "downloads" / "wros.csv", newline="", encoding="utf-8") as handle:
        assert "Test Entity Textile Co." in {row["entity"] for row in csv.DictReader(handle)}

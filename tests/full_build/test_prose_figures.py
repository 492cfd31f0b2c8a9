"""Counts and figures in the pages' prose equal the data: they are rendered from it
(`{{ name }}`, hooks/site_figures.py), never typed, so a data change cannot leave a page
contradicting it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT, build_site, copy_project
from reader_text import visible_text
from site_data import load_site_data
from site_yaml import DataYamlLoader

DATA = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def _figure(figure_id: str) -> dict[str, Any]:
    return next(dict(f) for f in DATA.uflpa_figures if f["id"] == figure_id)


def _entities_on(day: str) -> int:
    return sum(batch["count"] for batch in DATA.entity_batches if batch["effective"] <= day)


def test_the_prose_quotes_the_datas_counts_and_figures(built_site: Path) -> None:
    wros = visible_text((built_site / "wros" / "index.html").read_text(encoding="utf-8"))
    reviewed, denied = _figure("to-2025-08-reviewed"), _figure("to-2025-08-denied")
    assert f"{reviewed['shipments']:,} shipments worth ${reviewed['value_usd'] / 1e9:.2f} billion stopped" in wros
    assert f"{denied['shipments']:,} of them denied entry" in wros
    assert f"and then {_entities_on('2025-01-15')} (Jan 15, 2025)" in wros
    home = visible_text((built_site / "index.html").read_text(encoding="utf-8"))
    words = {13: "Thirteen", 14: "Fourteen", 12: "Twelve"}
    assert f"{words[len(DATA.proposals)]} steps from a 2020 essay" in home


def test_a_change_in_the_data_changes_the_prose(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")

    def edit(stem: str, change: Any) -> None:
        path = project / "data" / f"{stem}.yml"
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=DataYamlLoader)
        change(document)
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")

    def more_shipments(document: dict[str, Any]) -> None:
        figure = next(f for f in document["figures"] if f["id"] == "to-2025-08-reviewed")
        figure["shipments"] = 17003

    def a_larger_first_batch(document: dict[str, Any]) -> None:
        document["batches"][0]["count"] += 1
        document["batches"][0].pop("entities_missing", None)
        document["batches"][0]["entities_missing"] = "Not recorded in this test."

    edit("uflpa_stats", more_shipments)
    edit("entity_list", a_larger_first_batch)
    site = build_site(project)
    customs = visible_text((site / "customs" / "index.html").read_text(encoding="utf-8"))
    wros = visible_text((site / "wros" / "index.html").read_text(encoding="utf-8"))
    assert "CBP had stopped 17,003 shipments" in customs
    assert "17,003 shipments worth" in wros
    assert f"The list began with {DATA.entity_batches[0]['count'] + 1} entities in June 2022" in wros
    assert f"and then {_entities_on('2025-01-15') + 1} (Jan 15, 2025)" in wros


# ---- No typed copies ----------------------------------------------------------------------


def _typed_copies() -> dict[str, re.Pattern[str]]:
    """The data's headline figures as they would be typed: the proposals' count, each Entity List
    total of 100 or more, and every UFLPA shipments figure of 1,000 or more."""
    count = len(DATA.proposals)
    words = {12: "twelve", 13: "thirteen", 14: "fourteen"}.get(count, "")
    copies = {f"{count} proposals": re.compile(rf"\b({count}|{words}) (proposals|steps)\b", re.IGNORECASE)}
    for batch in DATA.entity_batches:
        total = _entities_on(batch["effective"])
        if total >= 100:
            copies[f"Entity List total {total}"] = re.compile(rf"(?<![\d,.$]){total}(?![\d,])")  # not "$144 billion"
    for figure in DATA.uflpa_figures:
        if figure.get("shipments", 0) >= 1000:
            copies[f"UFLPA figure {figure['id']}"] = re.compile(rf"(?<![\d,.]){figure['shipments']:,}(?![\d,])")
    return copies


def test_no_page_types_a_figure_the_data_holds() -> None:
    copies = _typed_copies()
    found = []
    for path in PAGES:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)  # footnotes cite sources' titles as written
        text = re.sub(r"^moved_anchors:(\n  .*)+", "", text, flags=re.M)
        for what, pattern in copies.items():
            found += [
                f"{path.relative_to(ROOT)}: {what}: …{text[max(0, m.start() - 40) : m.end() + 20]}…"
                for m in pattern.finditer(text)
            ]
    assert not found, "write {{ name }} (hooks/site_figures.py) instead of the number:\n" + "\n".join(found)

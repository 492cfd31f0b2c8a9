"""The data as downloadable files (CSV and JSON), written into the site at build time.

No MkDocs import: `download_files` returns file names and their text; the hook
adds them to the build.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from site_data import SiteData

DOWNLOADS_DIR = "downloads"  # in the built site
DOWNLOAD_KINDS = ("proposals", "wros", "bills")  # each written as <kind>.csv and <kind>.json
# Written too, but not yet in the pages' download lists (site_render.DOWNLOAD_LABELS): the Entity
# List page comes later. Merge into DOWNLOAD_KINDS, with labels, when it does.
UNLISTED_DOWNLOAD_KINDS = ("entity_list", "uflpa_stats")

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _sources(sources: Sequence[Mapping[str, str]]) -> str:
    return " | ".join(f"{s['title']} <{s['url']}>" for s in sources)


def _csv(header: Sequence[str], rows: list[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


def proposals_csv(data: SiteData, link: Callable[[Mapping[str, Any]], str]) -> str:
    header = ["id", "lever", "title", "who_acts", "authority", "bills", "why", "status", "as_of", "note", "sources", "link"]
    rows = [
        [
            p["id"], p["lever"], p["title"], "; ".join(p["actor"]), p["vehicle"]["authority"],
            "; ".join(data.bill(b)["number"] for b in p["vehicle"].get("bills", [])), p["why"],
            p["status"]["state"], p["status"]["as_of"], p["status"]["note"], _sources(p["status"]["sources"]), link(p),
        ]
        for p in data.proposals
    ]
    return _csv(header, rows)


def wros_csv(data: SiteData) -> str:
    header = ["id", "announced", "order_date", "type", "scope", "entity", "products", "location", "xinjiang",
              "status", "status_as_of", "status_note", "sources"]
    rows = [
        [
            w["id"], w["date"], w.get("order_date"), w["type"], w.get("scope"), w["entity"], w["products"],
            w["location"], w["xinjiang"], w["status"]["state"], w["status"]["as_of"], w["status"]["note"],
            _sources(w["sources"]),
        ]
        for w in data.wros
    ]
    return _csv(header, rows)


def bills_csv(data: SiteData) -> str:
    header = ["id", "number", "congress", "title", "sponsor", "introduced", "furthest_step", "step_date", "vote",
              "public_law", "signed", "summary", "critique", "sources"]
    rows = [
        [
            b["id"], b["number"], b["congress"], b["title"], b["sponsor"], b["introduced"], b["status"]["step"],
            b["status"]["date"], b["status"].get("vote"), b.get("public_law", {}).get("number"),
            b.get("public_law", {}).get("signed"), b["summary"], b.get("critique"), _sources(b["sources"]),
        ]
        for b in data.bills
    ]
    return _csv(header, rows)


def entity_list_csv(data: SiteData) -> str:
    """One row per recorded entity, with its batch's date and Federal Register notice."""
    header = ["id", "name", "aliases", "sections", "sector", "location", "listed", "batch", "fr_document", "fr_citation",
              "fr_url", "removed", "removal_fr_document", "sources"]
    rows = [
        [
            e["id"], e["name"], "; ".join(e.get("aliases", [])), "; ".join(e["sections"]), e["sector"], e["location"],
            b["effective"], b["id"], b["notice"].get("document_number"), b["notice"].get("citation"), b["notice"]["url"],
            e.get("removed", {}).get("date"), e.get("removed", {}).get("notice", {}).get("document_number"),
            _sources(e.get("sources", [])),
        ]
        for b, e in data.entities()
    ]
    return _csv(header, rows)


def uflpa_stats_csv(data: SiteData) -> str:
    header = ["id", "period", "fiscal_year", "through", "measure", "shipments", "value_usd", "qualifier", "reported",
              "note", "sources"]
    rows = [
        [
            f["id"], f["period"]["kind"], f["period"].get("fiscal_year"), f["period"].get("through"), f["measure"],
            f.get("shipments"), f.get("value_usd"), f.get("qualifier"), f["reported"], f.get("note"), _sources(f["sources"]),
        ]
        for f in data.uflpa_figures
    ]
    return _csv(header, rows)


def _json(checked: str, list_key: str, records: Sequence[Mapping[str, Any]]) -> str:
    """{"checked": ..., list_key: [...]} with one record per line: readable, and a diff shows
    which record changed. (json.dumps with `indent` falls back to a far slower pure-Python encoder.)"""
    lines = ",\n".join(f"    {json.dumps(record, ensure_ascii=False)}" for record in records)
    return f'{{\n  "checked": {json.dumps(checked)},\n  {json.dumps(list_key)}: [\n{lines}\n  ]\n}}\n'


def download_files(data: SiteData, link: Callable[[Mapping[str, Any]], str]) -> dict[str, str]:
    """File name -> content for every download; `link` gives a proposal's permanent address."""
    proposals = [{**p, "link": link(p)} for p in data.proposals]
    tables = {
        "proposals": (proposals_csv(data, link), data.checked, proposals),
        "wros": (wros_csv(data), data.wros_checked, data.wros),
        "bills": (bills_csv(data), data.bills_checked, data.bills),
        # the JSON keeps the batches whole: dates, counts, notices, and what is not yet recorded
        "entity_list": (entity_list_csv(data), data.entity_list_checked, data.entity_batches),
        "uflpa_stats": (uflpa_stats_csv(data), data.uflpa_stats_checked, data.uflpa_figures),
    }
    files = {}
    for kind in DOWNLOAD_KINDS + UNLISTED_DOWNLOAD_KINDS:
        csv_text, checked, records = tables[kind]
        files[f"{kind}.csv"] = csv_text
        files[f"{kind}.json"] = _json(checked, kind, records)
    return files

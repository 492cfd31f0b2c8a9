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

# Each written as <kind>.csv and <kind>.json, and listed, with its label, in site_views.DOWNLOAD_LABELS.
DOWNLOAD_KINDS = ("proposals", "wros", "bills", "entity_list", "uflpa_stats")

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Record = Mapping[str, Any]
# A CSV file's columns: each header with the function that gives its cell for one record,
# side by side so that a column cannot lose its header or move away from it.
Columns = Sequence[tuple[str, Callable[[Record], Any]]]


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _sources(sources: Sequence[Mapping[str, str]]) -> str:
    return " | ".join(f"{s['title']} <{s['url']}>" for s in sources)


def _csv(columns: Columns, records: Sequence[Record]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([header for header, _ in columns])
    writer.writerows([csv_cell(value(record)) for _, value in columns] for record in records)
    return out.getvalue()


def proposal_columns(data: SiteData, link: Callable[[Record], str]) -> Columns:
    return (
        ("id", lambda p: p["id"]),
        ("lever", lambda p: p["lever"]),
        ("title", lambda p: p["title"]),
        ("who_acts", lambda p: "; ".join(p["actor"])),
        ("authority", lambda p: p["vehicle"]["authority"]),
        ("bills", lambda p: "; ".join(data.bill(b)["number"] for b in p["vehicle"].get("bills", []))),
        ("why", lambda p: p["why"]),
        ("status", lambda p: p["status"]["state"]),
        ("as_of", lambda p: p["status"]["as_of"]),
        ("searched", lambda p: p["status"]["searched"]),
        ("summary", lambda p: p["status"]["summary"]),
        ("note", lambda p: p["status"]["note"]),
        ("sources", lambda p: _sources(p["status"]["sources"])),
        ("link", link),
    )


WRO_COLUMNS: Columns = (
    ("id", lambda w: w["id"]),
    ("announced", lambda w: w["date"]),
    ("order_date", lambda w: w.get("order_date")),
    ("type", lambda w: w["type"]),
    ("scope", lambda w: w.get("scope")),
    ("entity", lambda w: w["entity"]),
    ("products", lambda w: w["products"]),
    ("location", lambda w: w["location"]),
    ("xinjiang", lambda w: w["xinjiang"]),
    ("status", lambda w: w["status"]["state"]),
    ("status_as_of", lambda w: w["status"]["as_of"]),
    ("status_searched", lambda w: w["status"]["searched"]),
    ("status_note", lambda w: w["status"].get("note")),
    ("sources", lambda w: _sources(w["sources"])),
)

BILL_COLUMNS: Columns = (
    ("id", lambda b: b["id"]),
    ("number", lambda b: b["number"]),
    ("congress", lambda b: b["congress"]),
    ("title", lambda b: b["title"]),
    ("sponsor", lambda b: b["sponsor"]),
    ("introduced", lambda b: b["introduced"]),
    ("furthest_step", lambda b: b["status"]["step"]),
    ("step_date", lambda b: b["status"]["date"]),
    ("searched", lambda b: b["status"]["searched"]),
    ("vote", lambda b: b["status"].get("vote")),
    ("public_law", lambda b: b.get("public_law", {}).get("number")),
    ("signed", lambda b: b.get("public_law", {}).get("signed")),
    ("summary", lambda b: b["summary"]),
    ("critique", lambda b: b.get("critique")),
    ("sources", lambda b: _sources(b["sources"])),
)


def proposals_csv(data: SiteData, link: Callable[[Record], str]) -> str:
    return _csv(proposal_columns(data, link), data.proposals)


def wros_csv(data: SiteData) -> str:
    return _csv(WRO_COLUMNS, data.wros)


def bills_csv(data: SiteData) -> str:
    return _csv(BILL_COLUMNS, data.bills)


# One row per recorded entity; each record is {"entity": ..., "batch": ...}, since the date and
# the Federal Register notice belong to the entity's batch.
ENTITY_COLUMNS: Columns = (
    ("id", lambda r: r["entity"]["id"]),
    ("name", lambda r: r["entity"]["name"]),
    ("aliases", lambda r: "; ".join(r["entity"].get("aliases", []))),
    ("sections", lambda r: "; ".join(r["entity"]["sections"])),
    # how the list section or the batch was worked out when no source states it for the entity
    ("section_inferred", lambda r: r["entity"].get("inferred", {}).get("section")),
    ("batch_inferred", lambda r: r["entity"].get("inferred", {}).get("batch")),
    ("sector", lambda r: r["entity"]["sector"]),
    ("location", lambda r: r["entity"]["location"]),
    ("listed", lambda r: r["batch"]["effective"]),
    ("batch", lambda r: r["batch"]["id"]),
    ("batch_status", lambda r: r["batch"]["status"]),  # confirmed, or reported (known from reports only)
    ("fr_document", lambda r: r["batch"]["notice"].get("document_number")),
    ("fr_citation", lambda r: r["batch"]["notice"].get("citation")),
    ("fr_url", lambda r: r["batch"]["notice"]["url"]),
    ("removed", lambda r: r["entity"].get("removed", {}).get("date")),
    ("removal_fr_document", lambda r: r["entity"].get("removed", {}).get("notice", {}).get("document_number")),
    ("sources", lambda r: _sources(r["entity"].get("sources", []))),
)

UFLPA_FIGURE_COLUMNS: Columns = (
    ("id", lambda f: f["id"]),
    ("period", lambda f: f["period"]["kind"]),
    ("fiscal_year", lambda f: f["period"].get("fiscal_year")),
    ("from", lambda f: f["period"].get("from")),
    ("through", lambda f: f["period"].get("through")),
    ("measure", lambda f: f["measure"]),
    ("shipments", lambda f: f.get("shipments")),
    ("value_usd", lambda f: f.get("value_usd")),
    ("qualifier", lambda f: f.get("qualifier")),
    ("reported", lambda f: f["reported"]),
    ("note", lambda f: f.get("note")),
    ("sources", lambda f: _sources(f["sources"])),
)


def entity_list_csv(data: SiteData) -> str:
    """One row per recorded entity, with its batch's date and Federal Register notice."""
    return _csv(ENTITY_COLUMNS, [{"entity": entity, "batch": batch} for batch, entity in data.entities()])


def uflpa_stats_csv(data: SiteData) -> str:
    return _csv(UFLPA_FIGURE_COLUMNS, data.uflpa_figures)


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
    for kind in DOWNLOAD_KINDS:
        csv_text, checked, records = tables[kind]
        files[f"{kind}.csv"] = csv_text
        files[f"{kind}.json"] = _json(checked, kind, records)
    return files

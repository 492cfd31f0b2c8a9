"""What can be checked mechanically about the content: descriptions, sections, sources, glossary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from site_data import load_schemas, load_site_data
from site_figures import ProseFigures

DATA = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
PAGES = sorted((ROOT / "docs").rglob("*.md"))  # year pages too (docs/changes/2024.md, ...)
SECTION_PARTS = ("What is proposed", "Why it matters", "What has happened", "What remains")
# Words in capitals that are not jargon needing a tooltip.
NOT_JARGON = {
    "U.S.",
    "US",
    "UK",
    "EU",
    "UN",
    "USA",
    "DC",
    "OK",
    "CSV",
    "JSON",
    "URL",
    "PDF",
    "I",
    "A",
    "AND",
    "OR",
    "NOT",
    "PRC",
    "CCP",
    "NBA",
    "NGO",
    "NGOs",
    "CEO",
    "ZIP",
    "WA",  # the look-up's address, #members=WA-7
    "NYSE",
    "ISIS",
    "DRC",
    "WTO",
    "FAQ",
    "HTML",
    "RSS",
    "II",
    "III",
    "IV",
    "GDP",
    "AP",
    "AFP",
    "BBC",
    "CNN",
    "NPC",
    "NPCSC",
}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.name}: no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_every_page_has_a_one_sentence_description(path: Path) -> None:
    # as readers see it, with the data's figures in it
    description = ProseFigures(DATA).fill(front_matter(path).get("description", ""), path.name)
    assert 30 <= len(description) <= 200, f"{path.name}: description should be one sentence (30-200 characters)"


@pytest.mark.parametrize("proposal", DATA.proposals, ids=lambda p: p["id"])
def test_every_proposal_has_a_full_section_on_its_lever_page(proposal) -> None:
    text = body(ROOT / "docs" / DATA.lever(proposal["lever"])["page"])
    heading = re.search(r"^## .*\{[^}]*#" + re.escape(proposal["id"]) + r"[\s}].*$", text, re.MULTILINE)
    assert heading, f"no '## ... {{ #{proposal['id']} }}' section"
    section = text[heading.end() :]
    next_heading = re.search(r"^## ", section, re.MULTILINE)
    section = section[: next_heading.start()] if next_heading else section
    assert f"<!-- status:{proposal['id']} -->" in section
    for part in SECTION_PARTS:
        assert part in section, f"section #{proposal['id']} lacks '{part}'"


def _object_schemas(node, path=""):
    """Every object schema in a resolved schema, with where it sits."""
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from _object_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _object_schemas(value, f"{path}/{index}")


SCHEMAS = load_schemas(ROOT / "data" / "schema")
DATED_KEYS = {
    "as_of",
    "date",
    "effective",
    "reported",
    "checked",
}  # checked: a file-wide note sits beside the file's date


# The data is validated against the schemas on every build, so these two rules hold for
# the data exactly as long as the schemas demand them; the tests guard the demand.
@pytest.mark.parametrize("stem", sorted(SCHEMAS))
def test_every_record_and_status_must_cite_a_source(stem: str) -> None:
    holders = [(path, node) for path, node in _object_schemas(SCHEMAS[stem]) if "sources" in node["properties"]]
    if stem in ("proposals", "wros", "bills"):
        assert holders, f"{stem}: no record carries sources"
    for path, node in holders:
        assert "sources" in node.get("required", []), f"{stem}{path}: sources must be required"
        sources = node["properties"]["sources"]
        assert sources.get("minItems", 0) >= 1, f"{stem}{path}: at least one source"
        assert sources["items"]["properties"]["url"]["pattern"].startswith("^https://")


@pytest.mark.parametrize("stem", sorted(SCHEMAS))
def test_every_note_where_a_figure_can_stand_carries_a_date(stem: str) -> None:
    # Figures live in notes (status notes, bill step notes); each note sits beside its as-of date.
    for path, node in _object_schemas(SCHEMAS[stem]):
        if "note" in node["properties"]:
            assert DATED_KEYS & set(node.get("required", [])), f"{stem}{path}: a note needs a required date"


def test_titles_fit_a_one_minute_read() -> None:
    assert len(DATA.proposals) == 13
    assert all(len(p["title"]) <= 90 for p in DATA.proposals)
    assert sum(len(p["title"].split()) for p in DATA.proposals) <= 200


def _capital_words(text: str) -> set[str]:
    text = re.sub(r"```.*?```", " ", text, flags=re.S)  # code blocks (call scripts) are plain text to copy
    text = re.sub(r"https?://\S+|\([^)]*\.md[^)]*\)|\{[^}]*\}|<[^>]+>", " ", text)  # links, attributes, tags
    text = re.sub(r"^\[\^[^\]]+\]:.*$", " ", text, flags=re.M)  # footnote definitions cite titles verbatim
    return set(re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", text))


def test_every_abbreviation_has_a_glossary_entry() -> None:
    terms = {t["term"] for t in DATA.glossary}
    used = set()
    for path in PAGES:
        used |= _capital_words(body(path))
    for proposal in DATA.proposals:
        used |= _capital_words(" ".join([proposal["title"], proposal["why"], proposal["status"]["note"]]))
    jargon = {w for w in used if w.isupper()}
    missing = sorted(w for w in jargon if w not in terms and w not in NOT_JARGON)
    assert not missing, f"abbreviations without a glossary entry in data/glossary.yml: {missing}"


def _tracking_pattern() -> re.Pattern[str]:
    # The same rule the data's source URLs are validated against, so pages and data agree.
    common = json.loads((ROOT / "data" / "schema" / "common.schema.json").read_text(encoding="utf-8"))
    [rule] = [part["not"]["pattern"] for part in common["$defs"]["https_url"]["allOf"] if "not" in part]
    return re.compile(rule)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_page_links_carry_no_tracking_parameters(path: Path) -> None:
    tracking = _tracking_pattern()
    urls = re.findall(r"https?://[^\s<>()\"'`]+", path.read_text(encoding="utf-8"))
    # pages whose text is generated, or that link only within the site, may have no outbound link
    page = str(path.relative_to(ROOT / "docs"))
    assert urls or page in ("glossary.md", "index.md") or page.startswith(("changes/", "bills/")), (
        f"{page}: no links found"
    )
    tagged = [url for url in urls if tracking.search(url)]
    assert not tagged, f"{path.name}: links with tracking parameters (cut them): {tagged}"


def test_tracking_rule_catches_what_it_should() -> None:
    tracking = _tracking_pattern()
    assert tracking.search("https://example.org/a?BC=bc_67432b7e822b9")
    assert tracking.search("https://example.org/a?x=1&utm_medium=email")
    assert not tracking.search("https://example.org/a?DocumentID=159")

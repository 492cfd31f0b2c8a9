"""Hostile text in the data (HTML, `javascript:` links, Markdown tricks, pipes, newlines)
reaches readers as that literal text in every generated block and every output: the
punch-list in each form, status boxes, the WRO table, bills, changes, glossary, downloads
list, search records, the CSV and JSON downloads and the Atom feed.

Each block is rendered twice, from the fixture data and from a copy whose every text field
holds hostile text, and parsed as a browser would: the elements and attribute names must be
the same in both (nothing injected, no table cell added), and the hostile text must be in the
page's text, intact.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import DataError, SiteData, load_site_data
from site_exports import download_files
from site_feed import atom_feed
from site_render import DATA_BLOCKS, SiteRenderer
from site_templates import Glossary, mark_terms
from site_text import fold
from site_views import SiteMap, proposal_address
from site_yaml import DataYamlLoader
from test_site_render import PAGES, SITE, parse

# Each fits the field it goes into (the schemas cap some lengths).
SHORT = "<img src=x onerror=alert(1)>|**b**"  # 34 characters
MEDIUM = "<script>alert(2)</script> [a](javascript:alert(3)) | `x`"  # 56
LONG = (
    '<script>alert("x")</script> <img src=x onerror="alert(4)"> [click](javascript:alert(5)) '
    '" onmouseover="alert(6) **bold** _em_ | a | b |\n\n# heading\n<!-- data:wros --> &amp; &lt;i&gt;'
)
ALL = (SHORT, MEDIUM, LONG)


def hostile_records(documents: dict[str, Any]) -> None:
    """Every text field a reader or a download sees, set to hostile text."""
    proposal = documents["proposals"]["proposals"][0]
    proposal.update({"title": MEDIUM, "actor": [SHORT, SHORT], "why": LONG})
    proposal["vehicle"]["authority"] = LONG[:120]
    proposal["next"].update({"step": LONG[:110], "who": MEDIUM})
    proposal["next"]["vehicles"]["action"] = LONG[:160]
    proposal["next"]["asks"][0]["ask"] = LONG[:200]  # in both chambers' scripts and letters
    proposal["status"].update({"note": LONG, "summary": MEDIUM})
    proposal["status"]["sources"][0]["title"] = LONG
    proposal["history"][0].update({"note": LONG})
    proposal["history"][0]["sources"][0]["title"] = LONG
    documents["levers"]["levers"][0].update({"title": MEDIUM, "summary": LONG})
    wro = documents["wros"]["wros"][0]
    wro.update({"entity": LONG, "products": LONG, "location": LONG})
    wro["status"]["note"] = LONG
    wro["sources"][0]["title"] = LONG
    bill = documents["bills"]["bills"][0]
    bill.update({"title": LONG, "sponsor": LONG, "summary": LONG})
    documents["bills"]["bills"][1]["critique"] = LONG  # the bill that has one
    bill["status"].update({"vote": LONG[:120], "note": LONG[:300]})
    bill["public_law"]["citation"] = LONG
    bill["sources"][0]["title"] = LONG
    bill["also_known_as"] = [SHORT]
    batches = documents["entity_list"]["batches"]
    batches[0]["entities_missing"] = LONG
    batches[1]["note"] = LONG
    entity = batches[1]["entities"][0]
    entity.update({"name": MEDIUM, "aliases": [SHORT], "sector": LONG, "location": SHORT})
    entity["sources"][0]["title"] = LONG  # shared with the batch's other entity (a YAML alias): still one source
    documents["entity_list"]["later_changes_checked"]["finding"] = LONG
    figure = documents["uflpa_stats"]["figures"][0]
    figure["note"] = LONG
    figure["sources"] = [{"title": LONG, "url": "https://example.org/stats"}]
    documents["uflpa_stats"]["note"] = LONG
    documents["glossary"]["terms"][1]["meaning"] = LONG[:200]  # ILO, in a proposal's title
    senator = next(m for m in documents["members"]["members"] if m["bioguide"] == "C000127")  # WA
    senator.update({"name": MEDIUM, "party": SHORT[:30]})
    documents["members"]["source"]["title"] = LONG


def copy_data(target: Path, change: Callable[[dict[str, Any]], None] | None = None) -> Path:
    shutil.copytree(FIXTURE_DATA, target)
    documents = {path.stem: yaml.load(path.read_text(), Loader=DataYamlLoader) for path in target.glob("*.yml")}
    if change:
        change(documents)
    for stem, document in documents.items():
        (target / f"{stem}.yml").write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    return target


BUILT_ON = datetime.date(2026, 11, 28)


def load(data_dir: Path) -> SiteData:
    return load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))


@pytest.fixture(scope="module")
def clean() -> SiteData:
    return load(FIXTURE_DATA)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    return load(copy_data(tmp_path_factory.mktemp("hostile") / "data", hostile_records))


# Every generated block, as (name, page marker or punch-list form, the page that shows it).
BLOCKS = [
    *[(f"data:{name}", "wros.md") for name in sorted(DATA_BLOCKS)],
    ("data:bills-116", "bills/116.md"),
    ("data:bills-117", "bills/117.md"),
    ("data:entity-list-2022", "entity-list/2022.md"),
    ("data:entity-list-2024", "entity-list/2024.md"),
    ("data:changes-2020", "changes/2020.md"),
    ("data:changes-2022", "changes/2022.md"),
    ("data:members-wa", "members/wa.md"),
    ("status:region-wide-wro", "customs.md"),
    ("punch-list", "index.md"),  # full
    ("punch-list", "customs.md"),  # lever
    ("punch-list", "about.md"),  # compact, folded
]


def rendered(data: SiteData, block: str, src_uri: str) -> str:
    renderer = SiteRenderer(data, SiteMap(PAGES, SITE), BUILT_ON)
    if block == "punch-list":
        return renderer.punch_list(src_uri, PAGES[src_uri])
    marker = f"<!-- {block} -->"
    return renderer.page_blocks(marker, src_uri, PAGES[src_uri]).fill(marker)


def shape(fragment: str) -> list[tuple[str, tuple[str, ...]]]:
    """The elements and their attribute names, glossary <abbr>s left out (they follow the words)."""
    return [(tag, tuple(sorted(attrs))) for tag, attrs in parse(fragment).tags if tag != "abbr"]


# The one element a template adds on purpose that hostile text must never add: the look-up's own
# loader (<script src> of a file in assets/, no text), which runs under the page's policy.
TEMPLATE_SCRIPTS = {"data:member-lookup"}


def assert_inert(fragment: str, block: str = "") -> None:
    tags = parse(fragment).tags
    forbidden = {"script", "img", "iframe", "em", "b", "code", "h1"} - (
        {"script"} if block in TEMPLATE_SCRIPTS else set()
    )
    assert not forbidden & {tag for tag, _ in tags}
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert all(set(a) == {"src", "defer"} and (a["src"] or "").endswith("assets/members-lookup.js") for a in scripts)
    for tag, attrs in tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), (tag, attrs)
    assert "<!--" not in fragment  # the marker-looking text did not become a marker


@pytest.mark.parametrize(("block", "src_uri"), BLOCKS, ids=[f"{b}@{s}" for b, s in BLOCKS])
def test_hostile_text_adds_no_element_or_attribute(clean, hostile, block: str, src_uri: str) -> None:
    fragment = rendered(hostile, block, src_uri)
    assert_inert(fragment, block)
    assert shape(fragment) == shape(rendered(clean, block, src_uri))


# Blocks that show the hostile text, and which of it (folded, as readers see it).
SHOWN = {
    "data:wros": [LONG],
    "data:bills-116": [LONG],  # its critique
    "data:bills-117": [LONG, SHORT],
    "data:bill-overview": [LONG],
    "data:entity-list": [LONG],  # the search for later changes
    "data:entity-list-2022": [LONG],  # what is not recorded yet
    "data:entity-list-2024": [LONG, MEDIUM, SHORT],  # the note, the entity's name, alias and place
    "data:uflpa-figures": [LONG],
    "data:changes": [MEDIUM],  # the proposal's title; its note is on the year's page
    "data:changes-2020": [MEDIUM, LONG],
    "data:glossary": [LONG[:200]],
    "status:region-wide-wro": [SHORT, LONG, LONG[:120]],
    "punch-list": [MEDIUM, LONG[:110], LONG[:160]],
    # What you can do: the asks table, and the texts to copy (in their <pre> and their attribute)
    "data:asks": [LONG[:110], MEDIUM, LONG[:160]],
    "data:call-script-senate": [LONG[:200]],
    "data:call-script-house": [LONG[:200]],
    "data:letter-senate": [LONG[:200]],
    "data:letter-house": [LONG[:200]],
    "data:members-wa": [MEDIUM],  # a member's name
}


@pytest.mark.parametrize(("block", "src_uri"), [b for b in BLOCKS if b[0] in SHOWN], ids=lambda v: str(v))
def test_hostile_text_is_shown_as_written(hostile, block: str, src_uri: str) -> None:
    text = fold("".join(parse(rendered(hostile, block, src_uri)).text))
    for written in SHOWN[block]:
        if block == "punch-list" and src_uri != "index.md" and written is not MEDIUM:
            continue  # the lever form of another lever, or the folded list: the title is enough
        assert fold(written) in text


def test_hostile_text_in_attributes_stays_in_the_attribute(hostile) -> None:
    tags = parse(rendered(hostile, "punch-list", "index.md")).tags
    copy_text = next(attrs["data-copy-text"] for tag, attrs in tags if attrs.get("data-proposal") == "region-wide-wro")
    assert copy_text is not None
    lines = copy_text.splitlines()
    assert [lines[0], lines[2], lines[3]] == [
        fold(MEDIUM),
        f"Next step: {fold(LONG[:110])}",
        f"Who acts next: {fold(MEDIUM)}",
    ]
    tooltips = {attrs["title"] for tag, attrs in tags if tag == "abbr"}
    assert fold(LONG[:200]) in tooltips  # the hostile meaning of ILO, as a tooltip's text


def test_search_records_are_inert(hostile) -> None:
    page = "".join(f"<!-- {block} -->" for block, _ in BLOCKS if block != "punch-list")
    renderer = SiteRenderer(hostile, SiteMap(PAGES, SITE), BUILT_ON)
    records = renderer.page_blocks(page, "customs.md", "customs/").search_records
    assert len(records) > 5
    shown = "".join(f"<h2>{r.title}</h2><p>{r.text}</p>" for r in records)  # Material shows them as HTML
    assert {tag for tag, _ in parse(shown).tags} == {"h2", "p"}
    text = fold("".join(parse(shown).text))
    assert fold(LONG) in text and fold(MEDIUM) in text


def test_a_glossary_term_with_an_ampersand_is_escaped(clean) -> None:
    data = dataclasses.replace(clean, glossary=(*clean.glossary, {"term": "R&D", "meaning": '"quoted" <meaning>'}))
    marked = mark_terms("R&D <b>", Glossary.of(data))
    assert parse(marked).tags == [("abbr", {"title": '"quoted" <meaning>'})]
    assert "".join(parse(marked).text) == "R&D <b>"
    assert mark_terms("<b>", Glossary.of(clean)) == "&lt;b&gt;"


# ---- Downloads and the feed -------------------------------------------------------------


@pytest.fixture(scope="module")
def downloads(hostile) -> dict[str, str]:
    site = SiteMap(PAGES, SITE)
    return download_files(hostile, lambda p: proposal_address(p, hostile, site))


@pytest.mark.parametrize("kind", ["proposals", "wros", "bills"])
def test_csv_keeps_hostile_text_as_one_cell(downloads, hostile, kind: str) -> None:
    rows = list(csv.reader(io.StringIO(downloads[f"{kind}.csv"])))
    records = getattr(hostile, kind)
    assert len(rows) == len(records) + 1 and len({len(row) for row in rows}) == 1  # no cell split or added
    cells = set(rows[1] + rows[2])
    assert LONG in cells or LONG[:120] in cells  # newlines and all, as written


def strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(strings(child) for child in children))


@pytest.mark.parametrize("kind", ["proposals", "wros", "bills"])
def test_json_keeps_hostile_text_as_written(downloads, hostile, kind: str) -> None:
    records = json.loads(downloads[f"{kind}.json"])[kind]
    assert [r["id"] for r in records] == [r["id"] for r in getattr(hostile, kind)]
    assert LONG in strings(records)


def test_feed_keeps_hostile_text_as_text(hostile) -> None:
    feed = atom_feed(
        hostile.status_changes(),
        site_url=SITE,
        site_name="Punch-List",
        changes_url=SITE + "changes/",
        checked=hostile.checked,
        link_for=lambda p: SITE,
    )
    root = ET.fromstring(feed)  # well-formed
    ns = "{http://www.w3.org/2005/Atom}"
    assert {element.tag.removeprefix(ns) for element in root.iter()} <= {
        "feed",
        "id",
        "title",
        "subtitle",
        "updated",
        "author",
        "name",
        "uri",
        "link",
        "entry",
        "published",
        "category",
        "summary",
    }
    summaries = [entry.findtext(f"{ns}summary") or "" for entry in root.iter(f"{ns}entry")]
    titles = [entry.findtext(f"{ns}title") or "" for entry in root.iter(f"{ns}entry")]
    assert any(fold(LONG) in summary for summary in summaries)
    assert f"{fold(MEDIUM)}: Done" in titles


# ---- What the schema refuses outright ------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>x</script>",
        "http://example.org/",
        'https://example.org/"><script>',
        "https://example.org/ x",
        "//example.org/",
    ],
)
def test_source_links_other_than_https_are_refused(tmp_path: Path, url: str) -> None:
    def change(documents: dict[str, Any]) -> None:
        documents["wros"]["wros"][0]["sources"][0]["url"] = url

    with pytest.raises(DataError) as caught:
        load(copy_data(tmp_path / "data", change))
    [problem] = caught.value.problems
    assert problem.field == "sources[0].url" and "https://" in problem.message

"""Full builds of the real site: every page, every link, the downloads."""

from __future__ import annotations

import csv
import json
import posixpath
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import ENGINE_REQUIREMENTS, ROOT, built_with, pinned_versions
from site_data import load_site_data
from site_html import is_internal, read_site, resolve
from site_members import state_page_markdown

DATA = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
LEVER_URLS = {lever["id"]: lever["page"].removesuffix(".md") + "/" for lever in DATA.levers}
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)"')


@pytest.fixture(scope="module")
def pages(built_site: Path):
    return read_site(built_site)


def test_every_page_has_the_punch_list_right_under_its_h1(built_site: Path, pages) -> None:
    # The home page keeps its lead sentence (one paragraph) between the H1 and the list.
    assert len(pages) >= 10
    for url, page in pages.items():
        html = page.path.read_text(encoding="utf-8")
        lead = r"<p>(?:(?!</p>).)*</p>\s*" if url == "" else ""
        assert re.search(r"</h1>\s*" + lead + r"<div class=\"punch-list punch-list--", html, re.S), (
            f"{url}: no punch-list under the H1"
        )
        assert html.count('class="punch-list punch-list--') == 1, url
        assert "<!-- punch-list -->" not in html, url


def test_page_titles_come_from_the_page_not_the_file_name(pages) -> None:
    # MkDocs falls back to the file name when the H1 is not the first element: the table goes after it.
    for url, page in pages.items():
        html = page.path.read_text(encoding="utf-8")
        title_match = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title_match, url
        title = unescape(title_match.group(1))
        markdown = page_markdown(url)
        meta = re.search(r"^title: (.+)$", markdown.split("---\n", 2)[1], re.M)
        h1 = re.search(r"^# (.+?)(\s*\{.*\})?$", markdown, re.M)
        assert h1, f"{url}: no H1"
        expected = meta.group(1).strip().strip("\"'") if meta else h1.group(1)
        assert title.startswith(expected) or (url == "" and "Punch-List" in title), (url, title)


def page_markdown(url: str) -> str:
    """The Markdown a page is built from: its file in docs/, or the one made at build time for a
    state's members (members/wa/)."""
    if state := re.fullmatch(r"members/([a-z]{2})/", url):
        return state_page_markdown(state.group(1).upper())
    source = ROOT / "docs" / ("index.md" if not url else url.rstrip("/") + ".md")
    if not source.exists():  # a folder's main page: docs/entity-list/index.md is /entity-list/
        source = ROOT / "docs" / url / "index.md"
    return source.read_text(encoding="utf-8")


def test_home_lever_and_other_pages_show_the_right_table(pages) -> None:
    def rows(url: str) -> list[str]:
        # a table row, or a line of the folded list on other pages
        return re.findall(r'<(?:tr|li) data-proposal="([a-z0-9-]+)"', pages[url].path.read_text(encoding="utf-8"))

    all_ids = [p["id"] for lever in DATA.levers for p in DATA.proposals_for(lever["id"])]
    assert rows("") == all_ids
    for lever in DATA.levers:
        assert rows(LEVER_URLS[lever["id"]]) == [p["id"] for p in DATA.proposals_for(lever["id"])]
    assert rows("about/") == all_ids
    assert "punch-list--compact" in pages["about/"].path.read_text(encoding="utf-8")


def test_each_proposal_has_its_section_on_its_lever_page(pages) -> None:
    for proposal in DATA.proposals:
        page = pages[LEVER_URLS[proposal["lever"]]]
        assert ("h2", proposal["id"]) in page.heading_ids, f"no section #{proposal['id']} on {page.url}"
        html = page.path.read_text(encoding="utf-8")
        assert f'<div class="proposal-status" data-proposal="{proposal["id"]}"' in html


def test_every_record_has_its_anchor(pages) -> None:
    for wro in DATA.wros:
        assert wro["id"] in pages["wros/"].ids
    for bill in DATA.bills:  # on its Congress's page; the bills page keeps its published anchor (a moved stub)
        assert bill["id"] in pages[f"bills/{bill['congress']}/"].ids
        assert bill["id"] in pages["bills/"].ids


def test_every_page_was_built_by_the_pinned_engine_and_theme(built_site: Path) -> None:
    # Material's head names the engine (ProperDocs reports itself as "ProperDocs <version>"): this proves which
    # build path produced the pages under test, at the versions its requirements file pins.
    engine = built_with()
    pins = pinned_versions(ENGINE_REQUIREMENTS[engine])
    core = f"ProperDocs {pins['properdocs']}" if engine == "properdocs" else pins["mkdocs"]
    expected = f"mkdocs-{core}, mkdocs-material-{pins['mkdocs-material']}"
    generators = {
        path.relative_to(built_site).as_posix(): GENERATOR.findall(path.read_text(encoding="utf-8"))
        for path in sorted(built_site.rglob("*.html"))
    }
    assert len(generators) >= 10
    wrong = sorted(page for page, found in generators.items() if found != [expected])
    found = sorted({tag for tags in generators.values() for tag in tags})
    assert not wrong, f"{len(wrong)} pages (e.g. {wrong[0]}) lack one generator tag {expected!r}; found {found}"


def test_every_internal_link_and_anchor_resolves(built_site: Path, pages) -> None:
    broken = []
    ids_by_file = {page.path: page.ids for page in pages.values()}
    for page in pages.values():
        for href in page.links:
            if not is_internal(href) or href.startswith("mailto:"):
                continue
            target, fragment = resolve(built_site, page, href)
            if not target.is_file():
                broken.append(f"{page.url}: {href} -> missing {target.relative_to(built_site)}")
            elif fragment and target.suffix == ".html":
                ids = ids_by_file.get(target) or read_site_ids(target)
                if fragment not in ids:
                    broken.append(f"{page.url}: {href} -> no #{fragment}")
    assert not broken, "\n".join(broken)


def read_site_ids(path: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))


def test_downloads_are_built_and_linked(built_site: Path, pages) -> None:
    for kind, count in (("proposals", len(DATA.proposals)), ("wros", len(DATA.wros)), ("bills", len(DATA.bills))):
        with open(built_site / "downloads" / f"{kind}.csv", newline="", encoding="utf-8") as handle:
            assert len(list(csv.DictReader(handle))) == count
        payload = json.loads((built_site / "downloads" / f"{kind}.json").read_text(encoding="utf-8"))
        assert len(payload[kind]) == count
    for url in ("wros/", "bills/"):
        assert "../downloads/wros.csv" in pages[url].links and "../downloads/bills.json" in pages[url].links


def test_punch_list_is_kept_out_of_search(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert f"The punch-list: {len(DATA.proposals)} proposals" not in text
    assert "status checked" not in text
    # the pages themselves are still searchable
    assert any(doc["location"].startswith("wros/") for doc in index["docs"])


def test_every_record_and_status_is_found_by_search_at_its_own_anchor(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert len(docs) == len(index["docs"]), "two search entries share one location"
    for wro in DATA.wros:
        assert wro["entity"].split()[0] in docs[f"wros/#{wro['id']}"]["title"]
    for bill in DATA.bills:
        assert docs[f"bills/{bill['congress']}/#{bill['id']}"]["title"].startswith(bill["number"])
    for change in DATA.status_changes():  # on its year's page, with its note; once
        assert f"changes/{change.date[:4]}/#{change.anchor}" in docs
        assert f"changes/#{change.anchor}" not in docs
    for proposal in DATA.proposals:
        # the status box joins the entry of the proposal's own section, whose prose follows
        section = docs[f"{LEVER_URLS[proposal['lever']]}#{proposal['id']}"]
        assert section["text"].startswith("Status ") and "Why " in section["text"] and "<p>" in section["text"]


def test_every_page_has_a_description(pages) -> None:
    descriptions = set()
    for url, page in pages.items():
        html = page.path.read_text(encoding="utf-8")
        match = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert match and len(match.group(1)) > 20, url
        descriptions.add(match.group(1))
    assert len(descriptions) == len(pages), "each page needs its own description, not the site default"


def test_entity_list_pages_have_every_batch_and_entity_anchor_their_downloads_and_search(
    built_site: Path, pages
) -> None:
    page = pages["entity-list/"]
    batches, entities = DATA.entity_batches, [entity for _, entity in DATA.entities()]
    assert {b["id"] for b in batches} <= page.anchors  # the overview's rows
    year_of = {b["id"]: b["effective"][:4] for b in batches} | {e["id"]: b["effective"][:4] for b, e in DATA.entities()}
    for anchor, year in year_of.items():  # each batch and entity on its year's page
        assert anchor in pages[f"entity-list/{year}/"].anchors, anchor
    for kind in ("entity_list", "uflpa_stats"):
        assert f"../downloads/{kind}.csv" in page.links and f"../downloads/{kind}.json" in page.links
    with open(built_site / "downloads" / "entity_list.csv", newline="", encoding="utf-8") as handle:
        assert [row["id"] for row in csv.DictReader(handle)] == [e["id"] for e in entities]
    assert len(
        json.loads((built_site / "downloads" / "entity_list.json").read_text(encoding="utf-8"))["entity_list"]
    ) == len(batches)
    assert len(
        json.loads((built_site / "downloads" / "uflpa_stats.json").read_text(encoding="utf-8"))["uflpa_stats"]
    ) == len(DATA.uflpa_figures)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    for anchor, year in year_of.items():
        assert locations.count(f"entity-list/{year}/#{anchor}") == 1, anchor  # found once, where it is
        assert f"entity-list/#{anchor}" not in locations
    # the proposals it bears on link to it
    assert "../entity-list/" in pages["customs/"].links


def test_the_entity_search_names_lead_to_their_entries(built_site: Path, pages) -> None:
    # What the Entity List page's search box fetches: every recorded entity, each address
    # (relative to the file) landing on that entity's row.
    written = json.loads((built_site / "entity-list" / "names.json").read_text(encoding="utf-8"))
    assert written["recorded"] == len(written["entities"]) == len(DATA.entities())
    for (_, entity), entry in zip(DATA.entities(), written["entities"], strict=True):
        page, anchor = entry["url"].split("#")
        assert entry["name"] == " ".join(entity["name"].split())
        assert anchor == entity["id"] and anchor in pages[posixpath.normpath(f"entity-list/{page}") + "/"].anchors
    assert 'data-names="../entity-list/names.json"' in (built_site / "entity-list" / "index.html").read_text(
        encoding="utf-8"
    )


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _batch_html(html: str, batch_id: str) -> str:
    return html.split(f'id="{batch_id}"', 1)[1].split("</section>", 1)[0]


def test_entity_year_pages_say_what_is_named_reported_and_inferred(pages) -> None:
    by_year: dict[str, list] = {}
    for batch in DATA.entity_batches:
        by_year.setdefault(batch["effective"][:4], []).append(batch)
    for year, batches in by_year.items():
        html = pages[f"entity-list/{year}/"].path.read_text(encoding="utf-8")
        for batch in batches:
            section = _batch_html(html, batch["id"])
            text = _text(section)
            missing = batch["count"] - len(batch.get("entities", []))
            if missing:  # how many are not named, why, and where every name is
                verb = "is" if missing == 1 else "are"
                assert f"{missing} of the {batch['count']} {verb} not named here: {batch['entities_missing']};" in text
                assert "https://www.dhs.gov/uflpa-entity-list" in section
            else:
                assert "not named here" not in text, batch["id"]
            heading = _text(section.split("</h2>", 1)[0])
            if batch["status"] == "reported":
                assert "(reported)" in heading and "in all if confirmed" in heading, heading
                assert "Reported, not confirmed." in text
            else:
                assert "reported" not in heading, heading
            # an entity's row says "inferred" exactly when its section or batch was worked out
            for entity in batch.get("entities", []):
                row = section.split(f'<tr id="{entity["id"]}"', 1)[1].split("</tr>", 1)[0]
                cell = _text(row.split('class="entity__sections"', 1)[1].split("</td>", 1)[0])
                inferred = entity.get("inferred", {})
                assert cell.endswith("notice inferred") == ("batch" in inferred), entity["id"]
                assert (" inferred" in cell.replace("notice inferred", "")) == ("section" in inferred), entity["id"]
        has_inferred = any("inferred" in e for b in batches for e in b.get("entities", []))
        assert html.count('class="entity-list__inferred"') == (1 if has_inferred else 0), year


def test_entity_list_overview_keeps_the_reported_batch_out_of_the_confirmed_total(pages) -> None:
    html = pages["entity-list/"].path.read_text(encoding="utf-8")
    text = _text(html)
    confirmed = [b for b in DATA.entity_batches if b["status"] == "confirmed"]
    reported = [b for b in DATA.entity_batches if b["status"] == "reported"]
    total = sum(b["count"] for b in confirmed)
    assert total == 144  # DHS, Jan 14, 2025
    named = sum(len(b.get("entities", [])) for b in confirmed)
    assert f"{len(confirmed)} notices to Jan 15, 2025 , {total} entities in all; {named} of them named here" in text
    for batch in reported:
        row = _text(html.split(f'<tr id="{batch["id"]}"', 1)[1].split("</tr>", 1)[0])
        assert "(reported)" in row and f"{total + batch['count']} if confirmed ({total} confirmed)" in row
    assert "is reported to add 43 more (187 in all)" in text  # the reports: 43 added, 187 in all


def test_moved_entries_old_links_lead_to_their_new_place(pages) -> None:
    stubs = 0
    for url, page in pages.items():
        html = page.path.read_text(encoding="utf-8")
        for tag in re.findall(r"<a [^>]*moved-anchor[^>]*>", html):
            href, old_id = (re.search(rf'{name}="([^"]+)"', tag) for name in ("href", "id"))
            assert href and old_id, tag
            target_page, target_id = href.group(1).split("#")
            target = posixpath.normpath(posixpath.join(url, target_page)) + "/"
            assert target_id in pages[target].anchors, (url, old_id.group(1), href.group(1))
            stubs += 1
    assert stubs >= 25  # the entities the Entity List page showed until the year pages


def test_search_finds_bills_by_the_names_people_use(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    for bill in DATA.bills:
        for name in bill.get("also_known_as", []):
            assert name in docs[f"bills/{bill['congress']}/#{bill['id']}"]["title"]
    uflpa = docs["bills/117/#hr6256-117"]["title"]
    assert "UFLPA" in uflpa and "P.L. 117-78" in uflpa and "Uyghur Forced Labor Prevention Act" in uflpa
    assert "Uyghur Human Rights Policy Act" in docs["bills/116/#s3744-116"]["title"]

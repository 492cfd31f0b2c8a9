"""Rendering data as HTML: links, injection under the H1, and inert text."""

from __future__ import annotations

import datetime
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import DataYamlLoader, load_site_data
from site_render import (
    MarkerError,
    PageContext,
    email_text,
    esc,
    format_date,
    PunchLists,
    SearchRecord,
    add_to_search_index,
    insert_after_h1,
    relative_url,
    render_page_blocks,
    render_page_markdown,
    render_punch_list,
    render_wros,
)

PAGES = {"index.md": "", "customs.md": "customs/", "multilateral.md": "multilateral/", "bills.md": "bills/",
         "wros.md": "wros/", "about.md": "about/"}
SITE = "https://example.org/punch/"

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "onerror": '<img src=x onerror="alert(2)">',
    "pipe": "a | b | c",
    "markdown-link": "[click](javascript:alert(3))",
    "newline": "first line\n\nsecond line",
}


def context(src_uri: str) -> PageContext:
    return PageContext(src_uri=src_uri, url=PAGES[src_uri], page_urls=PAGES, site_url=SITE)


@pytest.fixture
def data():
    return load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)


class Collect(HTMLParser):
    """Element names, attributes and text of an HTML fragment, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> Collect:
    parser = Collect()
    parser.feed(fragment)
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("target", "base", "expected"),
    [
        ("customs/", "", "customs/"),
        ("", "customs/", "../"),
        ("bills/", "customs/", "../bills/"),
        ("downloads/wros.csv", "wros/", "../downloads/wros.csv"),
        ("", "", "./"),
    ],
)
def test_relative_url(target: str, base: str, expected: str) -> None:
    assert relative_url(target, base) == expected


def test_link_within_the_same_page_is_just_the_anchor() -> None:
    assert context("customs.md").link("customs.md", "civil-penalties") == "#civil-penalties"
    assert context("index.md").link("customs.md", "civil-penalties") == "customs/#civil-penalties"


def test_format_date() -> None:
    assert format_date("2022-06-21") == "Jun 21, 2022"
    assert format_date("2021-01-03") == "Jan 3, 2021"


def test_block_goes_right_after_the_article_h1() -> None:
    page = '<h1>Site</h1><article class="md-content__inner md-typeset"><h1 id="t">Title</h1><p>Intro</p></article>'
    out = insert_after_h1(page, "<div>TABLE</div>")
    assert out.index('<h1 id="t">Title</h1>') < out.index("TABLE") < out.index("Intro")
    assert out.replace("\n<div>TABLE</div>\n", "") == page


def test_block_goes_to_the_top_of_an_article_without_h1() -> None:
    page = '<article class="md-content__inner md-typeset"><p>Intro</p></article>'
    out = insert_after_h1(page, "<div>TABLE</div>")
    assert out.index("TABLE") < out.index("Intro")


def test_punch_lists_are_rendered_once_and_rebased_per_page(data) -> None:
    lists = PunchLists(data, PAGES, SITE)
    about = lists.for_page("about.md", "about/")
    home = lists.for_page("index.md", "")
    assert 'href="../customs/#region-wide-wro"' in about
    assert 'href="customs/#region-wide-wro"' in home
    assert about == render_punch_list(data, context("about.md"))  # same as rendering for the page itself
    assert lists.for_page("wros.md", "wros/") == about  # one compact form for every other page
    lever = lists.for_page("customs.md", "customs/")
    assert 'href="#region-wide-wro"' in lever and 'href="../"' in lever


def test_home_groups_all_proposals_by_lever(data) -> None:
    tags = parse(render_punch_list(data, context("index.md"))).tags
    groups = [attrs for tag, attrs in tags if tag == "tr" and attrs.get("class") == "punch-list__group"]
    rows = [attrs["data-proposal"] for tag, attrs in tags if tag == "tr" and "data-proposal" in attrs]
    assert len(groups) == 2
    assert rows == ["region-wide-wro", "ilo-inquiry"]
    assert ("details", {}) not in tags  # the home page shows the table open


def test_lever_page_shows_its_own_proposals_and_links_to_the_full_list(data) -> None:
    html = render_punch_list(data, context("multilateral.md"))
    tags = parse(html).tags
    rows = [attrs["data-proposal"] for tag, attrs in tags if tag == "tr" and "data-proposal" in attrs]
    assert rows == ["ilo-inquiry"]
    assert ("a", {"href": "../"}) in tags


def test_other_pages_show_the_full_list_folded(data) -> None:
    tags = parse(render_punch_list(data, context("about.md"))).tags
    assert tags[0] == ("div", {"class": "punch-list punch-list--compact", "data-search-exclude": None})
    assert ("details", {}) in tags
    rows = [attrs["data-proposal"] for tag, attrs in tags if tag == "tr" and "data-proposal" in attrs]
    assert rows == ["region-wide-wro", "ilo-inquiry"]


def test_proposal_links_point_to_its_section_and_bills(data) -> None:
    hrefs = [attrs.get("href") for tag, attrs in parse(render_punch_list(data, context("about.md"))).tags if tag == "a"]
    assert "../customs/#region-wide-wro" in hrefs
    assert "../bills/#hr6256-117" in hrefs
    assert "../multilateral/#ilo-inquiry" in hrefs


def test_email_text_has_title_actor_status_and_deep_link(data) -> None:
    proposal = data.proposal("region-wide-wro")
    text = email_text(proposal, SITE + "customs/#region-wide-wro")
    assert text.splitlines() == [
        "Issue a region-wide WRO on Xinjiang cotton and tomatoes",
        "Who acts: DHS/CBP",
        "Status: Done (as of Jun 21, 2022)",
        "https://example.org/punch/customs/#region-wide-wro",
    ]


def test_unknown_marker_is_an_error(data) -> None:
    with pytest.raises(MarkerError, match="unknown marker '<!-- data:nothing -->'"):
        render_page_markdown("# T\n\n<!-- data:nothing -->\n", data, context("about.md"))
    with pytest.raises(MarkerError, match="names no proposal"):
        render_page_markdown("# T\n\n<!-- status:no-such-proposal -->\n", data, context("customs.md"))


def test_glossary_becomes_abbreviations(data) -> None:
    out = render_page_markdown("# T\n", data, context("about.md"))
    assert out.rstrip().endswith("*[WRO]: Withhold Release Order\n*[ILO]: International Labour Organization")


# ---- Hostile text stays text -------------------------------------------------


@pytest.fixture
def hostile_data(tmp_path: Path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    for stem, change in {
        "proposals": lambda d: d["proposals"][0].update(
            {"title": HOSTILE["script"][:60], "why": HOSTILE["markdown-link"], "actor": [HOSTILE["pipe"]]}
        )
        or d["proposals"][0]["status"].update({"note": HOSTILE["newline"]})
        or d["proposals"][0]["status"]["sources"][0].update({"title": HOSTILE["onerror"]}),
        "wros": lambda d: d["wros"][0].update({"entity": HOSTILE["onerror"], "products": HOSTILE["newline"],
                                               "location": HOSTILE["pipe"]}),
    }.items():
        path = target / f"{stem}.yml"
        document = yaml.load(path.read_text(), Loader=DataYamlLoader)
        change(document)
        path.write_text(yaml.safe_dump(document, sort_keys=False))
    return load_site_data(target, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))


def test_hostile_text_renders_as_literal_text(hostile_data) -> None:
    page = "# Customs\n\n<!-- status:region-wide-wro -->\n\n<!-- data:wros -->\n"
    blocks = render_page_blocks(page, hostile_data, context("customs.md"))
    search = "".join(f"<h2>{r.title}</h2><p>{r.text}</p>" for r in blocks.search_records)  # shown as HTML too
    html = blocks.fill(page) + render_punch_list(hostile_data, context("customs.md")) + search
    parsed = parse(html)
    tag_names = {tag for tag, _ in parsed.tags}
    assert "script" not in tag_names and "img" not in tag_names
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert not any((attrs.get("href") or "").lower().startswith("javascript") for _, attrs in parsed.tags)
    text = "".join(parsed.text)
    assert HOSTILE["script"][:60] in text
    assert HOSTILE["onerror"] in text
    assert HOSTILE["markdown-link"] in text
    assert "first line second line" in text  # the newline folds to a space, the text stays


def test_hostile_text_keeps_table_shape(hostile_data) -> None:
    parsed = parse(render_wros(hostile_data, context("wros.md")).html)
    row_cells = []
    for tag, attrs in parsed.tags:
        if tag == "tr":
            row_cells.append(0)
        elif tag == "td":
            row_cells[-1] += 1
    assert row_cells[1:] == [8, 8]  # header row, then each record with all eight cells


def test_generated_blocks_have_no_blank_line(hostile_data) -> None:
    # A blank line would end Markdown's raw HTML block and expose the rest to Markdown.
    for src in ("index.md", "customs.md", "about.md"):
        block = render_punch_list(hostile_data, context(src))
        assert "\n\n" not in block and "\n" not in block


def test_esc_folds_whitespace_and_escapes_quotes() -> None:
    assert esc('a\n"b"\t<c>') == "a &quot;b&quot; &lt;c&gt;"


def test_anchor_alias_goes_right_before_the_renamed_heading(data) -> None:
    markdown = "# Customs\n\nIntro.\n\n## A renamed section { #new-name }\n\nText.\n"
    out = render_page_markdown(markdown, data, context("customs.md"), anchor_aliases={"old-name": "new-name"})
    alias = '<div class="anchor-alias" id="old-name"></div>'
    assert alias in out
    assert out.index(alias) < out.index("## A renamed section") < out.index("Text.")


def test_anchor_alias_to_a_missing_heading_is_an_error(data) -> None:
    with pytest.raises(MarkerError, match="no heading has the id 'gone'"):
        render_page_markdown("# T\n\n## S { #here }\n", data, context("customs.md"), anchor_aliases={"old": "gone"})


def test_glossary_terms_in_data_text_get_tooltips(data) -> None:
    tags = parse(render_punch_list(data, context("index.md"))).tags
    abbrs = [attrs["title"] for tag, attrs in tags if tag == "abbr"]
    assert "Withhold Release Order" in abbrs  # "WRO" in a proposal title
    assert "International Labour Organization" in abbrs


def test_terms_are_only_marked_as_whole_words(data) -> None:
    from site_render import prose

    assert "<abbr" not in prose("WROTE, ILOS, pre-WRO, XWRO and x_ILO", data)
    assert prose("a WRO.", data) == 'a <abbr title="Withhold Release Order">WRO</abbr>.'


def test_markers_are_filled_in_the_finished_page_and_report_their_anchors(data) -> None:
    after_markdown = '<h1>WROs</h1>\n<!-- data:wros -->\n<p>After.</p>\n<!-- status:ilo-inquiry -->'
    blocks = render_page_blocks(after_markdown, data, context("wros.md"))
    assert blocks.anchor_ids == {"wro-xinjiang-region", "finding-baoanzhao-stevia"}
    finished = f"<html><nav>menu</nav>{after_markdown}<footer></footer></html>"  # what the theme made of it
    filled = blocks.fill(finished)
    assert "<!--" not in filled
    assert filled.index('<tr id="wro-xinjiang-region">') < filled.index("<p>After.</p>") < filled.index("proposal-status")
    assert filled.startswith("<html><nav>menu</nav><h1>") and filled.endswith("<footer></footer></html>")


def test_markdown_keeps_markers_for_later_and_gets_the_glossary(data) -> None:
    out = render_page_markdown("# WROs\n\n<!-- data:wros -->\n", data, context("wros.md"))
    assert "<!-- data:wros -->" in out
    assert "*[WRO]: Withhold Release Order" in out


def test_each_generated_item_is_one_search_record(data) -> None:
    page = "<!-- data:wros -->\n<!-- status:ilo-inquiry -->"
    records = {r.anchor: r for r in render_page_blocks(page, data, context("wros.md")).search_records}
    assert set(records) == {"wro-xinjiang-region", "finding-baoanzhao-stevia", "ilo-inquiry"}
    region = records["wro-xinjiang-region"]
    assert region.title == "WRO: All entities in Xinjiang"
    # words of adjacent cells stay apart; no tags, no permalink sign
    assert "WRO All entities in Xinjiang cotton and tomato products Xinjiang" in region.text
    assert "<" not in region.text and "#" not in region.text
    assert records["ilo-inquiry"].joins_heading and not region.joins_heading


def test_search_records_join_their_heading_or_stand_alone() -> None:
    entries = [
        {"location": "customs/", "title": "Customs", "text": "Intro."},
        {"location": "customs/#region-wide-wro", "title": "Region-wide WRO", "text": "Prose."},
        {"location": "sanctions/#region-wide-wro", "title": "Elsewhere", "text": "Other page."},
    ]
    add_to_search_index(entries, "customs/", [
        SearchRecord("region-wide-wro", "Region-wide WRO", "Status Done.", joins_heading=True),
        SearchRecord("wro-hoshine", "WRO: Hoshine", "silica"),
        SearchRecord("no-heading", "A status", "Pending.", joins_heading=True),
    ])
    by_location = {e["location"]: e for e in entries}
    assert by_location["customs/#region-wide-wro"]["text"] == "Status Done. Prose."
    assert by_location["sanctions/#region-wide-wro"]["text"] == "Other page."
    assert by_location["customs/#wro-hoshine"] == {"location": "customs/#wro-hoshine", "title": "WRO: Hoshine", "text": "silica"}
    assert by_location["customs/#no-heading"]["text"] == "Pending."
    assert len(entries) == 5


def test_outbound_links_in_generated_blocks_send_no_referrer(data) -> None:
    # Generated blocks go in after the privacy plugin, which sets this on the pages' own links.
    links = [attrs for tag, attrs in parse(render_wros(data, context("wros.md")).html).tags
             if tag == "a" and (attrs.get("href") or "").startswith("https://")]
    assert links and all(a.get("referrerpolicy") == "no-referrer" and "noreferrer" in (a.get("rel") or "") for a in links)

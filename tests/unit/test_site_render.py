"""Rendering data as HTML: the blocks, their links from each page, the punch-list under the
H1, search records and anchors from the view records. Hostile text: test_hostile_text.py."""

from __future__ import annotations

import datetime
import shutil
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

import site_render
from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import load_site_data
from site_render import (
    DATA_BLOCKS,
    MarkerError,
    SearchRecord,
    SiteRenderer,
    add_to_search_index,
    insert_after_h1,
    render_page_markdown,
)
from site_templates import ENVIRONMENT, TEMPLATES_DIR, Glossary, Here, link, mark_terms
from site_views import SiteMap, SiteViews, Target

# As MkDocs gives them: the home page's URL is "./".
PAGES = {
    "index.md": "./",
    "customs.md": "customs/",
    "multilateral.md": "multilateral/",
    "bills.md": "bills/",
    # the fixture's bills are of the 116th and 117th Congresses; tests add bills of later ones
    **{f"bills/{congress}.md": f"bills/{congress}/" for congress in range(116, 121)},
    "wros.md": "wros/",
    "about.md": "about/",
    "changes/index.md": "changes/",
    "changes/2020.md": "changes/2020/",  # the fixture's status changes are dated 2020, 2022 and 2025
    "changes/2022.md": "changes/2022/",
    "changes/2025.md": "changes/2025/",
    "glossary.md": "glossary/",
    "entity-list/index.md": "entity-list/",
    "entity-list/2022.md": "entity-list/2022/",  # the fixture's batches took effect in 2022 and 2024
    "entity-list/2024.md": "entity-list/2024/",
    "act.md": "act/",
    "members/index.md": "members/",
    # one page per state with members in the fixture (made at build time from data/members.yml)
    **{f"members/{code}.md": f"members/{code}/" for code in ("ak", "dc", "fl", "pr", "wa")},
}
SITE = "https://example.org/punch/"


@pytest.fixture
def data():
    return load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)


def renderer(data) -> SiteRenderer:
    return SiteRenderer(data, SiteMap(PAGES, SITE))


def punch_list(data, src_uri: str) -> str:
    return renderer(data).punch_list(src_uri, PAGES[src_uri])


def block(data, marker: str, src_uri: str) -> str:
    return renderer(data).page_blocks(marker, src_uri, PAGES[src_uri]).fill(marker)


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


def hrefs(fragment: str) -> list[str]:
    return [attrs["href"] or "" for tag, attrs in parse(fragment).tags if tag == "a" and "href" in attrs]


# ---- Links from the page's base URL -------------------------------------------------


@pytest.mark.parametrize(
    ("target", "page_url", "expected"),
    [
        (Target("customs/", "civil-penalties"), "./", "customs/#civil-penalties"),
        (Target("customs/", "civil-penalties"), "bills/", "../customs/#civil-penalties"),
        (Target("customs/", "civil-penalties"), "customs/", "#civil-penalties"),  # its own page: the anchor alone
        (Target(""), "customs/", "../"),
        (Target(""), "./", "./"),
        (Target("downloads/wros.csv"), "wros/", "../downloads/wros.csv"),
        (Target("bills/", "hr1-117"), "a/b/", "../../bills/#hr1-117"),
    ],
)
def test_link_from_a_page(target: Target, page_url: str, expected: str) -> None:
    assert link(target, Here.page(page_url)) == expected


def test_shared_output_never_links_to_the_anchor_alone() -> None:
    # a punch-list shared by every page one level down cannot know which page it is on
    assert link(Target("bills/", "hr1-117"), Here.shared("bills/")) == "../bills/#hr1-117"


# ---- The punch-list -----------------------------------------------------------------


def test_block_goes_right_after_the_article_h1() -> None:
    page = '<h1>Site</h1><article class="md-content__inner md-typeset"><h1 id="t">Title</h1><p>Intro</p></article>'
    out = insert_after_h1(page, "<div>TABLE</div>")
    assert out.index('<h1 id="t">Title</h1>') < out.index("TABLE") < out.index("Intro")
    assert out.replace("\n<div>TABLE</div>\n", "") == page


def test_block_goes_to_the_top_of_an_article_without_h1() -> None:
    page = '<article class="md-content__inner md-typeset"><p>Intro</p></article>'
    out = insert_after_h1(page, "<div>TABLE</div>")
    assert out.index("TABLE") < out.index("Intro")


def test_punch_list_is_rendered_once_per_form_and_base_url(data, monkeypatch) -> None:
    rendered: list[tuple[str, str]] = []
    real_render = site_render.render

    def counting_render(template, view, here, glossary):
        rendered.append((getattr(view, "form", ""), here.base))
        return real_render(template, view, here, glossary)

    monkeypatch.setattr(site_render, "render", counting_render)
    lists = renderer(data)
    about, wros, home = (lists.punch_list(src, PAGES[src]) for src in ("about.md", "wros.md", "index.md"))
    assert lists.punch_list("about.md", "about/") is about
    assert wros is about  # one compact form for every page one level down
    assert "../customs/#region-wide-wro" in hrefs(about)
    assert "customs/#region-wide-wro" in hrefs(home)
    lever = lists.punch_list("customs.md", "customs/")
    assert "#region-wide-wro" in hrefs(lever) and "../" in hrefs(lever)
    assert rendered == [("compact", "../"), ("full", ""), ("lever", "../")]


def test_home_groups_all_proposals_by_lever(data) -> None:
    tags = parse(punch_list(data, "index.md")).tags
    groups = [attrs for tag, attrs in tags if tag == "tr" and attrs.get("class") == "punch-list__group"]
    rows = [attrs["data-proposal"] for tag, attrs in tags if tag == "tr" and "data-proposal" in attrs]
    assert len(groups) == 2
    assert rows == ["region-wide-wro", "ilo-inquiry"]
    assert ("details", {}) not in tags  # the home page shows the table open


def test_lever_page_shows_its_own_proposals_and_links_to_the_full_list(data) -> None:
    html = punch_list(data, "multilateral.md")
    tags = parse(html).tags
    rows = [attrs["data-proposal"] for tag, attrs in tags if tag == "tr" and "data-proposal" in attrs]
    assert rows == ["ilo-inquiry"]
    assert ("a", {"href": "../"}) in tags
    assert "All 2 proposals on the punch-list" in "".join(parse(html).text)


def test_other_pages_show_the_full_list_folded(data) -> None:
    tags = parse(punch_list(data, "about.md")).tags
    assert tags[0] == ("div", {"class": "punch-list punch-list--compact", "data-search-exclude": None})
    assert ("details", {}) in tags
    # One line per proposal: its badge, then its title as a link; no table.
    assert "table" not in {tag for tag, _ in tags}
    start = tags.index(("ul", {"class": "punch-list__lines"}))
    assert tags[start + 1 : start + 4] == [
        ("li", {"data-proposal": "region-wide-wro"}),
        ("span", {"class": "status status--done"}),
        ("a", {"href": "../customs/#region-wide-wro"}),
    ]


def test_proposal_links_point_to_its_section_and_bills(data) -> None:
    links = hrefs(punch_list(data, "index.md"))
    assert "customs/#region-wide-wro" in links
    assert "bills/117/#hr6256-117" in links  # a vehicle of its next step
    assert "multilateral/#ilo-inquiry" in links


def test_caption_says_how_many_and_when_checked(data) -> None:
    parsed = parse(punch_list(data, "index.md"))
    assert "The punch-list: 2 proposals, status checked Nov 27, 2026" in "".join(parsed.text)
    assert ("time", {"datetime": "2026-11-27"}) in parsed.tags


def test_copy_text_has_title_status_dates_next_step_and_deep_link(data) -> None:
    rows = [
        attrs for tag, attrs in parse(punch_list(data, "index.md")).tags if tag == "tr" and "data-copy-text" in attrs
    ]
    copy_text = rows[0]["data-copy-text"]
    assert copy_text is not None
    assert copy_text.splitlines() == [
        "Issue a region-wide WRO on Xinjiang cotton and tomatoes",
        "Status: Done. Regional order since 2021; the import ban's presumption since 2022. "
        "(latest development Jun 21, 2022; checked Nov 27, 2026)",
        "Next step: Keep enforcing the regional order under the UFLPA",
        "Who acts next: DHS/CBP",
        "https://example.org/punch/customs/#region-wide-wro",
    ]


# ---- Markers and the page's Markdown ----------------------------------------------------


def test_unknown_marker_is_an_error(data) -> None:
    with pytest.raises(MarkerError, match="unknown marker '<!-- data:nothing -->'"):
        render_page_markdown("# T\n\n<!-- data:nothing -->\n", data, "about.md")
    with pytest.raises(MarkerError, match="names no proposal"):
        render_page_markdown("# T\n\n<!-- status:no-such-proposal -->\n", data, "customs.md")
    with pytest.raises(MarkerError, match=r"docs/about\.md: unknown marker"):
        renderer(data).page_blocks("<!-- data:nothing -->", "about.md", "about/")


def test_glossary_becomes_abbreviations(data) -> None:
    out = render_page_markdown("# T\n", data, "about.md")
    assert out.rstrip().endswith("*[WRO]: Withhold Release Order\n*[ILO]: International Labour Organization")


def test_anchor_alias_goes_right_before_the_renamed_heading(data) -> None:
    markdown = "# Customs\n\nIntro.\n\n## A renamed section { #new-name }\n\nText.\n"
    out = render_page_markdown(markdown, data, "customs.md", anchor_aliases={"old-name": "new-name"})
    alias = '<div class="anchor-alias" id="old-name"></div>'
    assert alias in out
    assert out.index(alias) < out.index("## A renamed section") < out.index("Text.")


def test_anchor_alias_to_a_missing_heading_is_an_error(data) -> None:
    with pytest.raises(MarkerError, match="no heading has the id 'gone'"):
        render_page_markdown("# T\n\n## S { #here }\n", data, "customs.md", anchor_aliases={"old": "gone"})


def test_markers_are_filled_in_the_finished_page_and_report_their_anchors(data) -> None:
    after_markdown = "<h1>WROs</h1>\n<!-- data:wros -->\n<p>After.</p>\n<!-- status:ilo-inquiry -->"
    blocks = renderer(data).page_blocks(after_markdown, "wros.md", "wros/")
    assert blocks.anchor_ids == {"wro-xinjiang-region", "finding-baoanzhao-stevia"}
    finished = f"<html><nav>menu</nav>{after_markdown}<footer></footer></html>"  # what the theme made of it
    filled = blocks.fill(finished)
    assert "<!--" not in filled
    assert (
        filled.index('<tr id="wro-xinjiang-region">') < filled.index("<p>After.</p>") < filled.index("proposal-status")
    )
    assert filled.startswith("<html><nav>menu</nav><h1>") and filled.endswith("<footer></footer></html>")


def test_markdown_keeps_markers_for_later_and_gets_the_glossary(data) -> None:
    out = render_page_markdown("# WROs\n\n<!-- data:wros -->\n", data, "wros.md")
    assert "<!-- data:wros -->" in out
    assert "*[WRO]: Withhold Release Order" in out


@pytest.mark.parametrize("name", sorted(DATA_BLOCKS))
def test_anchor_ids_are_the_ids_the_block_carries(data, name: str) -> None:
    # The ids come from the view records; the HTML must carry exactly those.
    blocks = renderer(data).page_blocks(f"<!-- data:{name} -->", "about.md", "about/")
    ids = {attrs["id"] for tag, attrs in parse(blocks.fill(f"<!-- data:{name} -->")).tags if "id" in attrs}
    assert blocks.anchor_ids == ids
    no_items = {"downloads", "bill-overview", "members"} | {
        f"{k}-{c}" for k in ("call-script", "letter") for c in ("senate", "house")
    }
    assert ids or name in no_items  # no items of their own


def test_every_data_block_has_its_template() -> None:
    for name, kind in DATA_BLOCKS.items():
        assert (TEMPLATES_DIR / kind.template).is_file(), name


# ---- The blocks ---------------------------------------------------------------------------


def test_wro_table_has_a_row_of_five_cells_per_record_newest_first(data) -> None:
    cells: list[int] = []
    ids = []
    for tag, attrs in parse(block(data, "<!-- data:wros -->", "wros.md")).tags:
        if tag == "tr":
            cells.append(0)
            ids += [attrs["id"]] if "id" in attrs else []
        elif tag == "td":
            cells[-1] += 1
    assert cells == [0, 5, 5]  # the header row (th), then each record
    dates = {wro["id"]: wro["date"] for wro in data.wros}
    assert [dates[i] for i in ids] == sorted(dates.values(), reverse=True)


def test_a_wro_state_the_page_explains_links_there_once_for_every_order(data) -> None:
    html = block(data, "<!-- data:wros -->", "wros.md")
    # the fixture's region-wide order is enforced under the UFLPA; the Finding is in force (no shared note)
    assert hrefs(html).count("#under-uflpa") == 1
    assert '<a href="#under-uflpa">Enforced under the UFLPA</a>' in html
    assert "In force</strong>" in html
    # both were searched on the list's checked date, given once in the caption
    assert "".join(parse(html).text).count("Nov 27, 2026") == 1


def test_a_wro_without_a_note_folds_only_its_sources() -> None:
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    noted = [w for w in data.wros if w["status"].get("note")]
    assert noted, "the fixture has a WRO with a note"
    html = block(data, "<!-- data:wros -->", "wros.md")
    assert html.count("<summary>Note and sources</summary>") == len(noted)
    # the same orders without their notes (a note is optional): only the sources are folded
    bare = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    for wro in bare.wros:
        wro["status"].pop("note", None)
    html = block(bare, "<!-- data:wros -->", "wros.md")
    assert "Note and sources" not in html and html.count("<summary>Sources</summary>") == len(bare.wros)


def test_bills_link_to_the_proposals_that_name_them(data) -> None:
    html = block(data, "<!-- data:bills-117 --><!-- data:bills-116 -->", "bills/117.md")
    assert "../../customs/#region-wide-wro" in hrefs(html)
    text = "".join(parse(html).text)
    assert "Furthest stepEnacted, Dec 23, 2021." in text  # a <dt>, then its <dd>
    assert "P.L. 117-78, 135 Stat. 1525, signed Dec 23, 2021" in text
    assert "Passed the House, Sep 22, 2020, 406-3." in text


def test_status_box_lists_status_actor_vehicle_why_and_sources(data) -> None:
    parsed = parse(block(data, "<!-- status:region-wide-wro -->", "customs.md"))
    terms = [text for text in parsed.text if text in ("Status", "Who acts", "Vehicle", "Why", "Sources")]
    assert terms == ["Status", "Who acts", "Vehicle", "Why", "Sources"]
    assert ("span", {"class": "status status--done"}) in parsed.tags
    assert "../bills/117/#hr6256-117" in [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]


def test_changes_are_listed_newest_first_with_their_anchor(data) -> None:
    tags = parse(block(data, "<!-- data:changes -->", "changes/index.md")).tags
    ids = [attrs["id"] for tag, attrs in tags if tag == "li" and "id" in attrs]
    assert ids == [change.anchor for change in data.status_changes()]
    assert ids[0] == "change-ilo-inquiry-2025-06-01"


def test_downloads_link_to_each_file_from_the_page(data) -> None:
    assert hrefs(block(data, "<!-- data:downloads -->", "index.md")) == [
        f"downloads/{kind}.{ext}"
        for kind in ("proposals", "wros", "bills", "entity_list", "uflpa_stats")
        for ext in ("csv", "json")
    ]
    assert hrefs(block(data, "<!-- data:downloads -->", "wros.md"))[0] == "../downloads/proposals.csv"


def test_glossary_lists_terms_alphabetically_with_anchors(data) -> None:
    tags = parse(block(data, "<!-- data:glossary -->", "glossary.md")).tags
    assert [attrs["id"] for tag, attrs in tags if tag == "dt"] == ["term-ilo", "term-wro"]


def test_glossary_terms_in_data_text_get_tooltips(data) -> None:
    tags = parse(punch_list(data, "index.md")).tags
    abbrs = [attrs["title"] for tag, attrs in tags if tag == "abbr"]
    assert "Withhold Release Order" in abbrs  # "WRO" in a proposal title
    assert "International Labour Organization" in abbrs


def test_terms_are_only_marked_as_whole_words(data) -> None:
    glossary = Glossary.of(data)
    assert "<abbr" not in mark_terms("WROTE, ILOS, pre-WRO, XWRO and x_ILO", glossary)
    assert mark_terms("a WRO.", glossary) == 'a <abbr title="Withhold Release Order">WRO</abbr>.'


@pytest.mark.parametrize("trusted_first", [True, False])
def test_the_terms_filter_marks_each_text_as_given(data, trusted_first: bool) -> None:
    # The filter keeps what it marked per text for the build; text with the same characters
    # as some trusted Markup must still be escaped, and the Markup kept as it is, in any order.
    template = ENVIRONMENT.from_string("{{ a | terms }}|{{ b | terms }}|{{ a | terms }}")
    text, trusted = "a WRO <b>", Markup("a WRO <b>")
    a, b = (trusted, text) if trusted_first else (text, trusted)
    glossary = Glossary.of(data)
    first, second, again = template.render(a=a, b=b, glossary=glossary).split("|")
    wro = '<abbr title="Withhold Release Order">WRO</abbr>'
    escaped, kept = f"a {wro} &lt;b&gt;", f"a {wro} <b>"
    assert (first, second, again) == ((kept, escaped, kept) if trusted_first else (escaped, kept, escaped))


def test_outbound_links_in_generated_blocks_send_no_referrer(data) -> None:
    # Generated blocks go in after the privacy plugin, which sets this on the pages' own links.
    page = "<!-- data:wros --><!-- data:bills-116 --><!-- data:bills-117 --><!-- data:changes-2022 --><!-- status:ilo-inquiry -->"
    links = [
        attrs
        for tag, attrs in parse(block(data, page, "wros.md")).tags
        if tag == "a" and (attrs.get("href") or "").startswith("https://")
    ]
    assert len(links) > 5
    assert all(a.get("referrerpolicy") == "no-referrer" and "noreferrer" in (a.get("rel") or "") for a in links)


# ---- Search records ------------------------------------------------------------------------


def test_each_generated_item_is_one_search_record(data) -> None:
    page = "<!-- data:wros -->\n<!-- status:ilo-inquiry -->"
    records = {r.anchor: r for r in renderer(data).page_blocks(page, "wros.md", "wros/").search_records}
    assert set(records) == {"wro-xinjiang-region", "finding-baoanzhao-stevia", "ilo-inquiry"}
    region = records["wro-xinjiang-region"]
    assert region.title == "WRO: All entities in Xinjiang"
    # the words of each cell, apart; no tags, no permalink sign
    assert "WRO All entities in Xinjiang cotton and tomato products Xinjiang" in region.text
    assert "<" not in region.text and "#" not in region.text
    assert records["ilo-inquiry"].joins_heading and not region.joins_heading


def test_search_records_join_their_heading_or_stand_alone() -> None:
    entries = [
        {"location": "customs/", "title": "Customs", "text": "Intro."},
        {"location": "customs/#region-wide-wro", "title": "Region-wide WRO", "text": "Prose."},
        {"location": "sanctions/#region-wide-wro", "title": "Elsewhere", "text": "Other page."},
    ]
    add_to_search_index(
        entries,
        "customs/",
        [
            SearchRecord("region-wide-wro", "Region-wide WRO", "Status Done.", joins_heading=True),
            SearchRecord("wro-hoshine", "WRO: Hoshine", "silica"),
            SearchRecord("no-heading", "A status", "Pending.", joins_heading=True),
        ],
    )
    by_location = {e["location"]: e for e in entries}
    assert by_location["customs/#region-wide-wro"]["text"] == "Status Done. Prose."
    assert by_location["sanctions/#region-wide-wro"]["text"] == "Other page."
    assert by_location["customs/#wro-hoshine"] == {
        "location": "customs/#wro-hoshine",
        "title": "WRO: Hoshine",
        "text": "silica",
    }
    assert by_location["customs/#no-heading"]["text"] == "Pending."
    assert len(entries) == 5


def test_views_are_made_once_per_build(data) -> None:
    views = SiteViews(data, SiteMap(PAGES, SITE), datetime.date(2026, 11, 28))
    assert views.proposal("region-wide-wro") is views.punch_list("full").groups[0].proposals[0]


def test_a_source_with_an_archived_copy_links_it_beside_the_original(data, tmp_path) -> None:
    data_dir = shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    original = "https://example.org/region"  # the first WRO's source in the fixture
    archived = "https://web.archive.org/web/2024/https://example.org/region"
    wros = (data_dir / "wros.yml").read_text(encoding="utf-8")
    (data_dir / "wros.yml").write_text(wros.replace(f'url: "{original}"', f'url: "{original}", archived: "{archived}"'))
    html = block(load_site_data(data_dir, schema_dir=SCHEMA_DIR), "<!-- data:wros -->", "wros.md")
    links = {attrs.get("href"): attrs for tag, attrs in parse(html).tags if tag == "a"}
    assert original in links
    assert links[archived]["referrerpolicy"] == "no-referrer"
    assert "archived copy" in "".join(parse(html).text)
    assert "archived copy" not in block(data, "<!-- data:wros -->", "wros.md")  # only where one is cited


# ---- What changed: one line per change, the notes and sources on each year's page -----------


def test_what_changed_lists_every_change_and_each_year_page_its_own(data) -> None:
    renderer = SiteRenderer(data, SiteMap(PAGES, SITE))
    overview = renderer.page_blocks("<!-- data:changes -->", "changes/index.md", "changes/")
    anchors = [change.anchor for change in data.status_changes()]
    assert overview.anchor_ids == set(anchors)  # a line each: the published anchors stay here
    assert not overview.search_records  # found once, on the year's page with the note
    links = hrefs(overview.fill("<!-- data:changes -->"))
    for change in data.status_changes():
        assert f"../changes/{change.date[:4]}/#{change.anchor}" in links
    seen: set[str] = set()
    for year in (2020, 2022, 2025):
        page = renderer.page_blocks(f"<!-- data:changes-{year} -->", f"changes/{year}.md", f"changes/{year}/")
        expected = {c.anchor for c in data.status_changes() if c.date.startswith(f"{year}-")}
        assert page.anchor_ids == expected == {r.anchor for r in page.search_records}
        seen |= expected
    assert seen == set(anchors)


def test_a_year_with_changes_needs_its_page(data) -> None:
    pages = {uri: url for uri, url in PAGES.items() if uri != "changes/2022.md"}
    with pytest.raises(MarkerError) as caught:
        SiteRenderer(data, SiteMap(pages, SITE)).page_blocks("<!-- data:changes -->", "changes/index.md", "changes/")
    assert str(caught.value) == (
        "data/proposals.yml has status changes in 2022, but no page for that year: "
        "add docs/changes/2022.md with the marker '<!-- data:changes-2022 -->'"
    )
    with pytest.raises(MarkerError) as caught:
        render_page_markdown("<!-- data:changes-2021 -->", data, "changes/2021.md")
    assert "names a year with no status change in data/proposals.yml" in str(caught.value)

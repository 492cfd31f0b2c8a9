"""The records blocks: the Entity List, the UFLPA figures, the charts and the bills overview
(their numbers from the data, their accessible names, the stages of bills on a given build date),
and the names search answers to."""

from __future__ import annotations

import datetime
import re

import pytest

from conftest import FIXTURE_DATA, SCHEMA_DIR, edit_data
from site_data import load_site_data
from site_render import MarkerError, SiteRenderer, render_page_markdown
from site_views import SiteMap
from test_site_render import PAGES, SITE, hrefs, parse


@pytest.fixture
def data():
    return load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)


def blocks(data, marker: str, src_uri: str = "entity-list/index.md", today: datetime.date | None = None):
    renderer = SiteRenderer(data, SiteMap(PAGES, SITE), today=today)
    return renderer.page_blocks(marker, src_uri, PAGES[src_uri])


def html_of(data, marker: str, src_uri: str = "entity-list/index.md", today: datetime.date | None = None) -> str:
    return blocks(data, marker, src_uri, today).fill(marker)


def charts(fragment: str) -> list[dict]:
    """Each <svg> with its name (the text of the element its aria-labelledby names) and the
    rows of the table that follows it."""
    tags = parse(fragment).tags
    found = []
    for svg in re.findall(r"<svg.*?</svg>", fragment):
        attrs = parse(svg).tags[0][1]
        name_id = attrs["aria-labelledby"]
        named = re.search(rf'id="{name_id}">([^<]*)<', fragment)
        assert named, f"aria-labelledby names no element: {name_id}"
        name = named.group(1).strip()
        table = fragment[fragment.index(svg) + len(svg) :].split("</table>")[0]
        rows = [
            [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tbody>.*", table)[0].split("<tr>")[1:]
        ]
        found.append({"attrs": attrs, "name": name, "rows": rows, "bars": svg.count("<rect")})
    assert tags  # the fragment parses
    return found


def test_every_chart_is_an_image_named_by_its_visible_title(data) -> None:
    for marker in ("<!-- data:wro-charts -->", "<!-- data:entity-list-charts -->"):
        for chart in charts(html_of(data, marker)):
            assert chart["attrs"]["role"] == "img"
            assert chart["name"]  # the figcaption's words, which readers see too


def test_wro_chart_table_counts_the_orders_and_findings_per_year(data) -> None:
    [chart] = charts(html_of(data, "<!-- data:wro-charts -->", "wros.md"))
    expected: dict[str, list[int]] = {}
    for wro in data.wros:
        expected.setdefault(wro["date"][:4], [0, 0])[0 if wro["type"] == "WRO" else 1] += 1
    table = {row[0]: [int(row[1]), int(row[2])] for row in chart["rows"]}
    assert {year: counts for year, counts in table.items() if counts != [0, 0]} == expected
    assert chart["bars"] == sum(1 for counts in expected.values() for n in counts if n)  # no bar for a zero


def test_entity_list_chart_shows_the_running_total_after_each_batch(data) -> None:
    entity_chart, uflpa_chart = charts(html_of(data, "<!-- data:entity-list-charts -->"))
    counts = [batch["count"] for batch in data.entity_batches]
    assert [int(row[1]) for row in entity_chart["rows"]] == counts
    assert [int(row[2]) for row in entity_chart["rows"]] == [sum(counts[: i + 1]) for i in range(len(counts))]
    detained = [f for f in data.uflpa_figures if f["measure"] == "detained" and f["period"]["kind"] == "fiscal-year"]
    assert [row[1] for row in uflpa_chart["rows"]] == [f"{f['shipments']:,}" for f in detained]


def text_of(fragment: str) -> str:
    return " ".join(" ".join(parse(fragment).text).split())


def year_blocks(data, year: int):
    return blocks(data, f"<!-- data:entity-list-{year} -->", f"entity-list/{year}.md")


def test_entity_list_says_what_it_covers(data) -> None:
    text = text_of(html_of(data, "<!-- data:entity-list -->"))
    total = sum(batch["count"] for batch in data.entity_batches)
    recorded = len(data.entities())
    assert (
        f"{len(data.entity_batches)} notices to Jun 12, 2024 , {total} entities in all; {recorded} of them named"
        in text
    )
    assert "reported" not in text  # no batch of the fixture is known from reports only
    assert "none confirmed as of Nov 27, 2026" in text
    assert "The entities, year by year: 2022 · 2024" in text
    for batch in data.entity_batches:  # what is missing is said where the batch's entities are
        if "entities_missing" in batch:
            year = int(batch["effective"][:4])
            assert batch["entities_missing"] in text_of(
                year_blocks(data, year).fill(f"<!-- data:entity-list-{year} -->")
            )


def test_a_partly_recorded_batch_says_how_many_are_not_named_and_where_they_are(data_dir) -> None:
    def record_two_of_three(document) -> None:
        june = document["batches"][1]
        june.update({"count": 3, "entities_missing": "the third name is not in the sources cited here"})

    edit_data(data_dir, "entity_list", record_two_of_three)
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR)
    assert "2 of 3" in text_of(html_of(data, "<!-- data:entity-list -->"))  # the overview's "Named here"
    fragment = html_of(data, "<!-- data:entity-list-2024 -->", "entity-list/2024.md")
    text = text_of(fragment)
    assert (
        "1 of the 3 is not named here: the third name is not in the sources cited here; "
        "the notice and DHS's own list give every name." in text
    )
    assert "https://www.dhs.gov/uflpa-entity-list" in hrefs(fragment)  # where the official record is
    assert "Example Shoes Co., Ltd." in text and "Example Seafood Group" in text


def with_reported_batch(document) -> None:
    """The fixture with a later batch known from reports only: 5 added, one of them named."""
    document["batches"].append(
        {
            "id": "batch-2024-12",
            "status": "reported",
            "effective": "2024-12-02",
            "notice": {
                "document_number": "2024-99999",
                "published": "2024-12-02",
                "url": "https://www.federalregister.gov/d/2024-99999",
            },
            "count": 5,
            "sections": ["v"],
            "total_reported": 27,
            "entities_missing": "the reports cited here name only one",
            "sources": [{"title": "A report", "url": "https://example.org/report"}],
            "entities": [
                {
                    "id": "example-foil",
                    "name": "Example Foil Co., Ltd.",
                    "sections": ["v"],
                    "sector": "aluminum foil",
                    "location": "China",
                    "sources": [{"title": "A report", "url": "https://example.org/report"}],
                }
            ],
        }
    )


def test_a_reported_batch_is_marked_and_kept_out_of_the_confirmed_total(data_dir) -> None:
    edit_data(data_dir, "entity_list", with_reported_batch)
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR)
    overview = text_of(html_of(data, "<!-- data:entity-list -->"))
    # 20 + 2 confirmed; 27 only if the reported batch is confirmed
    assert "2 notices to Jun 12, 2024 , 22 entities in all; 2 of them named here one by one" in overview
    assert (
        "A later notice, effective Dec 2, 2024 , is reported to add 5 more (27 in all), 1 of them named here"
        in overview
    )
    assert "After Jun 12, 2024: none confirmed" in overview  # the newest confirmed batch
    assert "Dec 2, 2024 (reported)" in overview and "27 if confirmed (22 confirmed)" in overview
    fragment = html_of(data, "<!-- data:entity-list-2024 -->", "entity-list/2024.md")
    year = parse(fragment)
    section = next(attrs for tag, attrs in year.tags if tag == "section" and attrs.get("id") == "batch-2024-12")
    assert "entity-batch--reported" in (section["class"] or "")
    text = text_of(fragment)
    assert "Dec 2, 2024 : 5 added (reported), 27 in all if confirmed" in text
    assert "Reported, not confirmed. This addition is known from the reports listed below" in text
    assert "the confirmed total stays 22 until it is confirmed" in text
    assert "1 of the 5 entities of this notice, as reported" in text  # the table's caption
    assert "4 of the 5 are not named here: the reports cited here name only one;" in text
    # the confirmed batch of that year is not marked
    assert "Jun 12, 2024 : 2 added, 22 in all" in text
    records = {r.anchor: r for r in year_blocks(data, 2024).search_records}
    assert "(reported, not confirmed)" in records["batch-2024-12"].title
    assert "Listed Dec 2, 2024 (reported)" in records["example-foil"].text
    assert "(reported" not in records["example-shoes"].text
    [chart, _] = charts(html_of(data, "<!-- data:entity-list-charts -->"))
    assert chart["rows"][-1] == ["Dec 2, 2024 (reported)", "5", "27"]
    assert "A later notice, known from reports only, would bring it to 27 on Dec 2, 2024." in html_of(
        data, "<!-- data:entity-list-charts -->"
    )


def test_an_inferred_section_or_notice_is_marked_and_explained_once(data_dir) -> None:
    def infer(document) -> None:
        shoes, seafood = document["batches"][1]["entities"]
        shoes["inferred"] = {"section": "from its place in the full list"}
        seafood["inferred"] = {"section": "from its place in the full list", "batch": "no other notice fits"}

    edit_data(data_dir, "entity_list", infer)
    data = load_site_data(data_dir, schema_dir=SCHEMA_DIR)
    fragment = html_of(data, "<!-- data:entity-list-2024 -->", "entity-list/2024.md")
    cells = re.findall(r'<td class="entity__sections"[^>]*>([^<]*)</td>', fragment)
    assert cells == ["(ii) inferred", "(ii) inferred · notice inferred"]
    assert fragment.count("entity-list__inferred") == 1  # said once, above the batches
    assert "“Inferred” after a list section means that no source cited for that entity states its section" in (
        text_of(fragment)
    )
    # a page without an inferred entity does not explain it
    assert "entity-list__inferred" not in html_of(data, "<!-- data:entity-list-2022 -->", "entity-list/2022.md")
    records = {r.anchor: r for r in year_blocks(data, 2024).search_records}
    assert "section (ii) inferred · notice inferred." in records["example-seafood"].text


def test_each_batch_is_on_its_years_page_and_in_the_overview(data) -> None:
    overview = blocks(data, "<!-- data:entity-list -->")
    assert overview.anchor_ids == {b["id"] for b in data.entity_batches}  # a row each: published anchors stay
    assert not overview.search_records  # the records are on the year pages, once each
    links = hrefs(overview.fill("<!-- data:entity-list -->"))
    for batch in data.entity_batches:
        assert f"../entity-list/{batch['effective'][:4]}/#{batch['id']}" in links
    seen: set[str] = set()
    for year in (2022, 2024):
        page = year_blocks(data, year)
        expected = {b["id"] for b in data.entity_batches if b["effective"].startswith(f"{year}-")}
        expected |= {e["id"] for b, e in data.entities() if b["effective"].startswith(f"{year}-")}
        assert page.anchor_ids == expected
        assert {r.anchor for r in page.search_records} == expected
        seen |= expected
    assert seen == {b["id"] for b in data.entity_batches} | {e["id"] for _, e in data.entities()}
    shoes = next(r for r in year_blocks(data, 2024).search_records if r.anchor == "example-shoes")
    assert "Example Shoe Industry Co." in shoes.text  # the alias the notice gives


def test_a_year_with_batches_needs_its_page(data) -> None:
    pages = {uri: url for uri, url in PAGES.items() if uri != "entity-list/2022.md"}
    renderer = SiteRenderer(data, SiteMap(pages, SITE))
    with pytest.raises(MarkerError) as caught:
        renderer.page_blocks("<!-- data:entity-list -->", "entity-list/index.md", "entity-list/")
    assert str(caught.value) == (
        "data/entity_list.yml has batches that took effect in 2022, but no page for that year: "
        "add docs/entity-list/2022.md with the marker '<!-- data:entity-list-2022 -->'"
    )


def test_a_year_marker_needs_batches_of_that_year(data) -> None:
    with pytest.raises(MarkerError) as caught:
        render_page_markdown("<!-- data:entity-list-2023 -->", data, "entity-list/2023.md")
    assert "names a year with no batch in data/entity_list.yml" in str(caught.value)


def test_moved_anchors_leave_a_stub_linking_the_new_place(data) -> None:
    markdown = render_page_markdown(
        "# List\n", data, "entity-list/index.md", moved_anchors={"example-shoes": "2024.md#example-shoes"}
    )
    assert (
        "[This entry has moved to another page: go to it.](2024.md#example-shoes){ #example-shoes .moved-anchor }"
        in markdown
    )
    with pytest.raises(MarkerError) as caught:
        render_page_markdown("# List\n", data, "entity-list/index.md", moved_anchors={"example-shoes": "elsewhere"})
    assert "moved_anchors maps 'example-shoes' to 'elsewhere'" in str(caught.value)


BUILT_BEFORE_END = datetime.date(2026, 11, 29)
BUILT_AFTER_END = datetime.date(2027, 1, 3)  # the 119th Congress ends at noon that day


@pytest.mark.parametrize("today", [BUILT_BEFORE_END, BUILT_AFTER_END])
def test_bill_overview_gives_each_bill_its_stage_on_the_build_date(data, today) -> None:
    fragment = html_of(data, "<!-- data:bill-overview -->", "bills.md", today)
    rows = {
        re.sub(r"<[^>]+>", "", row.split("</th>")[0]): re.sub(r"<[^>]+>", "", row.split("</td>")[-2])
        for row in fragment.split("<tbody>")[1].split("<tr>")[1:]
    }
    assert set(rows) == {bill["number"] for bill in data.bills}
    for bill in data.bills:
        step, ended = bill["status"]["step"], 1789 + 2 * bill["congress"] <= today.year
        if step == "enacted":
            assert rows[bill["number"]] == "Law"
        elif ended:
            assert rows[bill["number"]] == f"Died with the {bill['congress']}th Congress"
        else:
            assert rows[bill["number"]] in ("Introduced", "Passed one chamber", "Passed both chambers")


def test_a_bill_of_an_ended_congress_says_it_died(data) -> None:
    died = [b for b in data.bills if b["status"]["step"] != "enacted"]
    assert died  # the fixture has one
    text = " ".join(
        parse(
            html_of(
                data, f"<!-- data:bills-{died[0]['congress']} -->", f"bills/{died[0]['congress']}.md", BUILT_AFTER_END
            )
        ).text
    )
    assert f"It died with the {died[0]['congress']}th Congress." in " ".join(text.split())


def test_search_finds_a_bill_by_its_other_names(data) -> None:
    records = blocks(data, "<!-- data:bills-117 -->", "bills/117.md").search_records
    uflpa = next(r for r in records if r.anchor == "hr6256-117")
    assert "UFLPA" in uflpa.title and "P.L. 117-78" in uflpa.title
    assert "Also known as UFLPA" in uflpa.text


def test_a_congress_with_bills_needs_its_page(data) -> None:
    # Bills are linked from every page's punch-list, so the renderer refuses to start without them.
    pages = {uri: url for uri, url in PAGES.items() if uri != "bills/116.md"}
    with pytest.raises(MarkerError) as caught:
        SiteRenderer(data, SiteMap(pages, SITE))
    assert str(caught.value) == (
        "data/bills.yml has bills of Congress 116, but no page for that Congress: "
        "add docs/bills/116.md with the marker '<!-- data:bills-116 -->'"
    )
    with pytest.raises(MarkerError, match=r"names a Congress with no bill in data/bills\.yml"):
        render_page_markdown("<!-- data:bills-99 -->", data, "bills/99.md")


def test_the_bill_overview_links_each_bill_and_congress_to_its_page(data) -> None:
    links = hrefs(html_of(data, "<!-- data:bill-overview -->", "bills.md"))
    for bill in data.bills:
        assert f"../bills/{bill['congress']}/#{bill['id']}" in links
    assert {"../bills/116/", "../bills/117/"} <= set(links)

"""The records pages in Chromium: nothing clipped or scrolling sideways at a laptop's and a
phone's width, in either colour scheme; each chart an image named by its visible title, with
its numbers in a table beside it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

RECORDS_PAGES = (
    "wros/",
    "bills/",
    "bills/117/",
    "entity-list/",
    "entity-list/2022/",
    "entity-list/2023/",
    "entity-list/2024/",
    "entity-list/2025/",
    "entity-list/2026/",
    "changes/",
    "changes/2025/",
)
WIDTHS = {"laptop": (1366, 900), "phone": (390, 844)}

# Every element in the article that is wider than its own box and lets it scroll or clips it.
SIDEWAYS = """() => {
    const root = document.documentElement;
    const wide = Array.from(document.querySelectorAll('article *')).filter(e => {
        const style = getComputedStyle(e);
        if (style.position === 'absolute' && style.clipPath !== 'none') return false;  // visually hidden
        return e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll', 'hidden'].includes(style.overflowX);
    }).map(e => `${e.tagName.toLowerCase()}.${e.className} (${e.scrollWidth} > ${e.clientWidth})`);
    return {page: [root.scrollWidth, root.clientWidth], wide};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_records_pages_neither_clip_nor_scroll_sideways(site, new_context, width, scheme) -> None:
    w, h = WIDTHS[width]
    page = new_context(viewport={"width": w, "height": h}, color_scheme=scheme).new_page()
    for url in RECORDS_PAGES:
        page.goto(site.url(url), wait_until="load")
        found = page.evaluate(SIDEWAYS)
        assert found["page"][0] == found["page"][1], f"{url} at {w} px scrolls sideways"
        assert found["wide"] == [], f"{url} at {w} px: {found['wide']}"


def test_charts_are_images_named_by_their_titles_with_their_numbers(site, new_context) -> None:
    page = new_context().new_page()
    seen = 0
    client = page.context.new_cdp_session(page)
    for url in ("wros/", "entity-list/"):
        page.goto(site.url(url), wait_until="load")
        charts = page.evaluate(
            """() => Array.from(document.querySelectorAll('svg[role="img"]')).map(svg => {
                const title = document.getElementById(svg.getAttribute('aria-labelledby'));
                const figure = svg.closest('figure');
                const table = figure.querySelector('details table');
                return {
                    title: title ? title.textContent.trim() : '',
                    titleShown: !!title && title.getClientRects().length > 0,
                    bars: svg.querySelectorAll('rect').length,
                    rows: table ? table.tBodies[0].rows.length : 0,
                    caption: table ? table.caption.textContent.trim() : '',
                    fills: Array.from(svg.querySelectorAll('rect')).map(r => getComputedStyle(r).fill),
                };
            })"""
        )
        assert charts, url
        for chart in charts:
            assert chart["title"] and chart["titleShown"], chart
            assert chart["caption"] == chart["title"]  # the table says what it holds
            assert chart["rows"] > 0 and chart["bars"] > 0
            assert all(fill not in ("", "none", "rgb(0, 0, 0)") for fill in chart["fills"]), chart["fills"]
        # the accessible name, as Chromium gives it to assistive technology: the title alone
        client.send("Accessibility.enable")
        names = [
            node["name"]["value"]
            for node in client.send("Accessibility.getFullAXTree")["nodes"]
            if node.get("role", {}).get("value") == "image" and node.get("name", {}).get("value")
        ]
        assert [c["title"] for c in charts] == [n for n in names if n in {c["title"] for c in charts}]
        assert all(c["title"] in names for c in charts), names
        seen += len(charts)
    assert seen >= 3  # WROs and Findings, the Entity List, the UFLPA figures


def test_an_old_link_to_a_moved_entity_lands_on_the_entity(site, new_context) -> None:
    # Ninestar's row was on the Entity List page until the year pages; links to it were published.
    page = new_context().new_page()
    page.goto(site.url("entity-list/#ninestar-corporation"), wait_until="load")
    page.wait_for_url("**/entity-list/2023/#ninestar-corporation")
    assert page.evaluate("document.querySelector(':target').textContent").strip().startswith("Ninestar Corporation")
    # without JavaScript the stub itself shows and says where to go
    still = new_context(java_script_enabled=False).new_page()
    still.goto(site.url("entity-list/#ninestar-corporation"), wait_until="load")
    stub = still.locator("#ninestar-corporation")
    assert stub.is_visible() and "has moved" in stub.inner_text()
    assert stub.get_attribute("href") == "2023/#ninestar-corporation"
    assert not still.locator("#camel-group").is_visible()  # the other stubs stay hidden


def test_an_old_link_to_a_bill_or_a_congress_lands_on_its_page(site, new_context) -> None:
    # The bills page held every record, Congress by Congress, until each Congress had its page.
    page = new_context().new_page()
    page.goto(site.url("bills/#hr6256-117"), wait_until="load")
    page.wait_for_url("**/bills/117/#hr6256-117")
    assert page.evaluate("document.querySelector(':target h2').textContent").startswith("H.R. 6256")
    page.goto(site.url("bills/#congress-118"), wait_until="load")
    page.wait_for_url("**/bills/118/#congress-118")
    assert page.locator("section.bill").count() >= 1

"""Links that last: permalinks on hover and focus, deep links that land and highlight,
"copy for email" by mouse and keyboard, and a keyboard path through every page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

SCHEMES = ["light", "dark"]


def _targets(expected) -> dict[str, list[str]]:
    """Every id a reader may be sent to, by page: proposals, WROs, bills (from the data)."""
    targets: dict[str, list[str]] = {}
    for proposal in expected.proposals:
        targets.setdefault(expected.lever_url(proposal["lever"]), []).append(proposal["id"])
    targets["wros/"] = [wro["id"] for wro in expected.wros]
    for bill in expected.bills:  # each on its Congress's page
        targets.setdefault(f"bills/{bill['congress']}/", []).append(bill["id"])
    return targets


def tab_until(page, css_class: str, *, presses: int, what: str) -> None:
    """Press Tab until the focused element has `css_class`; fail after `presses` presses."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("cls => document.activeElement.classList.contains(cls)", css_class):
            return
    pytest.fail(f"Tab never reached {what}")


# ---- Permalinks ------------------------------------------------------------------------


def test_every_heading_has_a_permalink_shown_on_hover_and_on_keyboard_focus(site, new_context):
    from playwright.sync_api import expect

    page = new_context().new_page()
    for url in site.content_pages:
        page.goto(site.url(url), wait_until="load")
        missing = page.evaluate(
            """() => Array.from(document.querySelectorAll('article h2[id], article h3[id], article h4[id]'))
                .filter(h => !h.querySelector('a.headerlink[href="#' + CSS.escape(h.id) + '"]'))
                .map(h => h.id)"""
        )
        assert missing == [], f"{url or 'home'}: headings without a permalink: {missing}"
        links = page.locator("article h2 > a.headerlink")
        if links.count() == 0:
            continue
        mark = links.first
        page.mouse.move(0, 0)
        expect(mark).to_have_css("opacity", "0")
        mark.locator("xpath=..").hover()
        expect(mark).to_have_css("opacity", "1")
        page.mouse.move(0, 0)
        expect(mark).to_have_css("opacity", "0")
        mark.focus()
        expect(mark).to_have_css("opacity", "1")


def test_tabbing_to_a_permalink_shows_it_with_a_focus_ring(site, expected, new_context):
    from playwright.sync_api import expect

    page = new_context().new_page()
    page.goto(site.url("bills/117/"), wait_until="load")
    # Start from the bill list and tab forward until a permalink has the focus.
    page.locator("section.bill").first.evaluate("el => { el.tabIndex = -1; el.focus(); }")
    tab_until(page, "headerlink", presses=40, what="a permalink in the bill list")
    focused = page.locator(":focus")
    expect(focused).to_have_css("opacity", "1")
    ring = focused.evaluate("el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]")
    assert ring[0] not in ("none", "") and ring[1] >= 2, f"no visible focus ring: {ring}"


# ---- Deep links ------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_deep_links_land_below_the_header_and_are_highlighted(scheme, site, expected, new_context):
    page = new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800}).new_page()
    targets = _targets(expected)
    assert sum(len(ids) for ids in targets.values()) == len(expected.proposals) + len(expected.wros) + len(
        expected.bills
    )
    for url, ids in targets.items():
        # The first id as a fresh page load from a link; the rest as in-page jumps.
        page.goto(site.url(url, ids[0]), wait_until="load")
        for number, anchor in enumerate(ids):
            if number:
                page.evaluate("(id) => { location.hash = id; }", anchor)
            page.wait_for_function(
                "(id) => document.getElementById(id) && document.getElementById(id).matches(':target')", arg=anchor
            )
            # Let any smooth scroll settle.
            page.wait_for_function(
                """() => new Promise(done => { let last = scrollY; let same = 0;
                    const tick = () => { same = scrollY === last ? same + 1 : 0; last = scrollY;
                        same >= 3 ? done(true) : requestAnimationFrame(tick); }; tick(); })"""
            )
            box = page.evaluate(
                """(id) => {
                    const el = document.getElementById(id);
                    const header = document.querySelector('.md-header').getBoundingClientRect();
                    const r = el.getBoundingClientRect();
                    const cell = el.tagName === 'TR' ? el.cells[0] : el;
                    const pageBg = getComputedStyle(document.body).backgroundColor;
                    return { top: r.top, height: r.height, headerBottom: header.bottom, viewport: innerHeight,
                             background: getComputedStyle(cell).backgroundColor, pageBg };
                }""",
                anchor,
            )
            where = f"{url}#{anchor} ({scheme})"
            assert box["top"] >= box["headerBottom"] - 1, f"{where}: hidden under the header {box}"
            assert box["top"] < box["viewport"] * 0.5, f"{where}: not brought into view {box}"
            assert box["background"] not in ("rgba(0, 0, 0, 0)", box["pageBg"]), f"{where}: not highlighted"


# ---- Copy for email -------------------------------------------------------------------------


def _clipboard_context(new_context, site) -> Any:
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    return context


def _as_of_text(iso: str) -> str:
    import datetime

    day = datetime.date.fromisoformat(iso)  # the loader keeps dates as text
    return f"{day:%b} {day.day}, {day.year}"


def test_copy_for_email_buttons_copy_each_proposal_by_click(site, expected, new_context):
    page = _clipboard_context(new_context, site).new_page()
    page.goto(site.url(), wait_until="load")
    buttons = page.locator(".punch-list tr[data-proposal] button")
    assert buttons.count() == len(expected.proposals)
    for proposal in expected.proposals:
        title = " ".join(proposal["title"].split())
        button = page.get_by_role("button", name=f"Copy for email: {title}", exact=True)
        assert button.count() == 1, f"no copy button named for {proposal['id']}"
    status = page.locator("[role=status][aria-live=polite]")
    assert status.count() == 1

    for proposal in (expected.proposals[0], expected.proposals[-1]):
        title = " ".join(proposal["title"].split())
        page.evaluate("navigator.clipboard.writeText('(empty)')")
        page.get_by_role("button", name=f"Copy for email: {title}", exact=True).click()
        page.wait_for_function("async () => (await navigator.clipboard.readText()) !== '(empty)'")
        copied = page.evaluate("navigator.clipboard.readText()")
        row_text = page.locator(f'tr[data-proposal="{proposal["id"]}"]').get_attribute("data-copy-text")
        assert copied == row_text
        lines = copied.split("\n")
        assert lines[0] == title
        deep_link = site.site_url + expected.lever_url(proposal["lever"]) + "#" + proposal["id"]
        assert lines[-1] == deep_link, "the last line is not the proposal's deep link"
        assert f"Next step: {' '.join(proposal['next']['step'].split())}" in lines
        assert f"Who acts next: {' '.join(proposal['next']['who'].split())}" in lines
        assert _as_of_text(proposal["status"]["as_of"]) in copied, "no as-of date in the copied text"
        page.wait_for_function("() => document.querySelector('[role=status]').textContent.includes('Copied')")
        assert title in status.text_content()


def test_copy_for_email_works_from_the_keyboard(site, expected, new_context):
    page = _clipboard_context(new_context, site).new_page()
    page.goto(site.url(), wait_until="load")
    page.evaluate("navigator.clipboard.writeText('(empty)')")
    # Tab from the top of the page until a copy button has the focus, then press Enter.
    tab_until(page, "copy-email", presses=120, what="a copy button")
    first = expected.proposals[0]
    focused = page.locator(":focus")
    assert focused.get_attribute("aria-label") == f"Copy for email: {' '.join(first['title'].split())}"
    ring = focused.evaluate("el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]")
    assert ring[0] not in ("none", "") and ring[1] >= 2, f"no visible focus ring on the copy button: {ring}"
    page.keyboard.press("Enter")
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== '(empty)'")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator(
        f'tr[data-proposal="{first["id"]}"]'
    ).get_attribute("data-copy-text")

    # The next copy button, by Tab and the space bar.
    second = expected.proposals[1]
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('copy-email')"):
            break
    page.keyboard.press("Space")
    page.wait_for_function(
        "async (id) => (await navigator.clipboard.readText()) === document.querySelector(`tr[data-proposal='${id}']`).dataset.copyText",
        arg=second["id"],
    )


def test_each_proposal_section_has_its_own_copy_button(site, expected, new_context):
    page = _clipboard_context(new_context, site).new_page()
    for lever in expected.levers:
        url = expected.lever_url(lever["id"])
        page.goto(site.url(url), wait_until="load")
        ids = [p["id"] for p in expected.proposals if p["lever"] == lever["id"]]
        boxes = page.locator("div.proposal-status[data-copy-text]")
        assert sorted(boxes.evaluate_all("els => els.map(el => el.dataset.proposal)")) == sorted(ids), url
        box = boxes.first
        button = box.locator("button.copy-email")
        assert button.count() == 1
        proposal = next(p for p in expected.proposals if p["id"] == box.get_attribute("data-proposal"))
        assert button.get_attribute("aria-label") == f"Copy for email: {' '.join(proposal['title'].split())}"
        page.evaluate("navigator.clipboard.writeText('(empty)')")
        button.click()
        page.wait_for_function("async () => (await navigator.clipboard.readText()) !== '(empty)'")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == box.get_attribute("data-copy-text")
        assert copied.split("\n")[-1] == site.site_url + url + "#" + proposal["id"]


# ---- Keyboard ----------------------------------------------------------------------------


def test_tab_reaches_the_skip_link_first_on_every_page_and_it_works(site, new_context):
    from playwright.sync_api import expect

    page = new_context().new_page()
    for url in site.content_pages:
        page.goto(site.url(url), wait_until="load")
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert focused.evaluate("el => el.classList.contains('md-skip')"), (
            f"{url or 'home'}: Tab did not reach the skip link first"
        )
        assert "skip to content" in focused.inner_text().strip().lower()
        expect(focused).to_be_visible()
        expect(focused).to_have_css("opacity", "1")
        target = focused.get_attribute("href")
        page.keyboard.press("Enter")
        page.wait_for_function("(hash) => location.hash === hash", arg=target)
        assert page.evaluate("(id) => document.getElementById(id).closest('article') !== null", target.lstrip("#"))

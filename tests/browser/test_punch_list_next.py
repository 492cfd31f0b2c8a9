"""The one-minute punch-list and What you can do, in Chromium: every title and badge within two
screens, the counts that lead to their rows, copy buttons big enough to hit, the copied texts,
and the call script and letter wrapping on a phone. (Print: test_print.py; axe on every page
in both schemes: test_accessibility.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from site_text import fold, format_date

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
MIN_TARGET_PX = 24  # WCAG 2.2, 2.5.8 (target size, minimum)


@pytest.fixture(scope="module")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def test_every_title_and_badge_shows_within_two_screens_at_1366_by_900(site, expected, new_context):
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(site.url(), wait_until="load")
    bottoms = page.evaluate(
        """() => Array.from(document.querySelectorAll('.punch-list--full tr[data-proposal]')).map(tr => {
            const title = tr.querySelector('.punch-list__proposal > a'), badge = tr.querySelector('.status');
            return Math.max(title.getBoundingClientRect().bottom, badge.getBoundingClientRect().bottom) + scrollY;
        })"""
    )
    assert len(bottoms) == len(expected.proposals)
    assert max(bottoms) <= 2 * 900, f"the last title or badge ends {max(bottoms):.0f} px down"
    # No right-hand table of contents: the table has the width.
    assert not page.locator(".md-sidebar--secondary").is_visible()


def test_the_counts_lead_to_the_first_row_of_each_state(site, expected, new_context):
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(site.url(), wait_until="load")
    links = page.locator(".punch-list__counts a")
    first_of: dict[str, str] = {}
    for proposal in (p for lever in expected.levers for p in expected.proposals if p["lever"] == lever["id"]):
        first_of.setdefault(proposal["status"]["state"], proposal["id"])
    assert links.count() == len(first_of)
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href").lstrip("#")
    assert target in first_of.values()
    last.click()
    assert page.evaluate("() => location.hash") == f"#{target}"
    row = page.locator(f"tr#{target}")
    assert row.evaluate("tr => tr.matches(':target')")
    assert row.is_visible() and row.bounding_box()["y"] >= 0
    # Its words are the badge's: "5 not done" next to a row whose badge reads "Not done".
    assert last.inner_text().split(" ", 1)[1] == row.locator(".status").inner_text().lower()


@pytest.mark.parametrize(("url", "width"), [("", 1366), ("", 390), ("act/", 1366), ("act/", 390)])
def test_copy_buttons_and_count_links_are_at_least_24_px(site, new_context, url, width):
    page = new_context(viewport={"width": width, "height": 844}).new_page()
    page.goto(site.url(url), wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('button.copy-email').length > 0")
    sizes = page.evaluate(
        """() => Array.from(document.querySelectorAll('button.copy-email, .punch-list__counts a'))
            .map(el => { const r = el.getBoundingClientRect();
                         return [el.getAttribute('aria-label') || el.textContent, r.width, r.height]; })"""
    )
    assert sizes
    small = [s for s in sizes if s[1] < MIN_TARGET_PX or s[2] < MIN_TARGET_PX]
    assert small == [], f"targets under {MIN_TARGET_PX} px: {small}"


def test_copy_for_email_puts_title_status_dates_next_step_and_link_on_the_clipboard(site, expected, new_context):
    context = new_context(viewport={"width": 1366, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    page = context.new_page()
    page.goto(site.url(), wait_until="load")
    proposal = expected.proposals[-1]
    button = page.locator(f'tr[data-proposal="{proposal["id"]}"] button.copy-email')
    assert button.get_attribute("aria-label") == f"Copy for email: {fold(proposal['title'])}"
    button.click()
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.length > 0")
    lines = page.evaluate("() => navigator.clipboard.readText()").splitlines()
    assert lines[0] == fold(proposal["title"])
    assert f"latest development {format_date(proposal['status']['as_of'])}" in lines[1]
    assert f"checked {format_date(proposal['status']['searched'])}" in lines[1]
    assert fold(proposal["status"]["summary"]) in lines[1]
    assert f"Next step: {fold(proposal['next']['step'])}" in lines
    assert f"Who acts next: {fold(proposal['next']['who'])}" in lines
    assert lines[-1].endswith(f"{expected.lever_url(proposal['lever'])}#{proposal['id']}")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_call_scripts_and_letters_wrap_on_a_phone_and_copy_whole(scheme, site, expected, axe, new_context):
    context = new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    page = context.new_page()
    page.goto(site.url("act/"), wait_until="load")
    widths = page.evaluate(
        """() => ({ page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
                    texts: Array.from(document.querySelectorAll('.copy-block pre'))
                        .map(pre => [pre.scrollWidth, pre.clientWidth]) })"""
    )
    assert widths["page"][0] == widths["page"][1], "the page scrolls sideways"
    assert len(widths["texts"]) == 4  # a call script and a letter for each chamber
    for scroll, client in widths["texts"]:
        assert scroll == client, "a script is clipped or scrolls sideways"
    for name, starts in (
        ("Copy the Senate call script", "Hello, my name is"),
        ("Copy the House call script", "Hello, my name is"),
        ("Copy the Senate letter", "Subject:"),
        ("Copy the House letter", "Subject:"),
    ):
        button = page.get_by_role("button", name=name, exact=True)
        block = button.locator("xpath=..")
        button.click()
        page.wait_for_function("() => document.querySelector('.copy-status').textContent.length > 0")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(starts)
        assert copied == block.locator("pre").text_content()  # the text as shown, line breaks and all
        page.evaluate("() => { document.querySelector('.copy-status').textContent = ''; }")
    # Each chamber's first ask is the most urgent of those put to it in the data.
    senate = page.locator(".copy-block[data-chamber='senate'] pre").first.text_content() or ""
    first = min(
        (ask for p in expected.proposals for ask in p["next"]["asks"] if ask["to"] in ("senate", "both")),
        key=lambda ask: ask["priority"],
    )
    assert f"1. {fold(first['ask'])}" in senate
    found = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}})
    assert found.violations_count == 0, found.generate_report()

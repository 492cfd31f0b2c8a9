"""Accessibility: axe-core finds no WCAG 2.2 A/AA violation on any page in either colour
scheme (also on a highlighted deep link and with the copy message showing), and every page
can be read with JavaScript turned off."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(axe: Any, page: Any, where: str) -> list[str]:
    """axe's WCAG 2.2 A/AA violations on the page at rest, as readable reports."""
    # Colours are judged once fades have finished (Material fades the header's page title in
    # after a scroll; half-way through, it is half transparent).
    # A function, not an expression: Playwright re-evaluates an expression with eval() on every
    # poll, which the pages' Content-Security-Policy refuses; a function is compiled once.
    # Material starts that fade a moment after the scroll event, so a check made at once can
    # find nothing running yet and sample the title mid-fade: let the page settle first.
    page.wait_for_timeout(400)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    # Long blocks off screen are not laid out until a reader scrolls near them (site.css,
    # content-visibility: auto), and axe would judge their colours on placeholders: judge each
    # as the reader sees it, laid out (element.style, which the page's policy does not govern).
    page.evaluate(
        """() => document.querySelectorAll('*').forEach(el => {
            if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
        })"""
    )
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    ran = len(results.response["passes"]) + len(results.response["violations"])
    assert ran > 10, f"{where}: axe hardly ran ({ran} rules)"
    return [f"{where}:\n{results.generate_report()}"] if results.violations_count else []


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_wcag_violations_on_any_page(scheme, site, axe, new_context):
    page = new_context(color_scheme=scheme).new_page()
    found: list[str] = []
    for url in site.pages:
        page.goto(site.url(url), wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        found += violations(axe, page, f"{url or 'home'} ({scheme})")
        # Two checks axe's WCAG tags leave out: links in running text are underlined (not told
        # apart by colour alone), and every dialog (Material's search) has a name.
        plain_links = page.evaluate(
            """() => Array.from(document.querySelectorAll(
                    'article p a, article li a, article td a, article dd a, article caption a'))
                .filter(a => !a.classList.contains('headerlink') && a.getClientRects().length)
                .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
                .map(a => a.outerHTML.slice(0, 80))"""
        )
        assert plain_links == [], f"{url or 'home'}: links told apart by colour alone: {plain_links}"
        unnamed = page.evaluate(
            """() => Array.from(document.querySelectorAll('[role=dialog], dialog'))
                .filter(d => !(d.getAttribute('aria-label') || '').trim() && !d.getAttribute('aria-labelledby'))
                .map(d => d.outerHTML.slice(0, 80))"""
        )
        assert unnamed == [], f"{url or 'home'}: dialogs without a name: {unnamed}"
    assert found == [], "\n\n".join(found)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_wcag_violations_on_highlighted_deep_links_and_copy_message(scheme, site, expected, axe, new_context):
    context = new_context(color_scheme=scheme)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    page = context.new_page()
    found: list[str] = []
    proposal = expected.proposals[0]
    for url, anchor in (
        (expected.lever_url(proposal["lever"]), proposal["id"]),
        ("wros/", expected.wros[0]["id"]),
        (f"bills/{expected.bills[0]['congress']}/", expected.bills[0]["id"]),
    ):
        page.goto(site.url(url, anchor), wait_until="load")
        assert page.evaluate("(id) => document.getElementById(id).matches(':target')", anchor)
        found += violations(axe, page, f"{url}#{anchor} ({scheme})")
    # The confirmation message and a button in its "copied" state.
    page.goto(site.url(), wait_until="load")
    page.locator(".punch-list tr[data-proposal] button").first.click()
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.length > 0")
    found += violations(axe, page, f"home with the copy message ({scheme})")
    assert found == [], "\n\n".join(found)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_wcag_violations_in_the_entity_search_with_matches_and_with_a_miss(scheme, site, axe, new_context):
    page = new_context(color_scheme=scheme).new_page()
    page.goto(site.url("entity-list/"), wait_until="networkidle")
    found: list[str] = []
    for typed, shown in (("ninestar", ".entity-search__results li"), ("Acme Widgets", ".entity-search__miss")):
        page.locator("#entity-search-query").fill(typed)
        page.locator(shown).first.wait_for(state="visible")
        found += violations(axe, page, f"entity-list/ search for {typed!r} ({scheme})")
    assert found == [], "\n\n".join(found)


def test_pages_are_readable_without_javascript(site, expected, new_context):
    page = new_context(java_script_enabled=False).new_page()
    for url in site.pages:
        name = url or "home"
        page.goto(site.url(url), wait_until="load")
        assert page.locator("html.no-js").count() == 1, f"{name}: JavaScript ran"
        assert page.locator("article h1").first.is_visible(), name
        assert page.locator("button.copy-email").count() == 0, f"{name}: a script-made button without JavaScript"
        # Every table in the article is laid out and its rows can be seen.
        hidden_tables = page.evaluate(
            """() => Array.from(document.querySelectorAll('article table'))
                .filter(t => !t.closest('details'))
                .filter(t => t.getClientRects().length === 0 || getComputedStyle(t).visibility === 'hidden')
                .map(t => t.outerHTML.slice(0, 80))"""
        )
        assert hidden_tables == [], f"{name}: tables hidden without JavaScript: {hidden_tables}"
        folded = page.locator("article .punch-list--compact details")
        if folded.count():
            summary = folded.locator("summary")
            assert not folded.locator("li[data-proposal]").first.is_visible()
            summary.click()  # opens natively, no script needed
            assert folded.get_attribute("open") is not None
            rows = folded.locator("li[data-proposal]")  # one line per proposal
            assert rows.count() == len(expected.proposals)
            assert rows.first.is_visible() and rows.last.is_visible()

    page.goto(site.url(), wait_until="load")
    rows = page.locator(".punch-list--full tr[data-proposal]")
    assert rows.count() == len(expected.proposals)
    for proposal in expected.proposals:
        row = page.locator(f'.punch-list--full tr[data-proposal="{proposal["id"]}"]')
        assert row.is_visible()
        link = row.locator(".punch-list__proposal > a").first
        assert link.is_visible()
        assert link.get_attribute("href").endswith(expected.lever_url(proposal["lever"]) + "#" + proposal["id"])

    page.goto(site.url("wros/"), wait_until="load")
    for wro in expected.wros:
        assert page.locator(f'tr[id="{wro["id"]}"]').is_visible(), wro["id"]
    for bill in expected.bills:
        page.goto(site.url(f"bills/{bill['congress']}/"), wait_until="load")
        assert page.locator(f'section.bill[id="{bill["id"]}"]').is_visible(), bill["id"]
    for lever in expected.levers:
        page.goto(site.url(expected.lever_url(lever["id"])), wait_until="load")
        for proposal in (p for p in expected.proposals if p["lever"] == lever["id"]):
            assert page.locator(f'div.proposal-status[data-proposal="{proposal["id"]}"]').is_visible()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_on_a_phone_the_punch_list_fits_the_screen_and_stays_a_table(scheme, site, expected, axe, new_context):
    page = new_context(color_scheme=scheme, viewport={"width": 390, "height": 844}).new_page()
    page.goto(site.url(), wait_until="load")
    sideways = page.evaluate(
        """() => ({ page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                    rows: Array.from(document.querySelectorAll('.punch-list tr[data-proposal]'))
                        .filter(tr => tr.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length })"""
    )
    assert sideways == {"page": 0, "rows": 0}, f"the punch-list scrolls sideways on a phone: {sideways}"
    found = violations(axe, page, f"home at 390px ({scheme})")
    assert found == [], "\n\n".join(found)
    # Laid out as cards, the rows are still table rows to assistive technology.
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    rows = [n for n in nodes if n.get("role", {}).get("value") == "row"]
    assert len(rows) >= len(expected.proposals) + 1, f"only {len(rows)} rows in the accessibility tree"

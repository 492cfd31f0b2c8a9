"""Every built page holds at most 1,000 elements at first load, counted in Chromium as Lighthouse
counts them (tests/dom_size.py says why in the browser and not with a parser). A page over it is
named with its count; `make bench` reports every page's count beside its weight, with today's
records and with four times as many."""

from __future__ import annotations

import pytest

from dom_size import COUNT_DOM_ELEMENTS, MAX_DOM_ELEMENTS

pytestmark = pytest.mark.browser


def test_every_page_has_at_most_1000_elements_at_first_load(site, new_context) -> None:
    page = new_context(viewport={"width": 390, "height": 844}).new_page()  # a phone, as Lighthouse's mobile run
    counts = {}
    for url in site.pages:
        page.goto(site.url(url), wait_until="networkidle")
        counts[url or "home"] = page.evaluate(COUNT_DOM_ELEMENTS)
    assert {"bills/", "wros/", "customs/", "entity-list/", "entity-list/2024/"} <= set(counts)  # the long ones
    assert min(counts.values()) > 100  # the count sees the page: the theme's header and navigation alone
    over = {url: count for url, count in counts.items() if count > MAX_DOM_ELEMENTS}
    assert not over, f"pages over {MAX_DOM_ELEMENTS:,} elements at first load: {over}"

"""Search stays light: the index is fetched when a reader opens search, not with every page."""

from __future__ import annotations

import pytest

from .test_privacy_and_sharing import search

pytestmark = pytest.mark.browser


def test_search_index_waits_for_the_reader_then_search_works(site, new_context):
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site.base + "wros/", wait_until="networkidle")
    assert not any(url.endswith("search/search_index.json") for url in fetched), "index loaded before search"
    search(page, "Hoshine")
    assert any(url.endswith("search/search_index.json") for url in fetched)
    assert "Hoshine" in page.locator(".md-search-result").inner_text()


def test_a_search_result_link_highlights_without_opening_search(site, new_context):
    # Material's result links add ?h=<term>; the index must load at once there to highlight.
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site.base + "wros/?h=hoshine", wait_until="networkidle")
    assert any(url.endswith("search/search_index.json") for url in fetched)


def test_a_search_result_leads_to_the_record_itself(site, new_context):
    # Each WRO, bill and change is its own search result, pointing at its own anchor,
    # not at the section around a long table.
    page = new_context().new_page()
    page.goto(site.base + "bills/", wait_until="networkidle")
    search(page, "Hoshine")
    result = page.locator("a.md-search-result__link", has_text="WRO: Hoshine Silicon").first
    assert "wros/" in result.get_attribute("href") and result.get_attribute("href").endswith("#wro-hoshine-silica")
    result.click()
    page.wait_for_url("**/wros/**#wro-hoshine-silica")
    row = page.locator("tr#wro-hoshine-silica")
    assert row.is_visible() and "Hoshine Silicon Industry" in row.inner_text()

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

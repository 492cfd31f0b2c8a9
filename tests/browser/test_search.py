"""Search stays light: its index and its worker are fetched when a reader opens search, not with every page."""

from __future__ import annotations

import re

import pytest

from .test_privacy_and_sharing import search

pytestmark = pytest.mark.browser


def is_search_index(url: str) -> bool:
    return url.endswith("/search/search_index.json")


def is_search_worker(url: str) -> bool:
    return re.search(r"/assets/javascripts/workers/search\.[^/]*\.js$", url) is not None


def test_search_index_and_worker_wait_for_the_reader_then_search_works(site, new_context):
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site.base + "wros/", wait_until="networkidle")
    page.wait_for_timeout(300)  # Material starts its worker just after load
    assert not any(map(is_search_index, fetched)), "index loaded before search was opened"
    assert not any(map(is_search_worker, fetched)), "search worker loaded before search was opened"
    search(page, "Hoshine")
    assert any(map(is_search_index, fetched)) and any(map(is_search_worker, fetched))
    assert "Hoshine" in page.locator(".md-search-result").inner_text()


def test_search_opened_from_the_keyboard_starts_the_worker_and_the_index(site, new_context):
    # Material's "/" shortcut opens search without a click on the box.
    page = new_context().new_page()
    page.goto(site.base + "bills/", wait_until="networkidle")
    with (
        page.expect_request(lambda request: is_search_worker(request.url)),
        page.expect_request(lambda request: is_search_index(request.url)),
    ):
        page.keyboard.press("/")
    for _ in range(5):  # as in search(): a query typed before the index is ready may be dropped
        page.keyboard.press("Control+A")
        page.keyboard.type("Hoshine")
        try:
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=3_000)
            break
        except Exception:
            continue
    assert "Hoshine" in page.locator(".md-search-result").inner_text()


def test_a_search_result_link_highlights_without_opening_search(site, new_context):
    # Material's result links add ?h=<term>; the index must load at once there to highlight.
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site.base + "wros/?h=hoshine", wait_until="networkidle")
    assert any(map(is_search_index, fetched)) and any(map(is_search_worker, fetched))
    page.locator("article mark[data-md-highlight]").first.wait_for()


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

"""Privacy and sharing: no request to any other origin, no cookie, no referrer on the way
out; and every page carries the tags that make a shared link readable."""

from __future__ import annotations

import struct
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

NOT_NETWORK = ("data:", "blob:", "about:")


def search(page: Any, query: str = "forced labor") -> None:
    """Search as a reader does: click the box and type (Material may drop a query typed
    before its index is ready, so type again until results show)."""
    box = page.locator(".md-search__input")
    for _ in range(5):
        box.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(query)
        try:
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=3_000)
            return
        except Exception:
            continue
    pytest.fail("search never returned results")


def test_no_page_requests_another_origin_or_sets_a_cookie(site, new_context):
    context = new_context()
    requests: list[str] = []
    sockets: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda socket: sockets.append(socket.url))
    origin = urlsplit(site.base)
    for url in site.pages:
        page.goto(site.url(url), wait_until="networkidle")
        # Use the page the way a reader does: scroll to the end; search (on the home page:
        # results come from the index every page loads, so once is enough).
        page.mouse.wheel(0, 20_000)
        if url == "":
            search(page)
            page.keyboard.press("Escape")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.cookie") == "", f"{url or 'home'} set a cookie"
    assert len(requests) > len(site.pages), "the request log caught nothing"
    foreign = [
        request
        for request in requests
        if not request.startswith(NOT_NETWORK)
        and (urlsplit(request).scheme, urlsplit(request).hostname, urlsplit(request).port)
        != (origin.scheme, origin.hostname, origin.port)
    ]
    assert foreign == [], f"requests to other origins: {foreign}"
    assert sockets == []
    assert context.cookies() == []


def test_outbound_links_send_no_referrer(site, new_context):
    page = new_context().new_page()
    external_links = 0
    for url in site.pages:
        page.goto(site.url(url), wait_until="load")
        meta = page.evaluate("() => Array.from(document.querySelectorAll('meta[name=referrer]')).map(m => m.content)")
        assert meta == ["no-referrer"], f"{url or 'home'}: referrer meta {meta}"
        leaky = page.evaluate(
            """() => Array.from(document.querySelectorAll('a[href]'))
                .filter(a => /^https?:$/.test(a.protocol) && a.origin !== location.origin)
                .filter(a => a.referrerPolicy !== 'no-referrer' && !a.relList.contains('noreferrer'))
                .map(a => a.href)"""
        )
        assert leaky == [], f"{url or 'home'}: outbound links that may send a referrer: {leaky}"
        external_links += page.evaluate(
            "() => Array.from(document.querySelectorAll('a[href]')).filter(a => a.origin !== location.origin"
            " && /^https?:$/.test(a.protocol)).length"
        )
    assert external_links > 0


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("which", ["default", "long-url"])
def test_every_page_has_title_description_canonical_and_share_tags(which, request, expected, new_context):
    served = request.getfixturevalue("site" if which == "default" else "long_url_site")
    page = new_context().new_page()
    titles: set[str] = set()
    for url in served.content_pages:
        page.goto(served.url(url), wait_until="domcontentloaded")
        head: dict[str, Any] = page.evaluate(
            """() => {
                const meta = {};
                for (const m of document.querySelectorAll('meta[property], meta[name]'))
                    meta[m.getAttribute('property') || m.getAttribute('name')] = m.content;
                const canonical = document.querySelector('link[rel=canonical]');
                return { title: document.title, meta, canonical: canonical && canonical.href,
                         h1: document.querySelector('article h1').textContent.trim() };
            }"""
        )
        name = url or "home"
        meta = head["meta"]
        page_url = served.site_url + url
        assert head["title"].strip(), name
        titles.add(head["title"])
        assert meta.get("description", "").strip(), f"{name}: no meta description"
        assert head["canonical"] == page_url, f"{name}: canonical {head['canonical']}"
        assert meta.get("og:type") == "website", name
        assert meta.get("og:site_name") == expected.site_name, name
        assert meta.get("og:title", "").strip(), name
        assert meta.get("og:description") == meta["description"], name
        assert meta.get("og:url") == page_url, name
        image = meta.get("og:image", "")
        assert image.startswith(served.site_url) and urlsplit(image).scheme in ("http", "https"), (
            f"{name}: og:image {image}"
        )
        local = served.folder / image[len(served.site_url) :]
        assert local.is_file(), f"{name}: og:image {image} is not in the built site"
        assert (
            _png_size(local.read_bytes()) == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
        )
        assert meta.get("og:image:alt", "").strip(), name
        assert meta.get("twitter:card") == "summary_large_image", name
        assert meta.get("twitter:title") == meta["og:title"], name
        assert meta.get("twitter:description") == meta["description"], name
        assert meta.get("twitter:image") == image, name
    assert len(titles) == len(served.content_pages), "page titles are not unique"

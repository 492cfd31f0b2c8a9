""" "Is this company listed?" on the Entity List page, in Chromium: the names load only when the
box is used, a name is found whatever its case, punctuation or company suffix, by an alias too,
each match links to its entry, and a miss says how many names the site has and points to DHS's
list. How names are compared lives in docs/assets/site.js only; these tests are its tests.

The names below are entities on the real list (their ids are published anchors)."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGE = "entity-list/"


def is_names_file(url: str) -> bool:
    return url.split("?")[0].endswith("/entity-list/names.json")


def search(page: Any, text: str) -> dict[str, Any]:
    """Type `text` into the box as a reader would and return what the page then shows."""
    box = page.locator("#entity-search-query")
    box.fill("")
    box.press_sequentially(text)
    # settled: the names are in and the status line speaks (a count or the miss)
    page.wait_for_function(
        """() => {
            const status = document.querySelector('.entity-search__status');
            const miss = document.querySelector('.entity-search__miss');
            const count = document.querySelector('.entity-search__count').textContent;
            return !miss.hidden || (count && !count.startsWith('Loading'));
        }"""
    )
    return page.evaluate(
        """() => ({
            count: document.querySelector('.entity-search__count').textContent,
            missShown: !document.querySelector('.entity-search__miss').hidden,
            status: document.querySelector('.entity-search__status').innerText.trim(),
            hits: Array.from(document.querySelectorAll('.entity-search__results li')).map(li => ({
                text: li.textContent, href: li.querySelector('a').getAttribute('href')})),
        })"""
    )


def first_hit(result: dict[str, Any]) -> dict[str, str]:
    assert result["hits"], result
    return result["hits"][0]


def test_the_names_load_only_when_the_box_is_used(site, new_context) -> None:
    page = new_context().new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site.url(PAGE), wait_until="networkidle")
    assert page.locator("#entity-search-query").is_visible()
    assert page.get_by_label("Is this company listed?").count() == 1  # a labelled control
    assert not any(map(is_names_file, fetched)), "the names loaded with the page"
    with page.expect_request(lambda request: is_names_file(request.url)):
        page.locator("#entity-search-query").focus()


@pytest.mark.parametrize(
    ("typed", "entity", "via_alias"),
    [
        ("Ninestar Corporation", "ninestar-corporation", False),  # a known name, as listed
        ("ninestar corp.", "ninestar-corporation", False),  # case, punctuation, a short suffix
        ("Camel Group Limited", "camel-group", False),  # listed as "Camel Group Co., Ltd."
        ("XINJIANG ZHONGTAI CHEMICAL COMPANY", "xinjiang-zhongtai-chemical", False),  # listed "... Co., Ltd."
        ("Camel Gr", "camel-group", False),  # a suffix still being typed
        ("Changji Yida Textile", "changji-esquel-textile", True),  # an alias of Changji Esquel Textile
    ],
)
def test_a_name_is_found_by_its_words_whatever_the_case_punctuation_or_suffix(
    site, new_context, typed, entity, via_alias
) -> None:
    page = new_context().new_page()
    page.goto(site.url(PAGE), wait_until="networkidle")
    result = search(page, typed)
    hit = first_hit(result)
    assert hit["href"].endswith(f"/#{entity}")
    assert ("also listed as" in hit["text"]) == via_alias
    assert not result["missShown"]
    assert result["status"].startswith(f"{len(result['hits'])} entit")  # the count, read out


def test_a_match_leads_to_the_entry(site, new_context) -> None:
    page = new_context().new_page()
    page.goto(site.url(PAGE), wait_until="networkidle")
    search(page, "camel group")
    page.locator(".entity-search__results a").first.click()
    page.wait_for_url("**/entity-list/*/#camel-group")
    row = page.locator(":target")
    assert "Camel Group Co., Ltd." in row.inner_text()


def test_a_miss_says_how_many_names_the_site_has_and_points_to_dhs(site, new_context) -> None:
    recorded = json.loads((site.folder / "entity-list" / "names.json").read_text(encoding="utf-8"))["recorded"]
    page = new_context().new_page()
    page.goto(site.url(PAGE), wait_until="networkidle")
    result = search(page, "Acme Widgets Co., Ltd.")
    assert result["hits"] == [] and result["missShown"]
    assert f"This site names {recorded} entities" in result["status"]  # in the live region: read out
    link = page.locator(".entity-search__miss a")
    assert link.get_attribute("href") == "https://www.dhs.gov/uflpa-entity-list"
    # typing on from a miss finds again
    assert first_hit(search(page, "Ninestar"))["href"].endswith("/#ninestar-corporation")


def test_without_javascript_the_box_stays_hidden(site, new_context) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.url(PAGE), wait_until="load")
    assert page.locator(".entity-search").count() == 1
    assert not page.locator(".entity-search").is_visible()  # the year pages, linked below, list everyone

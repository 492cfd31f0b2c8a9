"""The members look-up on What you can do, in Chromium: a state's two senators with their phone
numbers, a representative by district (at once for an at-large seat, DC and the territories), the
choice kept in the address and restored from it, nothing loaded before the reader uses it and
nothing asked of another origin, the scripts and letters named for the chosen members (a sponsor
thanked), printed with them, and no WCAG violation. Without JavaScript: the members pages."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from site_data import load_site_data
from site_members import member_view
from site_text import fold, last_name

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DATA = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
DATA_DAY = datetime.date.fromisoformat(os.environ["PUNCHLIST_TODAY"])  # the day the site is built as of


def members(state: str, role: str | None = None) -> list[Mapping[str, Any]]:
    return [m for m in DATA.members if m["state"] == state and (role is None or m["role"] == role)]


def representative(state: str, district: int) -> Mapping[str, Any]:
    return next(m for m in members(state) if m.get("district") == district)


def sponsor_of(bill_id: str) -> Mapping[str, Any]:
    bill = DATA.bill(bill_id)
    return next(m for m in DATA.members if m["bioguide"] == bill["sponsor_id"])


@pytest.fixture(scope="module")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def open_act(site, new_context, hash_: str = "", **options: Any) -> tuple[Any, list[str]]:
    """What you can do in a fresh context; the list fills with every URL it requests."""
    context = new_context(**options)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(site.url("act/") + hash_, wait_until="networkidle")
    return page, requests


def choose(page: Any, state: str, district: int | None = None) -> None:
    page.get_by_label("Your state").select_option(state)
    page.wait_for_function("() => !!document.querySelector('.member-lookup__result li')")
    if district is not None:
        page.get_by_label("Your district").select_option(str(district))
        page.wait_for_function("() => document.querySelectorAll('.member-lookup__result ul').length === 2")


def result_lines(page: Any) -> list[str]:
    return [fold(text) for text in page.locator(".member-lookup__result li").all_inner_texts()]


def test_picking_a_state_shows_its_two_senators_with_phone_numbers(site, new_context):
    page, _ = open_act(site, new_context)
    choose(page, "WA")
    senators = members("WA", "senator")
    assert len(senators) == 2
    lines = result_lines(page)
    for senator in senators:
        line = next(line for line in lines if senator["name"] in line)
        assert senator["phone"] in line
        link = page.locator(f".member-lookup__result a[href='tel:+1{senator['phone'].replace('-', '')}']")
        assert link.count() == 1
    status = page.locator(".member-lookup__status")
    assert status.get_attribute("role") == "status" and "Washington" in status.inner_text()


def test_a_representative_by_district_and_the_address_keeps_the_choice(site, new_context):
    page, _ = open_act(site, new_context)
    choose(page, "WA", 7)
    rep = representative("WA", 7)
    assert any(rep["name"] in line and rep["phone"] in line for line in result_lines(page))
    assert urlsplit(page.url).fragment == "members=WA-7"
    # The address, shared or reloaded, brings the same choice back.
    again, _ = open_act(site, new_context, "#members=WA-7")
    again.wait_for_function("() => document.querySelectorAll('.member-lookup__result ul').length === 2")
    assert again.get_by_label("Your state").input_value() == "WA"
    assert again.get_by_label("Your district").input_value() == "7"
    assert any(rep["name"] in line for line in result_lines(again))


@pytest.mark.parametrize(
    ("state", "role"), [("AK", "representative"), ("DC", "delegate"), ("PR", "resident-commissioner")]
)
def test_a_single_seat_shows_at_once_without_a_district(site, new_context, state: str, role: str):
    page, _ = open_act(site, new_context)
    choose(page, state)
    page.wait_for_function("() => document.querySelectorAll('.member-lookup__result ul').length >= 1")
    [member] = members(state, role)
    assert any(member["name"] in line for line in result_lines(page))
    assert page.get_by_label("Your district").is_hidden()
    assert urlsplit(page.url).fragment == f"members={state}"
    if state != "AK":
        assert f"{page.get_by_label('Your state').evaluate('s => s.selectedOptions[0].text')} has no senators" in fold(
            page.locator(".member-lookup__result").inner_text()
        )


def test_nothing_loads_before_the_look_up_is_used_and_nothing_leaves_the_site(site, new_context):
    page, requests = open_act(site, new_context)
    origin = urlsplit(site.base).netloc
    assert not [url for url in requests if url.endswith(".json") or url.endswith("/members.js")]
    stored = "() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]"
    before = page.evaluate(stored)  # the theme's own (its colour scheme), if any
    choose(page, "CA", 12)
    page.wait_for_load_state("networkidle")
    used = [url for url in requests if url.endswith("/members/ca.json") or url.endswith("/assets/members.js")]
    assert len(used) == 2, requests
    assert [url for url in requests if urlsplit(url).netloc not in (origin, "")] == []
    assert page.evaluate(stored) == before  # the choice is stored nowhere but in the address


def scripts_for(page: Any, chamber: str) -> list[tuple[str, str]]:
    """(the line naming the member, the script's text) for each copy shown for a chosen member."""
    blocks = page.locator(f".copy-block--member[data-chamber='{chamber}']")
    return [
        (fold(blocks.nth(i).locator("p").first.inner_text()), blocks.nth(i).locator("pre").inner_text())
        for i in range(blocks.count())
    ]


def test_the_scripts_and_letters_name_the_chosen_members_and_thank_a_sponsor(site, new_context):
    # Alaska: one of its senators sponsors S. 2560 (the Senate's first ask until Jan 3, 2027).
    sponsor = sponsor_of("s2560-119")
    page, _ = open_act(site, new_context, viewport={"width": 1366, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    choose(page, sponsor["state"])
    senate = scripts_for(page, "senate")
    assert len(senate) == 4  # a call script and a letter for each of the two senators
    for senator in members(sponsor["state"], "senator"):
        view = member_view(senator, DATA_DAY)
        mine = [text for line, text in senate if view.short in line]
        assert len(mine) == 2 and all(senator["phone"] in line for line, _ in senate if view.short in line)
        addressed = f"Senator {last_name(senator['name'])}"
        assert "I am asking " + addressed in mine[0] and "Dear " + addressed in mine[1]
        assert "[Senator NAME]" not in "".join(mine)
        thanked = "Thank you for sponsoring S. 2560" in mine[0]
        asked = "Please cosponsor S. 2560" in mine[0]
        is_sponsor = senator["bioguide"] == sponsor["bioguide"]
        assert (thanked, asked) == ((True, False) if is_sponsor else (False, True)), senator["name"]
    # Its at-large representative's copies, and the placeholders' originals hidden.
    assert len(scripts_for(page, "house")) == 2
    assert page.locator(".copy-block:not(.copy-block--member)").evaluate_all("bs => bs.every(b => b.hidden)")
    # Each copy's button copies that member's text as shown.
    button = page.get_by_role("button", name=f"Copy the Senate call script for {member_view(sponsor, DATA_DAY).short}")
    button.click()
    page.wait_for_function("() => document.querySelector('.copy-status').textContent.length > 0")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("Hello, my name is") and "Thank you for sponsoring S. 2560" in copied


def test_each_chamber_has_at_most_three_asks_and_none_of_the_other(site, new_context):
    page, _ = open_act(site, new_context)
    for chamber, other in (("senate", "H.R. 4830"), ("house", "S. 2560")):
        for text in page.locator(f".copy-block[data-chamber='{chamber}'] pre").all_inner_texts():
            asks = [line for line in text.splitlines() if line[:2] in {"1.", "2.", "3.", "4."}]
            assert 1 <= len(asks) <= 3 and not any(line.startswith("4.") for line in asks)
            assert other not in text, (chamber, text)


def test_the_printed_page_carries_the_chosen_members_and_their_scripts(site, new_context):
    page, _ = open_act(site, new_context, "#members=WA-7")
    page.wait_for_function("() => document.querySelectorAll('.copy-block--member').length === 6")
    page.emulate_media(media="print")
    printed = fold(page.locator("article").inner_text())
    for member in [*members("WA", "senator"), representative("WA", 7)]:
        assert member["name"] in printed and member["phone"] in printed
    assert "I am asking Representative " + last_name(representative("WA", 7)["name"]) in printed
    assert page.locator(".copy-block--member pre").first.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations_with_members_chosen(scheme, site, axe, new_context):
    page, _ = open_act(site, new_context, "#members=WA-7", color_scheme=scheme, viewport={"width": 390, "height": 844})
    page.wait_for_function("() => document.querySelectorAll('.copy-block--member').length === 6")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    found = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert found.violations_count == 0, found.generate_report()


def test_without_javascript_the_members_pages_list_everyone_by_state(site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.url("act/"), wait_until="load")
    assert page.locator(".member-lookup__controls").is_hidden()
    page.locator(".member-lookup a", has_text="the members page").click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name="Washington", exact=True).click()
    page.wait_for_load_state("load")
    text = fold(page.locator("article").inner_text())
    for member in members("WA"):
        assert member["name"] in text and member.get("phone", "") in text
    # Every state, DC and territory has its page, each within the DOM budget at first load.
    sizes: list[int] = []
    for code in sorted({m["state"].lower() for m in DATA.members}):
        page.goto(site.url(f"members/{code}/"), wait_until="load")
        sizes.append(page.evaluate("() => document.getElementsByTagName('*').length"))
    assert len(sizes) == 56 and max(sizes) <= 1000, max(sizes)

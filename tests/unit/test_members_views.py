"""The members of Congress as the site shows them: each state's members (its page and the JSON file
the look-up loads), the look-up's block, the warning once the list predates the sitting Congress
(and `make currency`), and the dated passages of a page (`<!-- until:... -->`)."""

from __future__ import annotations

import datetime
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR
from site_currency import members_items
from site_data import SiteData, load_site_data
from site_members import member_files, members_stale, state_json, state_members_view, state_page_markdown
from site_render import MarkerError, SiteRenderer, dated_prose, render_page_markdown
from site_text import fold
from site_views import SiteMap, SiteViews
from test_hostile_text import copy_data
from test_site_render import PAGES, SITE, parse

BEFORE = datetime.date(2026, 11, 29)  # the 119th Congress sits; the fixture's list is of Jun 15, 2026
AFTER = datetime.date(2027, 1, 4)  # the 120th sits


def load(data_dir: Path) -> SiteData:
    return load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load(FIXTURE_DATA)


def views(data: SiteData, today: datetime.date = BEFORE) -> SiteViews:
    return SiteViews(data, SiteMap(PAGES, SITE), today)


def block(data: SiteData, name: str, today: datetime.date = BEFORE, page: str = "act.md") -> str:
    marker = f"<!-- data:{name} -->"
    return SiteRenderer(data, SiteMap(PAGES, SITE), today).page_blocks(marker, page, PAGES[page]).fill(marker)


def text_of(fragment: str) -> str:
    return fold("".join(parse(fragment).text))


# ---- One state's members ----------------------------------------------------------------------


def test_a_state_has_its_two_senators_with_phone_and_contact_form(data) -> None:
    state = state_members_view(views(data), "WA")
    assert [(m.short, m.phone, m.tel, m.contact_form) for m in state.senators] == [
        (
            "Sen. Maria Cantwell (D)",
            "202-224-3441",
            "tel:+12022243441",
            "https://www.cantwell.senate.gov/public/index.cfm/email-maria",
        ),
        ("Sen. Patty Murray (D)", "202-224-2621", "tel:+12022242621", "https://www.murray.senate.gov/write-to-patty/"),
    ]
    assert [(m.district, m.addressed) for m in state.house] == [
        ("District 1", "Representative DelBene"),
        ("District 2", "Representative Larsen"),
        ("District 3", "Representative Jayapal"),
    ]
    assert state.vacant == () and not state.territory


def test_an_at_large_seat_a_delegate_and_a_resident_commissioner(data) -> None:
    alaska = state_members_view(views(data), "AK")
    assert [(m.district, m.addressed) for m in alaska.house] == [("At large", "Representative Begich")]
    dc = state_members_view(views(data), "DC")
    assert dc.territory and dc.senators == ()
    assert [(m.short, m.addressed) for m in dc.house] == [("Del. Eleanor Holmes Norton (D)", "Delegate Norton")]
    pr = state_members_view(views(data), "PR")
    assert [m.addressed for m in pr.house] == ["Resident Commissioner Hernández"]


def test_a_gap_in_the_districts_shows_as_a_vacant_seat(tmp_path: Path) -> None:
    def vacate(documents: dict[str, Any]) -> None:
        documents["members"]["members"] = [m for m in documents["members"]["members"] if m["bioguide"] != "L000560"]

    state = state_members_view(views(load(copy_data(tmp_path / "data", vacate))), "WA")
    assert state.vacant == (2,)
    assert "Vacant on Jun 15, 2026: district 2." in text_of(
        block(load(copy_data(tmp_path / "d2", vacate)), "members-wa", page="members/wa.md")
    )


def test_an_appointed_senator_whose_term_has_ended_is_flagged(data) -> None:
    # Sen. Moody (FL) was appointed until the special election of Nov 3, 2026.
    before = state_members_view(views(data, datetime.date(2026, 11, 2)), "FL").senators[0]
    after = state_members_view(views(data, datetime.date(2026, 11, 3)), "FL").senators[0]
    assert before.note == ""
    assert after.note == (
        "Appointed to the seat until Nov 3, 2026: check the Senate's or the House's own list for who holds it now."
    )
    # A term that ends with its Congress is covered by the list's own warning instead.
    assert state_members_view(views(data, AFTER), "WA").house[0].note == ""


def test_a_states_page_lists_its_members_and_links_the_house_zip_look_up(data) -> None:
    html = block(data, "members-wa", page="members/wa.md")
    text = text_of(html)
    assert "Sen. Maria Cantwell (D) 202-224-3441 · contact form" in text
    assert "Rep. Pramila Jayapal (D), District 3 202-225-3106 · website" in text
    links = {attrs.get("href") for tag, attrs in parse(html).tags if tag == "a"}
    assert {"tel:+12022243441", "https://www.house.gov/representatives/find-your-representative"} <= links
    assert [attrs["id"] for tag, attrs in parse(html).tags if "id" in attrs] == ["senators", "house"]
    dc = text_of(block(data, "members-dc", page="members/dc.md"))
    assert "District of Columbia has no senators; its Delegate sits in the House." in dc


def test_a_states_page_is_made_from_the_data_with_its_title_and_marker() -> None:
    markdown = state_page_markdown("WA")
    assert markdown.startswith('---\ntitle: "Washington\'s members of Congress"\n')
    assert "search:\n  exclude: true\nsitemap: false\n---\n# Washington's members of Congress\n" in markdown
    assert markdown.rstrip().endswith("<!-- data:members-wa -->")


def test_a_marker_for_a_state_without_members_stops_the_build(data) -> None:
    with pytest.raises(MarkerError, match=r"names a state with no member in data/members\.yml"):
        render_page_markdown("# T\n<!-- data:members-zz -->", data, "members/zz.md", today=BEFORE)


# ---- What the look-up loads ---------------------------------------------------------------------


def test_each_state_has_a_json_file_of_its_members(data) -> None:
    files = member_files(views(data))
    assert sorted(files) == [f"members/{code}.json" for code in ("ak", "dc", "fl", "pr", "wa")]
    wa = json.loads(files["members/wa.json"])
    assert (wa["state"], wa["name"], wa["checked"]) == ("WA", "Washington", "Jun 15, 2026")
    assert wa["senators"][0] == {
        "id": "C000127",
        "short": "Sen. Maria Cantwell (D)",
        "addressed": "Senator Cantwell",
        "phone": "202-224-3441",
        "form": "https://www.cantwell.senate.gov/public/index.cfm/email-maria",
    }
    assert [(m["district"], m["site"]) for m in wa["house"]][:1] == [(1, "https://delbene.house.gov")]
    assert "vacant" not in wa


def test_the_json_keeps_hostile_text_as_data(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script>\n"quoted"'

    def rename(documents: dict[str, Any]) -> None:
        documents["members"]["members"][6]["name"] = hostile  # Sen. Cantwell

    changed = load(copy_data(tmp_path / "data", rename))
    wa = json.loads(state_json(state_members_view(views(changed), "WA")))
    assert wa["senators"][0]["short"] == f"Sen. {hostile} (D)"


def test_no_state_loads_more_than_30_kb_gzip() -> None:
    real = load_site_data(ROOT / "data", schema_dir=SCHEMA_DIR)
    site = SiteMap({**PAGES, **{f"members/{m['state'].lower()}.md": "x/" for m in real.members}}, SITE)
    files = member_files(SiteViews(real, site, BEFORE))
    assert len(files) == 56  # the states, DC and five territories
    largest = max(len(gzip.compress(content.encode(), 9)) for content in files.values())
    assert largest <= 30 * 1024, largest
    california = json.loads(files["members/ca.json"])
    assert len(california["senators"]) == 2 and len(california["house"]) >= 50


# ---- The look-up's block ------------------------------------------------------------------------


def test_the_look_up_offers_every_state_by_name_with_a_labelled_control(data) -> None:
    tags = parse(block(data, "member-lookup")).tags
    options = [attrs.get("value") for tag, attrs in tags if tag == "option"]
    assert options == ["", "AK", "DC", "FL", "PR", "WA"]  # by name: Alaska, District of Columbia, Florida, ...
    labels = {attrs["for"] for tag, attrs in tags if tag == "label"}
    assert labels == {"member-state", "member-district"}
    assert (
        "p",
        {"class": "member-lookup__status", "role": "status", "aria-live": "polite", "aria-atomic": "true"},
    ) in tags
    lookup = next(attrs for tag, attrs in tags if attrs.get("class") == "member-lookup")
    assert (lookup["data-member-lookup"], lookup["data-members"]) == ("../assets/members.js", "../members/")
    assert ("script", {"src": "../assets/members-lookup.js", "defer": None}) in tags
    # Without JavaScript the controls stay hidden and the members page is the way.
    assert ("div", {"class": "member-lookup__controls", "hidden": None}) in tags
    assert ("a", {"href": "../members/"}) in tags


def test_the_members_page_links_every_state(data) -> None:
    html = block(data, "members", page="members/index.md")
    links = [attrs["href"] for tag, attrs in parse(html).tags if tag == "a"]
    assert links[:5] == [f"../members/{code}/" for code in ("ak", "dc", "fl", "pr", "wa")]  # by name
    assert "5 senators, 4 representatives, 1 delegate and 1 resident commissioner, by state." in text_of(html)


# ---- Out of date once a new Congress sits ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "stale"),
    [
        (datetime.date(2027, 1, 2), None),  # the 119th Congress still sits
        (datetime.date(2027, 1, 3), 120),  # the 120th's first day
        (datetime.date(2028, 5, 1), 120),
    ],
)
def test_the_list_is_out_of_date_once_a_new_congress_sits(day: datetime.date, stale: int | None) -> None:
    assert members_stale("2026-06-15", day) == stale
    assert members_stale("2027-01-03", datetime.date(2027, 1, 4)) is None  # refreshed on that day


def test_the_look_up_and_the_pages_warn_when_the_list_is_out_of_date(data) -> None:
    for name, page in (("member-lookup", "act.md"), ("members", "members/index.md"), ("members-wa", "members/wa.md")):
        assert "This list is out of date" not in text_of(block(data, name, BEFORE, page)), name
        after = text_of(block(data, name, AFTER, page))
        assert "These are the members as of Jun 15, 2026, before the 120th Congress began on Jan 3, 2027." in after, (
            name
        )


def test_make_currency_lists_an_out_of_date_list(data) -> None:
    assert list(members_items(data, datetime.date(2027, 1, 2))) == []
    [due] = members_items(data, datetime.date(2027, 1, 3))
    assert due.subject == "data/members.yml"
    assert due.reason == (
        "lists the members as of Jun 15, 2026, before the 120th Congress began on Jan 3, 2027: run make refresh-members"
    )


# ---- Passages of a page that hold until a day, or from a day on -----------------------------------


PROSE = "A\n<!-- until:2027-01-03 -->\nPass it.\n<!-- end until -->\n<!-- from:2027-01-03 -->\nReintroduce it.\n<!-- end from -->\nB"


@pytest.mark.parametrize(
    ("day", "kept", "left_out"),
    [
        (datetime.date(2027, 1, 2), "Pass it.", "Reintroduce it."),
        (datetime.date(2027, 1, 3), "Reintroduce it.", "Pass it."),
    ],
)
def test_dated_passages_turn_over_on_their_day(day: datetime.date, kept: str, left_out: str) -> None:
    out = dated_prose(PROSE, day, "act.md")
    assert kept in out and left_out not in out and out.startswith("A\n") and out.endswith("B")
    assert "<!--" not in out


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        ("<!-- until:2027-01-03 -->\nno end", "has no partner"),
        ("text\n<!-- end from -->", "has no partner"),
        ("<!-- from:2027-02-30 -->x<!-- end from -->", "'from:2027-02-30' is not a real date"),
    ],
)
def test_a_broken_dated_passage_stops_the_build(markdown: str, words: str) -> None:
    with pytest.raises(MarkerError, match=words):
        dated_prose(markdown, BEFORE, "act.md")


def test_the_real_act_page_says_before_and_after_the_end_of_the_119th_congress(data) -> None:
    act = (ROOT / "docs" / "act.md").read_text(encoding="utf-8")
    before = dated_prose(act, datetime.date(2026, 12, 5), "act.md")
    after = dated_prose(act, AFTER, "act.md")
    assert "Congress usually stops work for the year in mid or late December" in before
    assert "senators can still pass it this Congress" in before
    assert "The 119th Congress ended at noon on Jan 3, 2027" in after
    for words in ("usually stops work", "can still pass", "Before Congress adjourns"):
        assert words not in after


def test_a_member_without_an_office_number_yet_gets_the_switchboard(tmp_path: Path) -> None:
    def no_phone(documents: dict[str, Any]) -> None:
        next(m for m in documents["members"]["members"] if m["bioguide"] == "D000617").pop("phone")

    html = block(load(copy_data(tmp_path / "data", no_phone)), "members-wa", page="members/wa.md")
    assert (
        "Rep. Suzan K. DelBene (D), District 1, no office number listed yet: the Capitol switchboard, 202-224-3121"
        in (text_of(html))
    )
    assert ("a", {"href": "tel:+12022243121"}) in parse(html).tags

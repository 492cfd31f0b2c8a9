"""The one-minute punch-list and What you can do, as rendered: the counts line and its links,
the legend (the schema's words), the next-step column, bills that died with their Congress
(on a fixed build date), and the asks, call script and letter made from the next steps.
Hostile text in these blocks: test_hostile_text.py. The data's own checks: test_next_steps.py."""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_DATA, SCHEMA_DIR, bill_record
from site_data import SiteData, load_site_data
from site_render import PUNCH_LIST_PLACE, SiteRenderer, insert_after_h1
from site_text import fold
from site_views import SiteMap, whom
from test_hostile_text import copy_data
from test_site_render import PAGES, SITE, parse

BEFORE_END = datetime.date(2026, 12, 1)  # the 119th Congress still sits
AFTER_END = datetime.date(2027, 1, 4)  # it ended at noon on 2027-01-03


def load(data_dir: Path) -> SiteData:
    return load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load(FIXTURE_DATA)


def with_bill_of_119th(documents: dict[str, Any]) -> None:
    """Two bills of the 119th Congress, not enacted, sponsored by Washington's Sen. Cantwell and
    Rep. Jayapal (fixture members), named by the ILO proposal's next step (Congress's step), with
    a step written for after Jan 3, 2027; more asks on the other proposal (an agency's, so asks
    of both chambers); and the 116th Congress's dead bill added to its vehicle."""
    bills = documents["bills"]["bills"]
    bills.append(
        {
            **bill_record("s9-119", "S. 9", "An example act", introduced="2025-02-01"),
            "sponsor": "Sen. Maria Cantwell (D-WA)",
            "sponsor_id": "C000127",
        }
    )
    bills.append(
        {
            **bill_record("hr9-119", "H.R. 9", "An example act", introduced="2025-02-01"),
            "sponsor": "Rep. Pramila Jayapal (D-WA)",
            "sponsor_id": "J000298",
        }
    )
    documents["proposals"]["proposals"][1]["next"] = {
        "step": "Pass S. 9 or H.R. 9 before Congress adjourns",
        "who": "Congress",
        "acts": ["congress"],
        "vehicles": {"bills": ["s9-119", "hr9-119"]},
        "review_by": "2026-12-18",
        "asks": [
            {
                "to": "senate",
                "priority": 1,
                "bill": "s9-119",
                "ask": "Please cosponsor S. 9.",
                "sponsor_ask": "Thank you for sponsoring S. 9; please press for a vote.",
            },
            {
                "to": "house",
                "priority": 1,
                "bill": "hr9-119",
                "ask": "Please cosponsor H.R. 9.",
                "sponsor_ask": "Thank you for sponsoring H.R. 9; please press for a vote.",
            },
            {"to": "senate", "priority": 4, "ask": "Please hold a Senate hearing on S. 9."},
        ],
        "later": [
            {
                "from": "2027-01-03",
                "step": "Reintroduce the example act in the 120th Congress",
                "who": "Congress",
                "acts": ["congress"],
                "vehicles": {"action": "A new bill in the 120th Congress"},
                "review_by": "2027-03-31",
                "asks": [
                    {
                        "to": "senate",
                        "priority": 1,
                        "bill": "s9-119",
                        "ask": "Please lead or cosponsor a new example act (S. 9 last Congress).",
                        "sponsor_ask": "Thank you for sponsoring S. 9 last Congress; please reintroduce it.",
                    },
                    {"to": "house", "priority": 1, "ask": "Please lead or cosponsor a new example act in the House."},
                ],
            }
        ],
    }
    region = documents["proposals"]["proposals"][0]
    region["next"]["asks"] = [
        {"to": "both", "priority": 2, "ask": "Please press CBP to keep enforcing the regional order."},
        {"to": "both", "priority": 3, "ask": "Please press CBP to publish its monthly figures."},
    ]
    region["vehicle"]["bills"].append("hr6210-116")


@pytest.fixture(scope="module")
def with_live_bill(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    return load(copy_data(tmp_path_factory.mktemp("live") / "data", with_bill_of_119th))


def punch_list(data: SiteData, src_uri: str = "index.md", today: datetime.date = BEFORE_END) -> str:
    return SiteRenderer(data, _site(), today).punch_list(src_uri, PAGES[src_uri])


def block(data: SiteData, name: str, today: datetime.date = BEFORE_END) -> str:
    marker = f"<!-- data:{name} -->"
    return SiteRenderer(data, _site(), today).page_blocks(marker, "about.md", "about/").fill(marker)


def _site() -> SiteMap:
    return SiteMap(PAGES, SITE)


def text_of(fragment: str) -> str:
    return fold(" ".join(parse(fragment).text))


def schema_states() -> list[dict[str, str]]:
    schema = json.loads((SCHEMA_DIR / "proposals.schema.json").read_text())
    return schema["$defs"]["state"]["oneOf"]


# ---- The counts line and the legend ---------------------------------------------------


def test_counts_line_counts_each_state_in_the_badges_words_and_links_to_its_first_row(data) -> None:
    parsed = parse(punch_list(data))
    start = parsed.tags.index(("p", {"class": "punch-list__counts"}))
    links = [attrs["href"] for tag, attrs in parsed.tags[start : start + 3] if tag == "a"]
    assert links == ["#region-wide-wro", "#ilo-inquiry"]
    # The fixture has one proposal done and one not done.
    assert "1 done · 1 not done" in text_of(punch_list(data))
    # Each row's id is its proposal's: an anchor as permanent as the proposal's own.
    ids = {
        attrs["data-proposal"]: attrs.get("id")
        for tag, attrs in parsed.tags
        if tag == "tr" and "data-proposal" in attrs
    }
    assert ids == {"region-wide-wro": "region-wide-wro", "ilo-inquiry": "ilo-inquiry"}


def test_a_third_proposal_in_a_state_counts_and_the_first_row_is_the_target(tmp_path: Path) -> None:
    def third(documents: dict[str, Any]) -> None:
        extra = json.loads(json.dumps(documents["proposals"]["proposals"][1]))
        extra["id"] = "another-ilo-step"
        documents["proposals"]["proposals"].append(extra)

    html = punch_list(load(copy_data(tmp_path / "data", third)))
    assert "1 done · 2 not done" in text_of(html)
    links = [
        href for tag, attrs in parse(html).tags if tag == "a" and (href := attrs.get("href") or "").startswith("#")
    ]
    assert links == ["#region-wide-wro", "#ilo-inquiry"]


def test_legend_says_what_each_state_in_use_means_in_the_schemas_words(data) -> None:
    html = punch_list(data)
    legend = html[
        html.index('<ul class="punch-list__legend"') : html.index("</ul>", html.index("punch-list__legend")) + 5
    ]
    states = {option["const"]: option for option in schema_states()}
    for state in ("done", "not-done"):
        assert f'status--{state}">{states[state]["title"]}</span>' in legend
        assert states[state]["description"] in text_of(legend)
    assert states["reversed"]["description"] not in text_of(legend)  # no proposal is reversed


def test_every_state_in_the_schema_has_a_meaning() -> None:
    for option in schema_states():
        assert option.get("description", "").strip(), option["const"]


def test_other_pages_fold_the_list_under_the_counts_line(data) -> None:
    html = punch_list(data, "about.md")
    summary = html[html.index("<summary>") : html.index("</summary>")]
    assert "1 done · 1 not done" in text_of(summary)
    assert "<a " not in summary  # a link inside the summary would fight its toggle
    assert "<details>" in html and "open" not in html.split("<summary>")[0]


# ---- The next-step column -------------------------------------------------------------


def test_each_row_shows_its_next_step_who_and_vehicles(data) -> None:
    parsed = parse(punch_list(data))
    headers = [text for text in parsed.text if text in {"Proposal and status", "Next step", "Who acts next"}]
    assert headers == ["Proposal and status", "Next step", "Who acts next"]
    text = text_of(punch_list(data))
    assert "Keep enforcing the regional order under the UFLPA" in text
    assert "Through: H.R. 6256 ; UFLPA enforcement" in text  # (text parts joined with spaces)
    assert "Back an ILO complaint against China" in text and "Labor Department" in text


def test_each_row_gives_its_status_in_a_line_then_its_latest_development(data) -> None:
    html = punch_list(data)
    text = text_of(html)
    assert (
        "Issue a region-wide WRO on Xinjiang cotton and tomatoes "
        "Regional order since 2021; the import ban's presumption since 2022. Latest development Jun 21, 2022"
    ) in text
    assert ("time", {"datetime": "2022-06-21"}) in parse(html).tags
    # every row was checked on the caption's date, so no row repeats it
    assert "status checked Nov 27, 2026" in text and text.count("Nov 27, 2026") == 1


def with_an_earlier_search(documents: dict[str, Any]) -> None:
    documents["proposals"]["proposals"][1]["status"]["searched"] = "2026-10-01"


def test_a_row_searched_before_the_captions_date_says_when(tmp_path: Path) -> None:
    data = load(copy_data(tmp_path / "data", with_an_earlier_search))
    text = text_of(punch_list(data))
    assert (
        "No complaint found. Latest development Jun 1, 2025 ; checked Oct 1, 2026" in text
    )  # (text parts joined with spaces)
    assert "Latest development Jun 21, 2022 " in text  # the other row: checked on the caption's date


def test_badge_sits_beside_the_title(data) -> None:
    tags = parse(punch_list(data)).tags
    first = tags.index(("td", {"class": "punch-list__proposal"}))
    assert tags[first + 1] == ("span", {"class": "status status--done"})
    assert tags[first + 2] == ("a", {"href": "customs/#region-wide-wro"})


def test_the_home_page_can_place_the_list_below_its_lead() -> None:
    page = '<article class="md-content__inner md-typeset"><h1>T</h1><p>Lead</p>' + PUNCH_LIST_PLACE + "<p>More</p>"
    assert insert_after_h1(page, "<div>LIST</div>").index("LIST") > page.index("Lead")
    assert insert_after_h1("<h1>T</h1><p>Lead</p>", "<div>LIST</div>").startswith("<h1>T</h1>\n<div>LIST</div>")


# ---- Bills that died with their Congress, on the build date ----------------------------


def test_the_step_written_for_after_the_congress_replaces_its_bills_on_that_day(with_live_bill) -> None:
    before = text_of(punch_list(with_live_bill, today=BEFORE_END))
    after = text_of(punch_list(with_live_bill, today=AFTER_END))
    assert "Pass S. 9 or H.R. 9 before Congress adjourns" in before and "Reintroduce" not in before
    assert "Reintroduce the example act in the 120th Congress" in after
    assert "Pass S. 9" not in after and "S. 9 (died" not in after
    # The last day of the 119th Congress and the first of the 120th (Jan 3 counts as ended: noon).
    assert "Pass S. 9" in text_of(punch_list(with_live_bill, today=datetime.date(2027, 1, 2)))
    assert "Reintroduce" in text_of(punch_list(with_live_bill, today=datetime.date(2027, 1, 3)))


def test_an_enacted_bill_never_dies_and_an_old_one_says_it_did(with_live_bill) -> None:
    marker = "<!-- status:region-wide-wro -->"
    box = SiteRenderer(with_live_bill, _site(), BEFORE_END).page_blocks(marker, "customs.md", "customs/").fill(marker)
    text = text_of(box)
    assert "H.R. 6256" in text and "H.R. 6256 (died" not in text
    assert "H.R. 6210 (died with the 116th Congress)" in text


# ---- What you can do: asks, and each chamber's call script and letter, from the data --------


def test_asks_are_the_next_steps_congress_first(with_live_bill) -> None:
    parsed = parse(block(with_live_bill, "asks"))
    rows = [attrs["id"] for tag, attrs in parsed.tags if tag == "tr" and "id" in attrs]
    assert rows == ["ask-ilo-inquiry", "ask-region-wide-wro"]  # Congress's step, then the agency's
    text = text_of(block(with_live_bill, "asks"))
    assert "Pass S. 9 or H.R. 9 before Congress adjourns" in text and "Keep enforcing the regional order" in text
    assert "Ask your senators and representative to do it" in text and "Ask your members to press them" in text


@pytest.mark.parametrize(
    ("acts", "words"),
    [
        (["senate"], "Ask your senators to do it"),
        (["house"], "Ask your representative to do it"),
        (["senate", "agency"], "Ask your senators to do it; ask your members to press them"),
        (["agency"], "Ask your members to press them"),
        (["congress"], "Ask your senators and representative to do it"),
    ],
)
def test_whom_to_ask_follows_who_acts(acts: list[str], words: str) -> None:
    assert whom(acts) == words


def script_asks(data: SiteData, name: str, today: datetime.date = BEFORE_END) -> list[str]:
    """The numbered asks of a call script or letter, as shown."""
    return re.findall(r"^[0-9]\. (.*)$", text_in_pre(block(data, name, today)), re.M)


def text_in_pre(fragment: str) -> str:
    start = fragment.index("<pre")
    return html.unescape(re.sub(r"<[^>]+>", "", fragment[fragment.index(">", start) + 1 : fragment.index("</pre>")]))


def test_each_chamber_gets_at_most_three_asks_its_own_or_both_most_urgent_first(with_live_bill) -> None:
    for kind in ("call-script", "letter"):
        assert script_asks(with_live_bill, f"{kind}-senate") == [
            "Please cosponsor S. 9.",
            "Please press CBP to keep enforcing the regional order.",
            "Please press CBP to publish its monthly figures.",
        ]  # the Senate hearing (priority 4) is a fourth: left out
        assert script_asks(with_live_bill, f"{kind}-house") == [
            "Please cosponsor H.R. 9.",
            "Please press CBP to keep enforcing the regional order.",
            "Please press CBP to publish its monthly figures.",
        ]


def test_the_scripts_turn_over_on_jan_3_2027(with_live_bill) -> None:
    for day in (AFTER_END, datetime.date(2027, 1, 3)):
        senate = script_asks(with_live_bill, "call-script-senate", day)
        assert senate[0] == "Please lead or cosponsor a new example act (S. 9 last Congress)."
        house = script_asks(with_live_bill, "letter-house", day)
        assert house[0] == "Please lead or cosponsor a new example act in the House."
        assert not [a for a in senate + house if "cosponsor S. 9." in a or "cosponsor H.R. 9." in a]
    assert script_asks(with_live_bill, "call-script-senate", datetime.date(2027, 1, 2))[0] == "Please cosponsor S. 9."


def test_a_sponsor_is_thanked_instead_of_asked_to_cosponsor(with_live_bill) -> None:
    tags = parse(block(with_live_bill, "call-script-senate")).tags
    sponsored = [attrs for tag, attrs in tags if "data-sponsor" in attrs]
    assert sponsored == [
        {"data-sponsor": "C000127", "data-sponsor-text": "Thank you for sponsoring S. 9; please press for a vote."}
    ]
    names = [attrs for tag, attrs in tags if "data-member-name" in attrs]
    assert len(names) == 2  # "I am asking [Senator NAME] ..." and "Where does [Senator NAME] stand"


def test_the_scripts_address_their_chamber(with_live_bill) -> None:
    assert "I am asking [Senator NAME] to do three things:" in text_in_pre(block(with_live_bill, "call-script-senate"))
    assert "Dear [Representative NAME]," in text_in_pre(block(with_live_bill, "letter-house"))
    assert "Subject: Forced labor in Xinjiang: three requests" in text_in_pre(block(with_live_bill, "letter-house"))


def test_a_new_ask_in_the_data_reaches_both_chambers_scripts(tmp_path: Path) -> None:
    def new_ask(documents: dict[str, Any]) -> None:
        documents["proposals"]["proposals"][0]["next"]["asks"][0]["ask"] = (
            "Please press CBP to publish monthly detention figures."
        )

    changed = load(copy_data(tmp_path / "data", new_ask))
    for name in ("call-script-senate", "call-script-house", "letter-senate", "letter-house"):
        assert "Please press CBP to publish monthly detention figures." in script_asks(changed, name)


def test_scripts_carry_a_named_copy_button_that_copies_the_text_shown(data) -> None:
    for name, label in (
        ("call-script-senate", "Copy the Senate call script"),
        ("letter-house", "Copy the House letter"),
    ):
        tags = parse(block(data, name)).tags
        assert tags[0] == (
            "div",
            {
                "class": "copy-block",
                "data-copy-text": None,
                "data-copy-label": label,
                "data-chamber": name.split("-")[-1],
            },
        )
        assert tags[1] == ("pre", {"class": "copy-block__text"})

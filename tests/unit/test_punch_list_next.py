"""The one-minute punch-list and What you can do, as rendered: the counts line and its links,
the legend (the schema's words), the next-step column, bills that died with their Congress
(on a fixed build date), and the asks, call script and letter made from the next steps.
Hostile text in these blocks: test_hostile_text.py. The data's own checks: test_next_steps.py."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_DATA, SCHEMA_DIR, bill_record
from site_data import SiteData, load_site_data
from site_render import PUNCH_LIST_PLACE, SiteRenderer, insert_after_h1
from site_text import fold
from site_views import SiteMap
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
    """A bill of the 119th Congress, not enacted, named by the ILO proposal's next step (a
    Congress's step), and the 116th Congress's dead bill added to the other's vehicle."""
    documents["bills"]["bills"].append(bill_record("s9-119", "S. 9", "An example act", introduced="2025-02-01"))
    ilo = documents["proposals"]["proposals"][1]["next"]
    ilo.update({"step": "Pass S. 9 in the Senate", "who": "Senate", "review_by": "2026-12-18"})
    ilo["vehicles"] = {"bills": ["s9-119"]}
    documents["proposals"]["proposals"][0]["vehicle"]["bills"].append("hr6210-116")


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
    assert "Back an article 26 complaint" in text and "Labor Department" in text


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


def test_a_bill_of_the_sitting_congress_is_plain_until_it_ends(with_live_bill) -> None:
    before = text_of(punch_list(with_live_bill, today=BEFORE_END))
    after = text_of(punch_list(with_live_bill, today=AFTER_END))
    assert "S. 9" in before and "died with the 119th Congress" not in before
    assert "S. 9 (died with the 119th Congress)" in after


def test_an_enacted_bill_never_dies_and_an_old_one_says_it_did(with_live_bill) -> None:
    marker = "<!-- status:region-wide-wro -->"
    box = SiteRenderer(with_live_bill, _site(), BEFORE_END).page_blocks(marker, "customs.md", "customs/").fill(marker)
    text = text_of(box)
    assert "H.R. 6256" in text and "H.R. 6256 (died" not in text
    assert "H.R. 6210 (died with the 116th Congress)" in text


def test_the_asks_and_scripts_say_a_bill_died_after_its_congress(with_live_bill) -> None:
    for name in ("asks", "call-script", "letter"):
        assert "died with the 119th Congress" not in block(with_live_bill, name, BEFORE_END), name
    assert "Through: S. 9 (died with the 119th Congress)" in text_of(block(with_live_bill, "asks", AFTER_END))
    for name in ("call-script", "letter"):
        assert "Pass S. 9 in the Senate (S. 9 died with the 119th Congress)" in block(with_live_bill, name, AFTER_END)


# ---- What you can do: asks, call script and letter from the data ---------------------------


def test_asks_are_the_next_steps_congress_first(with_live_bill) -> None:
    parsed = parse(block(with_live_bill, "asks"))
    rows = [attrs["id"] for tag, attrs in parsed.tags if tag == "tr" and "id" in attrs]
    assert rows == ["ask-ilo-inquiry", "ask-region-wide-wro"]  # the Senate's step, then the agency's
    text = text_of(block(with_live_bill, "asks"))
    assert "Pass S. 9 in the Senate" in text and "Keep enforcing the regional order under the UFLPA" in text
    assert "Ask your members to do it" in text and "Ask your members to press them" in text


def scripts(data: SiteData) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in ("call-script", "letter"):
        [copy_text] = [
            attrs["data-copy-text"] for tag, attrs in parse(block(data, name)).tags if "data-copy-text" in attrs
        ]
        assert copy_text is not None
        found[name] = copy_text
        assert fold(copy_text) == text_of(block(data, name))  # the copied text is the text shown
    return found


def test_call_script_and_letter_hold_the_asks(with_live_bill) -> None:
    texts = scripts(with_live_bill)
    assert (
        "\n1. Pass S. 9 in the Senate\n2. Press DHS/CBP: Keep enforcing the regional order under the UFLPA\n"
        in texts["call-script"]
    )
    assert "I would like [Senator / Representative NAME] to do two things:" in texts["call-script"]
    assert "I ask you to:\n\n1. Pass S. 9 in the Senate\n" in texts["letter"]
    assert "\n- DHS/CBP: Keep enforcing the regional order under the UFLPA\n" in texts["letter"]


def test_a_new_step_in_the_data_reaches_the_asks_and_both_scripts(tmp_path: Path) -> None:
    def new_step(documents: dict[str, Any]) -> None:
        documents["proposals"]["proposals"][0]["next"]["step"] = "Publish monthly detention figures"

    changed = load(copy_data(tmp_path / "data", new_step))
    assert "Publish monthly detention figures" in text_of(block(changed, "asks"))
    for text in scripts(changed).values():
        assert "Publish monthly detention figures" in text


def test_scripts_carry_a_named_copy_button(data) -> None:
    for name, label in (("call-script", "Copy the call script"), ("letter", "Copy the letter")):
        tags = parse(block(data, name)).tags
        assert (
            "div",
            {"class": "copy-block", "data-copy-text": tags[0][1]["data-copy-text"], "data-copy-label": label},
        ) == tags[0]
        assert tags[1] == ("pre", {"class": "copy-block__text"})

"""The built site is written for readers: no research notes on any page, in search or in the
feed, and no statute, order or article number on the home page's punch-list (which is what
prints). The phrases and the pattern: reader_text.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_text import RESEARCH_PHRASE, hits, legal_number_pattern, page_files, visible_text

LEGAL_NUMBER = legal_number_pattern()


def test_no_research_note_is_on_any_built_page(built_site: Path) -> None:
    found = []
    for path in page_files(built_site):
        text = visible_text(path.read_text(encoding="utf-8"))
        found += hits(RESEARCH_PHRASE, text, path.relative_to(built_site).as_posix())
    assert not found, "research notes on the page (say what is known, with its source):\n" + "\n".join(found)


@pytest.mark.parametrize("name", ["search/search_index.json", "feed.xml"])
def test_no_research_note_reaches_search_or_the_feed(built_site: Path, name: str) -> None:
    text = (built_site / name).read_text(encoding="utf-8")
    assert not hits(RESEARCH_PHRASE, text, name)


def test_the_home_pages_punch_list_has_no_statute_order_or_article_number(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    table = visible_text(html, within="punch-list--full")
    assert "Next step" in table and "Who acts next" in table  # the table itself was found
    found = hits(LEGAL_NUMBER, table, "home page's punch-list")
    assert not found, "legal numbers belong on the lever pages:\n" + "\n".join(found)


# ---- The checks themselves can fail -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the report of their letter we saw does not say",
        "every copy of the list read here breaks off after its first rows",
        "the list section of each was not seen",
        "The newest source seen is CBP's own release",
        "the order was not checked against CBP's live list",
        "No notice after Jan 15, 2025 could be read.",
        "(stored copy cut off after the second row)",
        "the copies we read stop at row 12",
        "the orders that we could confirm",
    ],
)
def test_each_research_phrase_is_caught(text: str) -> None:
    assert RESEARCH_PHRASE.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The threat of being cut off from dollars can force a firm to change.",
        "No such penalty is confirmed in an official text.",
        "CBP's list of orders and Findings is the authority.",
    ],
)
def test_plain_sentences_pass(text: str) -> None:
    assert not RESEARCH_PHRASE.search(text)


@pytest.mark.parametrize(
    "text", ["19 U.S.C. 1307", "E.O. 13818", "Executive Order 14256", "P.L. 117-78", "USMCA Art. 23.6", "§ 307"]
)
def test_each_kind_of_legal_number_is_caught(text: str) -> None:
    assert LEGAL_NUMBER.search(text)


def test_only_the_table_is_read_when_asked() -> None:
    html = '<p>E.O. 13818</p><div class="x punch-list--full"><table><tr><td>Plain <b>words</b></td></tr></table></div><p>§ 3</p>'
    assert visible_text(html, within="punch-list--full") == "Plain words"

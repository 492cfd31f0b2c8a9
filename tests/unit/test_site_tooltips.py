"""Glossary tooltips in the pages' own text: at a term's first use after each heading, none in footnotes."""

from __future__ import annotations

import re

import markdown

from site_tooltips import GlossaryTooltips

GLOSSARY = "*[CBP]: U.S. Customs and Border Protection\n*[WRO]: Withhold Release Order\n"


def html(text: str) -> str:
    return markdown.markdown(
        text + "\n\n" + GLOSSARY, extensions=["abbr", "footnotes", "tables", "attr_list", GlossaryTooltips()]
    )


def tooltips(fragment: str) -> list[str]:
    return re.findall(r"<abbr[^>]*>([^<]*)</abbr>", fragment)


def words(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_a_term_keeps_its_tooltip_at_its_first_use_in_each_section() -> None:
    page = html(
        "Intro: CBP and a WRO, then CBP again.\n\n"
        "## Orders { #orders }\n\nCBP issued a WRO; CBP's WRO held.\n\n"
        "- CBP in a list\n\n"
        "### Lifted\n\n| Who | What |\n|---|---|\n| CBP | WRO |\n"
    )
    assert tooltips(page) == ["CBP", "WRO", "CBP", "WRO", "CBP", "WRO"]  # intro, Orders, Lifted
    assert "then CBP again." in words(page) and "CBP's WRO held." in words(page)  # the words all stay
    assert "<li>CBP in a list</li>" in page  # a repeat in the same section, as plain text


def test_a_term_in_a_heading_is_its_first_use_in_that_section() -> None:
    page = html("## What CBP does\n\nCBP holds goods.\n")
    assert tooltips(page) == ["CBP"]
    assert re.search(r"<h2[^>]*>What <abbr [^>]*>CBP</abbr> does</h2>", page)


def test_footnotes_the_pages_sources_carry_no_tooltip() -> None:
    page = html('A WRO.[^a]\n\n[^a]: CBP, "WRO on cotton", <https://example.org/wro>.')
    footnotes = page[page.index('<div class="footnote">') :]
    assert tooltips(footnotes) == [] and 'CBP, "WRO on cotton"' in words(footnotes).replace("&quot;", '"')
    assert tooltips(page) == ["WRO"]  # the text's own use keeps it
    backref = re.search(r"<a [^>]*footnote-backref[^>]*>", footnotes)
    assert backref and "title=" not in backref.group(0)  # Material would mount a tooltip for it
    assert 'aria-label="Jump back to footnote 1 in the text"' in backref.group(0)

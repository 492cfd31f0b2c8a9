"""Print: the punch-list on one sheet (Letter and A4), and every page clean on paper."""

from __future__ import annotations

import io
import re
from typing import Any

import pypdf
import pytest

from site_text import fold, format_date

pytestmark = pytest.mark.browser

LETTER_PT = (612, 792)
# A4 (210 mm) less the site's 11 mm side margins, in CSS pixels (96 per inch); Letter is wider.
PRINT_WIDTH_PX = int((210 - 2 * 11) / 25.4 * 96)
A4_PT = (595.3, 841.9)

# Site chrome and controls that must not reach paper.
NOT_ON_PAPER = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-skip",
    "button",
    "a.headerlink",
    ".no-print",
    ".copy-status",
]


def squash(text: str) -> str:
    """Text without any whitespace, so that words wrapped across lines still match."""
    return re.sub(r"\s+", "", text)


def pdf_pages(pdf: bytes) -> list[Any]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def page_size(pdf_page: Any) -> tuple[float, float]:
    box = pdf_page.mediabox
    return float(box.width), float(box.height)


def open_for_print(context: Any, url: str) -> Any:
    page = context.new_page()
    page.goto(url, wait_until="load")  # site.js has run by now: its buttons are in place
    page.emulate_media(media="print")
    return page


# ---- The punch-list on one sheet ------------------------------------------------------


@pytest.mark.parametrize("which", ["default", "long-url"])
def test_punch_list_prints_on_one_letter_page_and_one_a4_page(which, request, expected, new_context):
    served = request.getfixturevalue("site" if which == "default" else "long_url_site")
    site_url = served.site_url
    page = open_for_print(new_context(), served.url())

    # The site's own page size wins when preferred, even over an A4 default.
    letter = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    a4 = pdf_pages(page.pdf(format="A4"))  # a printer that forces A4 over the CSS size

    assert page_size(letter[0]) == pytest.approx(LETTER_PT, abs=1), "the site's @page size is not US Letter"
    assert page_size(a4[0]) == pytest.approx(A4_PT, abs=1)
    assert len(letter) == 1, f"the punch-list prints on {len(letter)} Letter pages"
    assert len(a4) == 1, f"the punch-list prints on {len(a4)} A4 pages"

    for paper, pages in (("Letter", letter), ("A4", a4)):
        text = squash(pages[0].extract_text())
        # The header: site name, the page's address and the date the list was checked, in prose.
        assert squash(expected.site_name) in text, paper
        assert squash(site_url) in text, f"{paper}: the page's address is not printed"
        checked = squash(f"Status checked {format_date(expected.checked)}")
        assert checked in text, f"{paper}: the checked date is not printed in the header"
        assert text.index(squash(expected.site_name)) < text.index(squash(expected.proposals[0]["title"]))
        assert text.index(checked) < text.index(squash(expected.proposals[0]["title"]))
        # Every proposal, whole, with the short address that leads to its details.
        for proposal in expected.proposals:
            assert squash(proposal["title"]) in text, f"{paper}: {proposal['id']} missing or cut"
            address = re.sub(r"^https?://", "", site_url) + expected.lever_url(proposal["lever"]) + "#" + proposal["id"]
            assert squash(address) in text, f"{paper}: the address {address} is not printed"
            # Its next step, whole, and who must take it.
            assert squash(fold(proposal["next"]["step"])) in text, f"{paper}: the next step of {proposal['id']}"
            assert squash(fold(proposal["next"]["who"])) in text, f"{paper}: who acts next on {proposal['id']}"


def test_punch_list_rows_are_whole_and_addresses_show_only_on_paper(site, expected, new_context):
    page = new_context(viewport={"width": PRINT_WIDTH_PX, "height": 1000}).new_page()
    page.goto(site.url(), wait_until="load")
    rows = page.locator(".punch-list tr[data-proposal]")
    assert rows.count() == len(expected.proposals)
    addresses = page.locator(".punch-list .punch-list__address")
    assert addresses.count() == len(expected.proposals)
    assert not any(addresses.nth(i).is_visible() for i in range(addresses.count())), "addresses show on screen"

    page.emulate_media(media="print")
    for i in range(addresses.count()):
        assert addresses.nth(i).is_visible(), "an address is hidden on paper"
    # Nothing in a row is clipped or overflows its cell.
    clipped = page.evaluate(
        """() => Array.from(document.querySelectorAll('.punch-list tr[data-proposal] td'))
            .filter(td => getComputedStyle(td).display === 'none' || td.scrollWidth > td.clientWidth + 1
                          || td.scrollHeight > td.clientHeight + 1)
            .map(td => td.textContent.slice(0, 60))"""
    )
    assert clipped == []
    for i in range(rows.count()):
        assert rows.nth(i).is_visible()


# One look at a page in print media: everything the checks below need, in one round trip.
PRINT_FACTS = """(notOnPaper) => {
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const article = document.querySelector('article');
    const after = a => getComputedStyle(a, '::after').content;
    const texts = article.querySelectorAll('h1, h2, h3, p, td, th, li, dt, dd, a, caption, summary');
    return {
        scheme: document.body.getAttribute('data-md-color-scheme'),
        chrome: notOnPaper.flatMap(sel => Array.from(document.querySelectorAll(sel)).filter(shown)
            .map(el => sel + ': ' + el.outerHTML.slice(0, 100))),
        printHeader: Array.from(document.querySelectorAll('.print-header')).filter(shown).length,
        backgrounds: [document.documentElement, document.body, article].map(el => getComputedStyle(el).backgroundColor),
        colours: [...new Set(Array.from(document.querySelectorAll('.print-header')).concat(Array.from(texts))
            .filter(shown).map(el => getComputedStyle(el).color))],
        theads: Array.from(article.querySelectorAll('thead')).filter(shown).map(t => getComputedStyle(t).display),
        rows: Array.from(article.querySelectorAll('tr')).filter(shown).map(r => getComputedStyle(r).breakInside),
        outside: Array.from(article.querySelectorAll('a[href]'))
            .filter(a => shown(a) && /^https?:/.test(a.getAttribute('href')))
            .map(a => [a.getAttribute('href'), after(a)]),
        tooWide: Array.from(article.querySelectorAll('table, pre, img, dl, ul, ol, p'))
            .filter(el => shown(el) && el.getBoundingClientRect().right > article.getBoundingClientRect().right + 1)
            .map(el => el.tagName + ' ' + (el.textContent || '').trim().slice(0, 60)),
        overflowing: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        inside: Array.from(article.querySelectorAll('a[href]'))
            .filter(a => shown(a) && !/^https?:/.test(a.getAttribute('href')))
            .map(a => [a.getAttribute('href'), after(a)]),
    };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_prints_clean_black_on_white_with_whole_rows_and_link_addresses(scheme, site, new_context):
    """No site chrome, buttons or permalink marks; black text on white whatever the screen
    scheme; table headers repeated and rows kept whole; outside links followed by their address."""
    # Laid out at the width of the printable area of the narrower sheet (A4 less margins).
    page = new_context(color_scheme=scheme, viewport={"width": PRINT_WIDTH_PX, "height": 1000}).new_page()
    outside_links = 0
    for url in site.pages:
        name = url or "home"
        page.emulate_media(media="screen")
        page.goto(site.url(url), wait_until="load")
        on_screen = page.locator(".md-header").count() + page.locator(".md-sidebar--primary").count()
        assert on_screen == 2, f"{name}: expected the header and navigation on screen"
        page.emulate_media(media="print")
        facts = page.evaluate(PRINT_FACTS, NOT_ON_PAPER)

        assert facts["scheme"] == ("slate" if scheme == "dark" else "default"), name
        assert facts["chrome"] == [], f"{name}: shows in print: {facts['chrome']}"
        if url != "404.html":
            assert facts["printHeader"] == 1, f"{name}: no print header"
        assert facts["backgrounds"][:2] == ["rgb(255, 255, 255)"] * 2, (name, facts["backgrounds"])
        assert facts["backgrounds"][2] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), (name, facts["backgrounds"])
        assert facts["colours"] == ["rgb(0, 0, 0)"], f"{name}: text colours in print {facts['colours']}"

        assert facts["tooWide"] == [] and facts["overflowing"] <= 0, (
            f"{name}: cut off at the right edge: {facts['tooWide']}"
        )
        assert set(facts["theads"]) <= {"table-header-group"}, (name, facts["theads"])
        assert set(facts["rows"]) <= {"avoid"}, f"{name}: a table row may split across pages"
        for href, content in facts["outside"]:
            assert href in content, f"{name}: the address of {href} is not printed after it ({content})"
            outside_links += 1
        for href, content in facts["inside"]:
            assert content in ("none", "normal"), f"{name}: internal link {href} prints {content}"
    assert outside_links > 0, "no outside link was found to check"


def test_home_page_hides_its_extra_prose_in_print(site, new_context):
    page = new_context().new_page()
    page.goto(site.url(), wait_until="load")
    extra = page.locator("article .no-print")
    assert extra.count() >= 1 and extra.first.is_visible()
    page.emulate_media(media="print")
    assert not extra.first.is_visible()


# ---- Every other page on paper ------------------------------------------------------------


def test_a_long_table_prints_its_header_on_every_page_and_outside_addresses(site, expected, new_context):
    page = new_context().new_page()
    page.goto(site.url("wros/"), wait_until="load")
    page.emulate_media(media="print")
    header = page.locator(".wro-table thead").first.inner_text().split("\t")[0].strip()
    assert header
    pages = pdf_pages(page.pdf(prefer_css_page_size=True))
    texts = [squash(p.extract_text()) for p in pages]
    whole = "".join(texts)
    for wro in expected.wros:
        for source in wro["sources"]:
            assert squash(source["url"]) in whole, f"{source['url']} not printed"
    # The table (newest first) runs from the page where its first record's source prints to the page
    # where its last record's does (their first appearance: the footnotes come at the end); each of
    # those pages repeats the header.
    by_date = sorted(expected.wros, key=lambda wro: wro["date"])
    first_source, last_source = squash(by_date[-1]["sources"][0]["url"]), squash(by_date[0]["sources"][-1]["url"])
    start = next(i for i, text in enumerate(texts) if first_source in text)
    end = next(i for i, text in enumerate(texts) if last_source in text)
    assert end > start, "the WRO list should run over more than one page"
    for index in range(start, end + 1):
        assert squash(header) in texts[index], f"page {index + 1} of the WRO list has no table header"
    # No skip link or buttons in the PDF either.
    assert "Skiptocontent" not in whole and "Copyforemail" not in whole

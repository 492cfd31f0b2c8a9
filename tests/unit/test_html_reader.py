"""Reading finished pages with a tokenizer: the inline scripts, the top of the head, and the punch-list's place,
on the shapes the theme writes and on hostile markup (a `<script` in a comment, `>` in an attribute value, a second
`<h1>`, an `<article>` in the content)."""

from __future__ import annotations

import pytest

from html_reader import PUNCH_LIST_PLACE, InlineScript, head_place, inline_scripts, punch_list_place


def texts(page: str) -> list[str]:
    return [script.text for script in inline_scripts(page)]


def after_place(page: str) -> str:
    """The page from where the punch-list goes (an empty place: the text that follows it)."""
    start, end = punch_list_place(page)
    assert start == end, "a comment was found"
    return page[start:]


ARTICLE = '<article class="md-content__inner md-typeset">'

# ---- Inline scripts ---------------------------------------------------------------------


def test_the_scripts_a_browser_runs_in_page_order_with_their_lines() -> None:
    page = (
        "<html><head>\n<script>first()</script>\n"
        '<script src="bundle.js"></script>\n'
        '<script id="__config" type="application/json">{"base": "."}</script>\n'
        "</head><body>\n"
        '<SCRIPT TYPE="MODULE">import "./x.js";</SCRIPT>\n'
        '<script type="text/javascript; charset=utf-8">a data block</script>\n'
        '<script language="JavaScript">old()</script>\n'
        '<script type="application/ld+json">{}</script>\n'
        "</body></html>"
    )
    assert inline_scripts(page) == [
        InlineScript("first()", 2),
        InlineScript('import "./x.js";', 6),
        InlineScript("old()", 8),
    ]


def test_a_script_inside_a_comment_is_not_a_script() -> None:
    page = "<head><!-- <script>commented()</script> --><script>real()</script></head><!--<script>x()</script>-->"
    assert texts(page) == ["real()"]


def test_a_script_written_in_an_attribute_value_is_not_a_script() -> None:
    page = """<p title="<script>no()</script>" data-x='a > <script>no()</script>'>text</p><script>yes()</script>"""
    assert texts(page) == ["yes()"]


def test_greater_than_in_a_script_s_attribute_and_markup_in_its_text() -> None:
    page = """<script data-note="a > b" nonce='c>d'>if (a > b && c < d) { s = "<p>" + "</scrip" + "t>"; }</script>"""
    assert texts(page) == ["""if (a > b && c < d) { s = "<p>" + "</scrip" + "t>"; }"""]


def test_entities_in_a_script_are_its_text_as_written() -> None:
    # Script text is raw: a browser hashes "&amp;" as five characters, not as "&".
    assert texts("<script>a &amp;&amp; b; x = '&lt;';</script>") == ["a &amp;&amp; b; x = '&lt;';"]


def test_a_self_closed_script_tag_still_has_the_text_that_follows() -> None:
    # HTML ignores the slash: what follows <script/> is the script's text, which the browser runs.
    assert texts("<p>x</p><script/>run()</script><p>y</p>") == ["run()"]


def test_a_script_left_open_at_the_end_of_the_page_is_read_to_the_end() -> None:
    assert texts("<p>x</p><script>tail()") == ["tail()"]


def test_the_first_of_a_repeated_attribute_counts_as_in_html() -> None:
    assert texts('<script type="text/javascript" type="application/json">runs()</script>') == ["runs()"]
    assert texts('<script type="application/json" type="text/javascript">{}</script>') == []


# ---- The top of the head ------------------------------------------------------------------


def test_the_head_place_is_after_a_charset_that_opens_the_head() -> None:
    page = '<!doctype html><html><head>\n  <meta charset="utf-8">\n  <title>t</title></head>'
    place = head_place(page)
    assert place is not None and place.at == place.rest
    assert page[: place.at].endswith('<meta charset="utf-8">')


def test_without_a_charset_first_the_place_is_right_after_head() -> None:
    page = '<html><head><title>t</title><meta charset="utf-8"></head>'
    place = head_place(page)
    assert place is not None and page[: place.at] == "<html><head>"


def test_a_head_in_a_comment_or_an_attribute_is_not_the_head() -> None:
    page = '<!-- <head> --><html data-x="<head>" lang=en><HEAD data-y="a > b"><meta charset=utf-8><title>t</title>'
    place = head_place(page)
    assert place is not None and page[: place.at].endswith('<HEAD data-y="a > b"><meta charset=utf-8>')


def test_a_policy_tag_right_after_is_passed_over_so_that_it_is_replaced() -> None:
    page = '<head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="x"><title>t</title>'
    place = head_place(page)
    assert place is not None
    assert page[place.at : place.rest] == '\n<meta http-equiv="Content-Security-Policy" content="x">'
    # ... but not one further down, which the page's author put there
    later = '<head><meta charset="utf-8"><title>t</title><meta http-equiv="Content-Security-Policy" content="x">'
    place = head_place(later)
    assert place is not None and place.at == place.rest


@pytest.mark.parametrize("page", ["<p>no head</p><header>not a head</header>", "<body><head></head></body>", ""])
def test_no_head_before_the_body_is_no_place(page: str) -> None:
    assert head_place(page) is None


# ---- The punch-list's place ---------------------------------------------------------------


def test_the_place_is_right_after_the_first_h1_of_the_theme_s_article() -> None:
    page = f'<header><h1>Site</h1></header><main>{ARTICLE}<h1 id="t">Title</h1>\n<p>Intro</p><h1>Second</h1></article>'
    assert after_place(page).startswith("\n<p>Intro</p><h1>Second</h1>")


def test_markup_in_a_comment_an_attribute_or_a_script_is_not_the_article_or_its_h1() -> None:
    page = (
        f"<!-- {ARTICLE}<h1>in a comment</h1> -->"
        f"<div data-x='{ARTICLE}<h1>in an attribute</h1>' title=\"a > b\">"
        '<article class="md-content__inner md-typeset" data-note="1 > 0">'
        '<script>document.write("<h1>in a script</h1>")</script>'
        "<!-- </h1> -->"
        '<H1 title="a > </h1>">The title</H1><p>Intro</p></article></div>'
    )
    assert after_place(page).startswith("<p>Intro</p>")


def test_an_article_in_the_content_is_not_the_theme_s() -> None:
    # Content before the H1 that opens and closes its own <article>, even one with the theme's class.
    page = (
        '<article class="card"><h1>A card before the theme</h1></article>'
        f"{ARTICLE}<article><p>aside</p></article>"
        f'<article class="md-content__inner"><h1>Nested</h1></article>'
        '<h1 id="t">Title</h1><p>Intro</p></article>'
    )
    assert after_place(page).startswith("</article>")  # right after "Nested", the first H1 in the theme's article
    first = page.index("<h1>Nested</h1>") + len("<h1>Nested</h1>")
    assert punch_list_place(page) == (first, first)


def test_an_article_without_an_h1_takes_it_at_its_top() -> None:
    page = f"<h1>Outside</h1>{ARTICLE}<p>Intro</p></article><h1>After</h1>"
    assert after_place(page).startswith("<p>Intro</p>")


def test_a_page_without_the_theme_s_article_takes_it_after_its_first_h1_or_at_the_top() -> None:
    assert after_place("<p>a</p><h1>T</h1><p>b</p><h1>U</h1>").startswith("<p>b</p>")
    assert punch_list_place("<p>no heading</p>") == (0, 0)


def test_a_page_s_punch_list_comment_is_its_place_even_after_the_h1() -> None:
    page = f"{ARTICLE}<h1>Home</h1><p>Lead.</p><article><p>x</p></article>{PUNCH_LIST_PLACE}<p>More</p></article>"
    start, end = punch_list_place(page)
    assert page[start:end] == PUNCH_LIST_PLACE


def test_the_comment_s_text_elsewhere_is_not_the_place() -> None:
    # In an attribute value, in a script, and after the theme's article: the H1 counts.
    page = (
        f'{ARTICLE}<h1 title="{PUNCH_LIST_PLACE}">T</h1><p>Intro</p>'
        f'<script>var s = "{PUNCH_LIST_PLACE}";</script></article><footer>{PUNCH_LIST_PLACE}</footer>'
    )
    assert after_place(page).startswith("<p>Intro</p>")

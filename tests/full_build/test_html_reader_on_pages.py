"""hooks/html_reader.py on the theme's own pages, as built: it finds what the hooks put there where they put it."""

from __future__ import annotations

from pathlib import Path

from html_reader import head_place, inline_scripts, punch_list_place
from site_csp import script_hash


def built_pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
        if "assets" not in path.relative_to(site).parts
    }


def test_on_every_built_page_the_punch_list_stands_where_the_reader_places_it(built_site: Path) -> None:
    pages = built_pages(built_site)
    assert len(pages) >= 20
    for name, html in pages.items():
        if name == "404.html":
            continue  # the theme's own page: no punch-list
        start, end = punch_list_place(html)
        assert start == end, name  # the comment that marked the home page's place was replaced
        follows = html[start:].lstrip()
        if name == "index.html":  # the home page's lead sentence stands between its H1 and the list
            assert follows.startswith("<p>"), follows[:80]
            follows = follows[follows.index("</p>") + len("</p>") :].lstrip()
        assert follows.startswith('<div class="punch-list punch-list--'), f"{name}: {follows[:80]!r}"
        h1_end = html.rindex("</h1>", 0, start) + len("</h1>")
        between = html[h1_end:start]
        assert "<h1" not in between.lower() and "<article" not in between.lower(), name


def test_on_every_built_page_the_policy_is_where_the_reader_places_it_and_the_theme_s_scripts_are_read(
    built_site: Path,
) -> None:
    for name, html in built_pages(built_site).items():
        place = head_place(html)
        assert place is not None, name
        assert html[: place.at].rstrip().endswith('<meta charset="utf-8">'), name
        assert html[place.at : place.rest].startswith('\n<meta http-equiv="Content-Security-Policy" content="'), name
        # The finished page's scripts, read again, are those whose hashes its policy lists (read before the blocks
        # made from data were filled in), in the same order; Material's storage helpers come first.
        scripts = inline_scripts(html)
        assert scripts and "__md_scope" in scripts[0].text, name
        policy = html[place.at : place.rest]
        script_src = policy.split("script-src ", 1)[1].split(";", 1)[0].split()
        assert script_src == ["'self'", *dict.fromkeys(script_hash(script.text) for script in scripts)], name

"""The content security policy tag: where it goes, what it allows, the inline scripts' hashes, and the list of
reviewed scripts that a page's inline scripts must be on."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from site_csp import (
    REVIEWED_SCRIPTS,
    CspError,
    add_content_security_policy,
    checked_script_hashes,
    reviewed_scripts,
    script_tag_openings,
)

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <link rel="stylesheet" href="assets/main.css">
    <style>p { color: black }</style>
    <script>var first = 1;</script>
    <!-- <script>in a comment: not run</script> -->
    <script src="assets/bundle.js"></script>
  </head>
  <body>
    <p>Text</p>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script type="module">import "./x.js";</script>
    <script type="text/javascript; charset=utf-8">not run: a data block</script>
    <script data-note="a > b">var second = "</scrip" + "t>";</script>
    <script>var first = 1;</script>
  </body>
</html>
"""


def sha256_source(text: str) -> str:
    """The hash source a browser accepts for a script, computed here independently of site_csp."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy_of(html: str) -> dict[str, list[str]]:
    tags = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(tags) == 1, f"expected one policy tag, found {len(tags)}"
    directives: dict[str, list[str]] = {}
    for directive in tags[0].split(";"):
        name, *sources = directive.split()
        assert name not in directives, f"{name} twice"
        directives[name] = sources
    return directives


# The scripts of PAGE a browser runs, in order (a repeated one once); the others are not run.
PAGE_SCRIPTS = ["var first = 1;", 'import "./x.js";', 'var second = "</scrip" + "t>";']


def reviewing(*texts: str) -> frozenset[str]:
    return frozenset(sha256_source(text) for text in texts)


def with_policy(html: str, *reviewed: str) -> str:
    """The page with its policy, the scripts `reviewed` (default: all of PAGE's) on the list."""
    hashes = checked_script_hashes(html, reviewing(*(reviewed or PAGE_SCRIPTS)), "page.html")
    return add_content_security_policy(html, hashes)


def test_the_policy_allows_only_this_origin_and_the_page_s_own_inline_scripts() -> None:
    policy = policy_of(with_policy(PAGE))
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]
    # Each inline script the browser runs, once, by hash; not the JSON data block, not the
    # script with a non-JavaScript type, not the one in a comment, not the one with src.
    assert policy["script-src"] == [
        "'self'",
        sha256_source("var first = 1;"),
        sha256_source('import "./x.js";'),
        sha256_source('var second = "</scrip" + "t>";'),
    ]
    everything = [source for sources in policy.values() for source in sources]
    assert not [s for s in everything if "unsafe" in s or "://" in s or s in ("*", "http:", "https:")]


def test_the_tag_comes_right_after_the_charset_before_any_script_style_or_link() -> None:
    html = with_policy(PAGE)
    tag = html.index('<meta http-equiv="Content-Security-Policy"')
    assert html.index('<meta charset="utf-8">') < tag
    for first in ("<script", "<link", "<style", '<meta name="viewport"'):
        assert tag < html.index(first), first
    assert html.replace(html[tag : html.index(">", tag) + 1], "").replace("\n\n", "\n") == PAGE


def test_without_a_charset_meta_the_tag_opens_the_head() -> None:
    html = with_policy("<html><head><title>t</title><script>go()</script></head><body></body></html>", "go()")
    assert html.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy" content="')
    assert policy_of(html)["script-src"] == ["'self'", sha256_source("go()")]


def test_running_twice_gives_the_same_page() -> None:
    once = with_policy(PAGE)
    assert with_policy(once) == once
    assert policy_of(add_content_security_policy(once, []))["script-src"] == ["'self'"]  # replaced, not added


def test_a_page_without_inline_scripts_allows_only_scripts_from_this_origin() -> None:
    html = with_policy('<html><head><script src="a.js"></script></head><body><p>x</p></body></html>')
    assert policy_of(html)["script-src"] == ["'self'"]


def test_line_breaks_are_hashed_as_the_browser_parses_them() -> None:
    # The HTML parser turns CR LF and lone CR into LF before the script's text is hashed.
    html = with_policy("<html><head><script>a()\r\nb()\rc()</script></head></html>", "a()\nb()\nc()")
    assert policy_of(html)["script-src"] == ["'self'", sha256_source("a()\nb()\nc()")]


def test_non_ascii_script_text_is_hashed_as_utf_8() -> None:
    html = with_policy(
        "<html><head><script>say('Ürümqi — 乌鲁木齐')</script></head></html>", "say('Ürümqi — 乌鲁木齐')"
    )
    assert policy_of(html)["script-src"] == ["'self'", sha256_source("say('Ürümqi — 乌鲁木齐')")]


def test_under_serve_inline_scripts_are_allowed_without_hashes() -> None:
    # mkdocs serve adds a live-reload script whose text changes on every request.
    hashes = checked_script_hashes(PAGE, reviewing(*PAGE_SCRIPTS), "page.html")
    policy = policy_of(add_content_security_policy(PAGE, hashes, allow_any_inline_script=True))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"] and policy["img-src"] == ["'self'", "data:"]


def test_a_page_without_a_head_is_refused_with_a_message() -> None:
    with pytest.raises(CspError, match="no <head>"):
        add_content_security_policy("<p>no head here</p><header>not a head</header>", [])


def test_a_script_not_on_the_list_stops_with_its_hash_the_page_and_the_line() -> None:
    # A theme update that adds a script, or Markdown or data that slips one into the content.
    page = "<html><head><meta charset='utf-8'><script>theme()</script></head>\n<body>\n<script>steal()</script></body></html>"
    with pytest.raises(CspError) as caught:
        checked_script_hashes(page, reviewing("theme()"), "about/index.html (from docs/about.md)")
    message = str(caught.value)
    assert sha256_source("steal()") in message
    assert message.startswith("about/index.html (from docs/about.md), line 3: ")
    assert "'steal()'" in message and "csp_inline_scripts.txt" in message
    assert checked_script_hashes(page, reviewing("theme()", "steal()"), "p") == [
        sha256_source("theme()"),
        sha256_source("steal()"),
    ]


def test_only_scripts_a_browser_runs_must_be_on_the_list() -> None:
    # A data block, a script with src, one in a comment: not run, so not checked and not hashed.
    page = (
        '<head><script type="application/json">{"a": 1}</script><script src="x.js">ignored()</script>'
        "<!-- <script>commented()</script> --></head>"
    )
    assert checked_script_hashes(page, frozenset(), "p") == []


def test_the_committed_list_reads_as_hashes_each_with_where_it_comes_from() -> None:
    hashes = reviewed_scripts()
    assert hashes and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source) for source in hashes)
    lines = REVIEWED_SCRIPTS.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("sha256-"):
            assert lines[number - 1].startswith("# "), f"line {number + 1}: no comment saying where it comes from"


@pytest.mark.parametrize(
    "line",
    [
        "sha256-abc",  # too short
        "'sha256-exqRXrW/0laiImCrTE8a70vxyyY10FJVIppytLf/dbY='",  # quoted
        "sha384-exqRXrW/0laiImCrTE8a70vxyyY10FJVIppytLf/dbY=",
        "sha256-exqRXrW/0laiImCrTE8a70vxyyY10FJVIppytLf/dbY= sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=",
        "sha256-exqRXrW_0laiImCrTE8a70vxyyY10FJVIppytLf_dbY=",  # not base64
    ],
)
def test_a_malformed_line_in_the_list_is_refused_with_its_number(tmp_path: Path, line: str) -> None:
    listed = tmp_path / "scripts.txt"
    listed.write_text(f"# a comment\n\nsha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=  # fine\n{line}\n")
    with pytest.raises(CspError, match=r"^scripts.txt, line 4: expected a script's hash"):
        reviewed_scripts(listed)


def test_the_script_tag_count_sees_every_case() -> None:
    assert script_tag_openings('<SCRIPT>a()</SCRIPT><Script src="x"></script><p>&lt;script</p>') == 2

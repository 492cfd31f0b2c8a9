"""The content security policy tag: where it goes, what it allows, and the inline scripts' hashes."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from site_csp import CspError, add_content_security_policy, inline_scripts, theme_scripts

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


def with_policy(html: str) -> str:
    """The page with a policy allowing every inline script it has (as for the theme's 404 page)."""
    return add_content_security_policy(html, inline_scripts(html))


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
    html = with_policy("<html><head><title>t</title><script>go()</script></head><body></body></html>")
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
    html = with_policy("<html><head><script>a()\r\nb()\rc()</script></head></html>")
    assert policy_of(html)["script-src"] == ["'self'", sha256_source("a()\nb()\nc()")]


def test_non_ascii_script_text_is_hashed_as_utf_8() -> None:
    html = with_policy("<html><head><script>say('Ürümqi — 乌鲁木齐')</script></head></html>")
    assert policy_of(html)["script-src"] == ["'self'", sha256_source("say('Ürümqi — 乌鲁木齐')")]


def test_under_serve_inline_scripts_are_allowed_without_hashes() -> None:
    # mkdocs serve adds a live-reload script whose text changes on every request.
    policy = policy_of(add_content_security_policy(PAGE, inline_scripts(PAGE), allow_any_inline_script=True))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"] and policy["img-src"] == ["'self'", "data:"]


def test_a_page_without_a_head_is_refused_with_a_message() -> None:
    with pytest.raises(CspError, match="no <head>"):
        add_content_security_policy("<p>no head here</p><header>not a head</header>", [])


def test_scripts_in_the_page_s_content_get_no_hash() -> None:
    # Markdown or data that slips a <script> into the content: the theme's scripts keep their
    # hashes, the slipped one (and a copy of it) gets none and will not run.
    content = "<h1>Title</h1><p>x</p><script>steal()</script><p>y</p><script>steal()</script>"
    page = (
        "<html><head><meta charset='utf-8'><script>theme()</script></head>"
        f"<body><article>{content}</article><script>theme()</script><script>after()</script></body></html>"
    )
    scripts = theme_scripts(page, content)
    assert scripts == ["theme()", "theme()", "after()"]
    policy = policy_of(add_content_security_policy(page, scripts))
    assert policy["script-src"] == ["'self'", sha256_source("theme()"), sha256_source("after()")]
    assert sha256_source("steal()") not in policy["script-src"]

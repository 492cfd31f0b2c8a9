"""A content security policy for every page, as a second lock behind escaping and the privacy rules.

`add_content_security_policy(html, allowed_scripts)` puts a `<meta http-equiv="Content-Security-Policy">`
tag at the top of a finished page's head, before any script, style or link, so it covers all of
them. The policy lets the browser load nothing from another origin, and run no inline script
but the theme's own: `theme_scripts` finds those in the page as the theme rendered it, leaving
out any script in the page's content (its Markdown and the blocks made from data), and each is
allowed by the SHA-256 hash of its exact text. So a `<script>` that slips into a page through
the data or the Markdown has no hash and does not run, and a script, image, font, stylesheet,
frame or connection to another origin (a slip, or a theme update that adds a third-party call)
is refused by the browser. Behaviour of the site's own belongs in docs/assets/site.js.

Plain module (no MkDocs import): the hook `csp_hooks.py` calls it.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from collections import Counter
from collections.abc import Iterable

# Directives every page gets, before the inline scripts' hashes are known. `frame-ancestors`
# would be ignored in a meta tag (browsers honour it only as an HTTP header), so it is not here.
BASE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),  # fonts, fetches (the search index), the search worker, frames
    # Material's icons (admonitions, links, the search box) are data: SVGs its CSS uses as
    # mask-image; without data: here the browser refuses them on every page.
    ("img-src", "'self' data:"),
    # No style-src: styles fall back to default-src 'self', with no 'unsafe-inline'. None is
    # needed: the pages carry no <style> and no style attribute, and Material's JavaScript sets
    # positions (tooltips, sidebars, the back-to-top button) through element.style, which a
    # policy does not govern. The browser tests would report a refused inline style.
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),  # the site has no form that submits (search runs in the page)
)

# What `mkdocs serve` allows instead of hashes: its live-reload script, added to each page as
# it is served, changes on every request, so no hash computed at build time can match it.
SERVE_SCRIPT_SOURCES = "'self' 'unsafe-inline'"

# <script type> values a browser runs (HTML's JavaScript MIME type essences, "module", and
# import maps, which script-src also governs). Any other type (such as Material's
# application/json configuration) is a data block: never executed, so it needs no hash.
_SCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "importmap",
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""  # a start tag's attributes; '>' may sit in quotes
# Comments are matched first so that a "<script" inside one is skipped, as the browser skips it.
_COMMENT_OR_SCRIPT = re.compile(
    rf"<!--.*?-->|<script\b(?P<attributes>{_ATTRIBUTES})>(?P<text>.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_HEAD_START = re.compile(rf"<head\b{_ATTRIBUTES}>", re.IGNORECASE)
_CHARSET_META = re.compile(rf"\s*<meta\s+charset\b{_ATTRIBUTES}>", re.IGNORECASE)
# The tag this module writes, looked for where it puts it, so that running twice replaces it.
_OWN_TAG = re.compile(r'\n<meta http-equiv="Content-Security-Policy" content="[^"]*">')


class CspError(ValueError):
    """The page has no <head> to put the policy in."""


def _attributes(source: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(source):
        name = match.group(1).lower()
        value = next((group for group in match.groups()[1:] if group is not None), "")
        values.setdefault(name, html_lib.unescape(value))  # the first of a repeated attribute wins, as in HTML
    return values


def _runs_as_script(attributes: dict[str, str]) -> bool:
    if "src" in attributes:
        return False  # loaded from its address, which script-src 'self' governs
    if "type" in attributes:  # compared whole: "text/javascript; x=y" is a data block, as in HTML
        return attributes["type"].strip().lower() in _SCRIPT_TYPES
    language = attributes.get("language", "")
    return language == "" or f"text/{language.lower()}" in _SCRIPT_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    scripts = []
    for match in _COMMENT_OR_SCRIPT.finditer(html):
        if match.group("text") is None:
            continue  # a comment
        if _runs_as_script(_attributes(match.group("attributes"))):
            scripts.append(match.group("text"))
    return scripts


def theme_scripts(page_html: str, content: str) -> list[str]:
    """The inline scripts the theme's templates put in a page: those of `page_html` (the page as
    the theme rendered it around `content`) less those of `content` itself (Markdown and data)."""
    in_content = Counter(inline_scripts(content))
    scripts = []
    for text in inline_scripts(page_html):
        if in_content[text]:
            in_content[text] -= 1
        else:
            scripts.append(text)
    return scripts


def script_hash(text: str) -> str:
    """A CSP hash source for a script's text: 'sha256-<base64>'. Browsers hash the text as parsed,
    in which every CR LF and lone CR has become LF."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(allowed_scripts: Iterable[str], *, allow_any_inline_script: bool = False) -> str:
    """The policy for a page whose inline scripts `allowed_scripts` may run (each by its hash)."""
    if allow_any_inline_script:
        script_sources = SERVE_SCRIPT_SOURCES
    else:
        hashes = list(dict.fromkeys(script_hash(text) for text in allowed_scripts))  # once each, in order
        script_sources = " ".join(["'self'", *hashes])
    directives = [BASE_DIRECTIVES[0], ("script-src", script_sources), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {sources}" for name, sources in directives)


def add_content_security_policy(
    html: str, allowed_scripts: Iterable[str], *, allow_any_inline_script: bool = False
) -> str:
    """The page with its policy tag first in its head (after `<meta charset>`, which must come
    first), in place of the tag this function put there before. Only the start of the page is
    read, however long it is. Raises CspError when there is no <head>."""
    head = _HEAD_START.search(html)
    if head is None:
        raise CspError("the page has no <head> to put its Content-Security-Policy in")
    at = head.end()
    charset = _CHARSET_META.match(html, at)
    if charset is not None:
        at = charset.end()
    rest = at
    earlier = _OWN_TAG.match(html, at)
    if earlier is not None:
        rest = earlier.end()
    policy = content_security_policy(allowed_scripts, allow_any_inline_script=allow_any_inline_script)
    # Single quotes stay as they are (readable); the policy has no '"', '&' or '<', but escape them anyway.
    content = html_lib.escape(policy, quote=False).replace('"', "&quot;")
    return f'{html[:at]}\n<meta http-equiv="Content-Security-Policy" content="{content}">{html[rest:]}'

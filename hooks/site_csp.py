"""A content security policy for every page, as a second lock behind escaping and the privacy rules.

`add_content_security_policy(html, script_hashes)` puts a `<meta http-equiv="Content-Security-Policy">` tag at the
top of a finished page's head, before any script, style or link, so it covers all of them. The policy lets the
browser load nothing from another origin, and run no inline script but those reviewed: `REVIEWED_SCRIPTS`
(csp_inline_scripts.txt beside this file) lists the SHA-256 hash of each inline script the theme and our overrides
may run, and `checked_script_hashes` stops the build at a page with an inline script whose hash is not there. So a
theme update that adds a script, or a `<script>` that slips into a page through the Markdown or the data, is seen
before it ships; and a script, image, font, stylesheet, frame or connection to another origin (a slip, or a theme
update that adds a third-party call) is refused by the browser. Behaviour of the site's own belongs in
docs/assets/site.js.

The page's HTML is read with a tokenizer (html_reader.py), never with regular expressions.

Plain module (no MkDocs import): the hook `csp_hooks.py` calls it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html as html_lib
from collections.abc import Iterable
from pathlib import Path

from html_reader import head_place, inline_scripts

# The inline scripts our pages may run, each by its hash, with where it comes from: reviewed before it was listed.
REVIEWED_SCRIPTS = Path(__file__).resolve().parent / "csp_inline_scripts.txt"
_HASH_PREFIX = "sha256-"

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


class CspError(ValueError):
    """A page the policy cannot be given: no <head> to put it in, or an inline script not reviewed."""


def script_hash(text: str) -> str:
    """A CSP hash source for a script's text: 'sha256-<base64>'. Browsers hash the text as parsed,
    in which every CR LF and lone CR has become LF."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return f"'{_HASH_PREFIX}{base64.b64encode(digest).decode('ascii')}'"


def reviewed_scripts(path: Path = REVIEWED_SCRIPTS) -> frozenset[str]:
    """The hash sources ('sha256-<base64>') listed in `path`: one a line, `#` starting a comment. Raises CspError
    naming the line of anything else."""
    hashes = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        listed = line.split("#", 1)[0].strip()
        if not listed:
            continue
        encoded = listed.removeprefix(_HASH_PREFIX)
        try:
            valid = listed.startswith(_HASH_PREFIX) and len(base64.b64decode(encoded, validate=True)) == 32
        except binascii.Error:
            valid = False
        if not valid:
            raise CspError(
                f"{path.name}, line {number}: expected a script's hash, sha256-<44 characters of base64>; got '{listed}'"
            )
        hashes.add(f"'{listed}'")
    return frozenset(hashes)


def checked_script_hashes(html: str, reviewed: frozenset[str], where: str) -> list[str]:
    """The hash sources of the page's inline scripts, each once, in page order. Raises CspError naming the hash,
    `where` (the page) and the line of the first script whose hash is not in `reviewed`."""
    hashes: list[str] = []
    for script in inline_scripts(html):
        source = script_hash(script.text)
        if source not in reviewed:
            start = " ".join(script.text.split())[:80]
            raise CspError(
                f"{where}, line {script.line}: an inline script that has not been reviewed, {source}, "
                f"beginning '{start}'. Find where it comes from (the theme, overrides/, a page, the data) and what "
                f"it does; if pages may run it, add its hash to hooks/{REVIEWED_SCRIPTS.name} with a comment saying "
                "where it comes from (README.md, 'Content security policy')."
            )
        if source not in hashes:
            hashes.append(source)
    return hashes


def script_tag_openings(html: str) -> int:
    """How many times `<script` (in any case) occurs in the page: a new script element needs a new one, so a page
    whose count has not grown since its scripts were read has no other script (a cheap check of a finished page)."""
    return html.lower().count("<script")


def content_security_policy(script_hashes: Iterable[str], *, allow_any_inline_script: bool = False) -> str:
    """The policy for a page whose inline scripts may run by these hash sources."""
    if allow_any_inline_script:
        script_sources = SERVE_SCRIPT_SOURCES
    else:
        script_sources = " ".join(["'self'", *dict.fromkeys(script_hashes)])  # once each, in order
    directives = [BASE_DIRECTIVES[0], ("script-src", script_sources), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {sources}" for name, sources in directives)


def add_content_security_policy(
    html: str, script_hashes: Iterable[str], *, allow_any_inline_script: bool = False
) -> str:
    """The page with its policy tag first in its head (after `<meta charset>`, which must come
    first), in place of the tag this function put there before. Only the start of the page is
    read, however long it is. Raises CspError when there is no <head>."""
    place = head_place(html)
    if place is None:
        raise CspError("the page has no <head> to put its Content-Security-Policy in")
    policy = content_security_policy(script_hashes, allow_any_inline_script=allow_any_inline_script)
    # Single quotes stay as they are (readable); the policy has no '"', '&' or '<', but escape them anyway.
    content = html_lib.escape(policy, quote=False).replace('"', "&quot;")
    return f'{html[: place.at]}\n<meta http-equiv="Content-Security-Policy" content="{content}">{html[place.rest :]}'

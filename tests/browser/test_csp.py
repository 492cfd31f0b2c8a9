"""The content security policy, in the browser: no page breaks it, the site's features work
under it, and a script or image from another origin slipped into a page is blocked."""

from __future__ import annotations

import contextlib
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from site_server import serve

from .test_privacy_and_sharing import search

pytestmark = pytest.mark.browser

# Collects every violation the page reports, from before its first script runs.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
}, true);
"""

# The policy's head as it should stand: only this origin, data: images, hashed inline scripts.
HASH = re.compile(r"^'sha256-[A-Za-z0-9+/]{43}='$")


def watched_page(new_context: Any, **options: Any) -> tuple[Any, list[str]]:
    """A page whose CSP violations (window.__cspViolations) and console errors are recorded."""
    context = new_context(**options)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def head_policy(page: Any) -> dict[str, Any]:
    """The policy tag's content and where it sits among the head's elements."""
    return page.evaluate(
        """() => {
            const head = Array.from(document.head.children);
            const tags = head.filter(e => e.matches('meta[http-equiv="Content-Security-Policy" i]'));
            const first = head.findIndex(e => e.matches('script, style, link'));
            return { count: tags.length, content: tags.length ? tags[0].content : '',
                     before_first_resource: tags.length > 0 && head.indexOf(tags[0]) < first };
        }"""
    )


def test_every_page_carries_the_policy_and_breaks_none_of_it(site, new_context):
    page, errors = watched_page(new_context)
    for url in site.pages:
        name = url or "home"
        page.goto(site.url(url), wait_until="networkidle")
        page.mouse.wheel(0, 5_000)  # Material lays out the header and the back-to-top button
        page.mouse.wheel(0, -1_000)
        page.wait_for_load_state("networkidle")
        head = head_policy(page)
        assert head["count"] == 1 and head["before_first_resource"], f"{name}: policy tag {head}"
        directives = {d.split()[0]: d.split()[1:] for d in head["content"].split(";") if d.strip()}
        assert directives["default-src"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'self'"], name
        assert directives["form-action"] == ["'none'"], name
        assert directives["img-src"] == ["'self'", "data:"], name
        script_sources = directives["script-src"]
        assert script_sources[0] == "'self'" and all(HASH.match(s) for s in script_sources[1:]), name
        assert len(script_sources) > 1, f"{name}: Material's inline scripts need hashes"
        assert set(directives) == {"default-src", "script-src", "img-src", "object-src", "base-uri", "form-action"}
        violations = page.evaluate("window.__cspViolations")
        assert violations == [], f"{name}: the browser refused {violations}"
    assert errors == [], f"console errors: {errors}"


def test_search_colour_scheme_copy_and_tooltips_work_under_the_policy(site, expected, new_context):
    page, errors = watched_page(new_context)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))

    # Search: Material's worker (a script from this origin) and the index (a fetch) still work.
    page.goto(site.url(), wait_until="networkidle")
    search(page, "Hoshine")
    assert "Hoshine" in page.locator(".md-search-result").inner_text()
    # Enter follows the first result (Material's script); the search form is never submitted,
    # which form-action 'none' would refuse.
    with page.expect_navigation(url="**/wros/**"):
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")

    # The colour-scheme toggle, both ways.
    page.goto(site.url(), wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator("label[for=__palette_1]").click()
    # Functions, not expressions: Playwright polls an expression with eval(), which the policy refuses.
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.locator("label[for=__palette_0]").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")

    # Copy for email puts the row's text on the clipboard.
    row = page.locator(".punch-list--full tr[data-proposal]").first
    row.locator("button.copy-email").click()
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == row.get_attribute("data-copy-text")

    # A glossary abbreviation shows its tooltip (Material positions it through element.style).
    page.goto(site.url(expected.lever_url(expected.levers[0]["id"])), wait_until="networkidle")
    abbreviation = page.locator("article abbr >> visible=true").first
    meaning = abbreviation.get_attribute("title")
    assert meaning, "no glossary abbreviation with a title on the first lever page"
    abbreviation.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == meaning.strip()

    assert page.evaluate("window.__cspViolations") == []
    assert errors == [], f"console errors: {errors}"


# ---- A slip: a script and an image from another origin, and an inline script, in a page ----


class _RecordingHandler(BaseHTTPRequestHandler):
    requested: list[str]  # set on a subclass per server

    def do_GET(self) -> None:
        self.requested.append(self.path)
        body, kind = (
            (b"window.externalRan = true;", "text/javascript") if self.path.endswith(".js") else (b"", "image/png")
        )
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def other_origin() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.2 (another origin than the site's 127.0.0.1): its base URL and the
    paths it was asked for."""
    requested: list[str] = []
    handler = type("Handler", (_RecordingHandler,), {"requested": requested})
    server = ThreadingHTTPServer(("127.0.0.2", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="other-origin", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.2:{server.server_address[1]}/", requested
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def slip_into(page_file: Path, foreign: str, *, keep_policy: bool) -> None:
    html = page_file.read_text(encoding="utf-8")
    assert POLICY_TAG.search(html), f"{page_file}: no policy tag"
    slipped = (
        f'<script src="{foreign}x.js"></script>'
        f'<img src="{foreign}x.png" alt="">'
        "<script>window.injectedRan = true;</script>"
    )
    assert "</article>" in html
    html = html.replace("</article>", slipped + "</article>", 1)
    if not keep_policy:
        html = POLICY_TAG.sub("", html)
    page_file.write_text(html, encoding="utf-8")


@pytest.mark.parametrize("keep_policy", [True, False], ids=["with-policy", "without-policy-control"])
def test_a_script_and_an_image_from_another_origin_slipped_into_a_page_are_blocked(
    keep_policy, site, new_context, tmp_path
):
    # The control run (the same page with its policy tag taken out) shows that the slip would
    # otherwise reach the other server and run: so the blocked run's silence means something.
    folder = tmp_path / "site"
    shutil.copytree(site.folder, folder)
    with other_origin() as (foreign, requested), serve(folder) as base:
        slip_into(folder / "wros" / "index.html", foreign, keep_policy=keep_policy)
        page, _ = watched_page(new_context)
        page.goto(base + "wros/", wait_until="networkidle")
        ran = page.evaluate("({ injected: window.injectedRan === true, external: window.externalRan === true })")
        violations = page.evaluate("window.__cspViolations")
        if not keep_policy:
            assert sorted(requested) == ["/x.js", "/x.png"]
            assert ran == {"injected": True, "external": True}
            assert violations == []
            return
        assert requested == [], f"the other origin was asked for {requested}"
        assert ran == {"injected": False, "external": False}
        assert any(v.startswith("script-src-elem " + foreign + "x.js") for v in violations), violations
        assert any(v.startswith("img-src " + foreign + "x.png") for v in violations), violations
        assert any(v.startswith("script-src-elem inline") for v in violations), violations
        # The page's own scripts still ran: Material took the page over, site.js named its search dialog.
        assert page.locator("html.js").count() == 1
        assert page.locator(".md-search[role=dialog][aria-label]").count() == 1

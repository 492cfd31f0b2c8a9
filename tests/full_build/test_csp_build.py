"""The Content-Security-Policy tag in built pages: one per page, first in the head, with a hash for each of the
theme's inline scripts, each on the committed list of reviewed scripts; a build with an inline script that is not on
the list (in an override, or slipped into a page's content) stops, naming the script's hash and the page."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, copy_project
from site_csp import REVIEWED_SCRIPTS

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class _Scripts(HTMLParser):
    """Inline scripts a browser runs (no src; no type, or a JavaScript one), and whether each
    stands inside the page's <article> (its content) or outside it (the theme's)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0  # inside how many <article> elements
        self.current: list[str] | None = None
        self.current_in_article = False
        self.found: list[tuple[str, bool]] = []  # (text, in article)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag == "script" and "src" not in values and (values.get("type") or "text/javascript") == "text/javascript":
            self.current, self.current_in_article = [], self.depth > 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag == "script" and self.current is not None:
            self.found.append(("".join(self.current), self.current_in_article))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def scripts_of(html: str) -> list[tuple[str, bool]]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.found


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def script_sources(html: str) -> list[str]:
    policies = POLICY.findall(html)
    assert len(policies) == 1, f"{len(policies)} policy tags"
    directives = {part.split()[0]: part.split()[1:] for part in policies[0].split(";")}
    return directives["script-src"]


def test_every_built_page_has_one_policy_first_in_its_head_hashing_the_theme_s_scripts(built_site: Path) -> None:
    pages = [path for path in sorted(built_site.rglob("*.html")) if "assets" not in path.relative_to(built_site).parts]
    assert any(path.name == "404.html" for path in pages)
    for path in pages:
        name = path.relative_to(built_site).as_posix()
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        tag = POLICY.search(head)
        assert tag, f"{name}: no policy tag in the head"
        first_resource = min(head.index(t) for t in ("<script", "<link", "<style") if t in head)
        assert tag.start() < first_resource, f"{name}: the policy comes after a script, style or link"
        scripts = scripts_of(html)
        assert scripts, f"{name}: no inline script found (the theme has some)"
        assert not [text for text, in_article in scripts if in_article], f"{name}: an inline script in the content"
        expected = ["'self'", *dict.fromkeys(sha256_source(text) for text, _ in scripts)]
        assert script_sources(html) == expected, name


def reviewed_hashes() -> set[str]:
    """The committed list, read here independently of site_csp: every `sha256-...` line."""
    lines = REVIEWED_SCRIPTS.read_text(encoding="utf-8").splitlines()
    return {f"'{line.split()[0]}'" for line in lines if line.startswith("sha256-")}


def test_every_script_a_page_runs_is_on_the_list_and_every_listed_script_is_on_a_page(built_site: Path) -> None:
    reviewed = reviewed_hashes()
    used: set[str] = set()
    for path in sorted(built_site.rglob("*.html")):
        sources = set(script_sources(path.read_text(encoding="utf-8"))) - {"'self'"}
        assert sources <= reviewed, f"{path.relative_to(built_site)}: {sorted(sources - reviewed)}"
        used |= sources
    assert used == reviewed, f"listed but on no page (remove them): {sorted(reviewed - used)}"


def build_error(project: Path, caplog: pytest.LogCaptureFixture) -> str:
    """The message a build of `project` stops with (MkDocs logs it, then aborts)."""
    with pytest.raises(Abort):
        build_site(project)
    return "\n".join(record.getMessage() for record in caplog.records if record.levelname == "ERROR")


def test_an_inline_script_added_to_an_override_stops_the_build_naming_its_hash_and_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_project(tmp_path / "project")
    main = project / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    assert "{% block content %}\n" in text
    main.write_text(text.replace("{% block content %}\n", "{% block content %}\n<script>window.added = 1;</script>\n"))
    message = build_error(project, caplog)
    assert sha256_source("window.added = 1;") in message, message
    assert "(from docs/" in message and "index.html" in message, message  # the page, built and source
    assert "csp_inline_scripts.txt" in message, message


SLIP_HOOK = """
from mkdocs.plugins import event_priority


@event_priority(-80)  # after the generated blocks are filled in (-75), before the policy (-100)
def on_post_page(output, *, page, config):
    if page.file.src_uri != "about.md":
        return output
    return output.replace("</article>", "<script>window.fromData = 1;</script></article>", 1)
"""


def test_a_script_slipped_in_after_the_theme_stops_the_build_naming_its_hash_and_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A stand-in for a slip in escaping: a hook that writes a script into a page's content after the theme, as the
    # blocks made from data are written in. The page is read again once it is finished.
    project = copy_project(tmp_path / "project")
    (project / "hooks" / "slip_hooks.py").write_text(SLIP_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/punchlist_hooks.py\n" in text
    config.write_text(
        text.replace("  - hooks/punchlist_hooks.py\n", "  - hooks/punchlist_hooks.py\n  - hooks/slip_hooks.py\n"),
        encoding="utf-8",
    )
    message = build_error(project, caplog)
    assert "about/index.html (from docs/about.md), line " in message, message
    assert sha256_source("window.fromData = 1;") in message, message

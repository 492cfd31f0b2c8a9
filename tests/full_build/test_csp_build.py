"""The Content-Security-Policy tag in built pages: one per page, first in the head, with a hash
for each of the theme's inline scripts, and none for a script that slips into a page's content."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import build_site, copy_project

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


SLIP_HOOK = """
from mkdocs.plugins import event_priority


@event_priority(-80)  # after the generated blocks are filled in (-75), before the policy (-100)
def on_post_page(output, *, page, config):
    return output.replace("</article>", "<script>window.fromData = 1;</script></article>", 1)
"""


def test_a_script_slipped_in_through_markdown_or_data_gets_no_hash(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n<script>window.fromMarkdown = 1;</script>\n", encoding="utf-8"
    )
    # A stand-in for a slip in escaping: a hook that writes a script into every page's content,
    # as the blocks made from data are written in.
    (project / "hooks" / "slip_hooks.py").write_text(SLIP_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/punchlist_hooks.py\n" in text
    config.write_text(
        text.replace("  - hooks/punchlist_hooks.py\n", "  - hooks/punchlist_hooks.py\n  - hooks/slip_hooks.py\n"),
        encoding="utf-8",
    )

    site = build_site(project)
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    scripts = scripts_of(html)
    slipped = [text for text, in_article in scripts if in_article]
    assert sorted(slipped) == ["window.fromData = 1;", "window.fromMarkdown = 1;"]
    sources = script_sources(html)
    for text in slipped:
        assert sha256_source(text) not in sources, f"{text} got a hash"
    theme = [text for text, in_article in scripts if not in_article]
    assert sources == ["'self'", *dict.fromkeys(sha256_source(text) for text in theme)]

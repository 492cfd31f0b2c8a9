"""MkDocs hook: a Content-Security-Policy tag in every finished page (see site_csp.py).

- on_post_page, first of all (priority 100): note the theme's inline scripts in the page as
  the theme rendered it, before the other hooks fill in the blocks made from data;
- on_post_page, last of all (priority -100, after punchlist_hooks.py's -75): put the policy,
  with those scripts' hashes, at the top of the finished page's head;
- on_post_template: the same for the theme's own pages (404.html), which have no content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from site_csp import CspError, add_content_security_policy, inline_scripts, theme_scripts


@dataclass
class _BuildState:
    # `mkdocs serve` adds a live-reload script to each page as it serves it; its text changes on
    # every request, so under serve inline scripts are allowed without hashes (all else is the same).
    serving: bool = False
    theme_scripts: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> script texts


_STATE = _BuildState()


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _STATE.serving = command == "serve"


def on_pre_build(*, config: MkDocsConfig) -> None:
    _STATE.theme_scripts.clear()  # a build that failed half-way may have left some


@event_priority(100)
def _note_theme_scripts(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _STATE.theme_scripts[page.file.src_uri] = theme_scripts(output, page.content or "")
    return output


@event_priority(-100)
def _add_policy(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, _STATE.theme_scripts.pop(page.file.src_uri), page.file.src_uri)


on_post_page = CombinedEvent(_note_theme_scripts, _add_policy)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    return _with_policy(output_content, inline_scripts(output_content), template_name)


def _with_policy(html: str, allowed_scripts: list[str], name: str) -> str:
    try:
        return add_content_security_policy(html, allowed_scripts, allow_any_inline_script=_STATE.serving)
    except CspError as err:
        raise PluginError(f"{name}: {err}") from None

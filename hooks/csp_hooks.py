"""MkDocs hook: a Content-Security-Policy tag in every finished page (see site_csp.py).

- on_config: read the list of reviewed inline scripts (csp_inline_scripts.txt), once per build;
- on_post_page, first of all (priority 100): read the inline scripts of the page as the theme rendered it (its
  Markdown included), before the other hooks fill in the blocks made from data; an inline script whose hash is
  not on the list stops the build, naming the hash and the page;
- on_post_page, last of all (priority -100, after punchlist_hooks.py's -75): put the policy, with those scripts'
  hashes, at the top of the finished page's head. Should anything since have added a `<script`, the finished page
  is read again and checked the same way;
- on_post_template: the same for the theme's own pages (404.html), which have no content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from site_csp import CspError, add_content_security_policy, checked_script_hashes, reviewed_scripts, script_tag_openings


@dataclass(frozen=True, slots=True)
class _PageScripts:
    hashes: list[str]  # of its inline scripts, each once, in order
    script_tags: int  # site_csp.script_tag_openings of the page as read


@dataclass
class _BuildState:
    # `mkdocs serve` adds a live-reload script to each page as it serves it; its text changes on
    # every request, so under serve inline scripts are allowed without hashes (all else is the same).
    serving: bool = False
    reviewed: frozenset[str] = frozenset()
    pages: dict[str, _PageScripts] = field(default_factory=dict)  # src_uri -> its scripts as the theme rendered it


_STATE = _BuildState()


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _STATE.serving = command == "serve"


def on_config(config: MkDocsConfig) -> None:
    try:
        _STATE.reviewed = reviewed_scripts()
    except CspError as err:
        raise PluginError(f"hooks/{err}") from None
    _STATE.pages.clear()  # a build that failed half-way may have left some


@event_priority(100)
def _read_theme_scripts(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _STATE.pages[page.file.src_uri] = _PageScripts(_checked(output, _where(page)), script_tag_openings(output))
    return output


@event_priority(-100)
def _add_policy(output: str, *, page: Page, config: MkDocsConfig) -> str:
    read = _STATE.pages.pop(page.file.src_uri)
    hashes = read.hashes
    if script_tag_openings(output) > read.script_tags:  # a hook or plugin added one since: read the page again
        hashes = _checked(output, _where(page))
    return _with_policy(output, hashes, _where(page))


on_post_page = CombinedEvent(_read_theme_scripts, _add_policy)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    return _with_policy(output_content, _checked(output_content, template_name), template_name)


def _where(page: Page) -> str:
    return f"{page.file.dest_uri} (from docs/{page.file.src_uri})"


def _checked(html: str, where: str) -> list[str]:
    try:
        return checked_script_hashes(html, _STATE.reviewed, where)
    except CspError as err:
        raise PluginError(str(err)) from None


def _with_policy(html: str, script_hashes: list[str], name: str) -> str:
    try:
        return add_content_security_policy(html, script_hashes, allow_any_inline_script=_STATE.serving)
    except CspError as err:
        raise PluginError(f"{name}: {err}") from None

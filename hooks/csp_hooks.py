"""MkDocs hook: a Content-Security-Policy tag in every finished page (see site_csp.py).

Pages come through on_post_page, the theme's own pages (404.html) through on_post_template.
on_post_page runs last, after the other hooks and the plugins have finished the page
(punchlist_hooks.py fills in the generated blocks at -75), so the hashes cover the inline
scripts exactly as they reach the reader.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from site_csp import CspError, add_content_security_policy

# `mkdocs serve` adds a live-reload script to each page as it serves it; its text changes on
# every request, so under serve inline scripts are allowed without hashes (all else is the same).
_SERVING = {"now": False}


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _SERVING["now"] = command == "serve"


@event_priority(-100)  # last of all: after the generated blocks are in the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, page.file.src_uri)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    return _with_policy(output_content, template_name)


def _with_policy(html: str, name: str) -> str:
    try:
        return add_content_security_policy(html, allow_any_inline_script=_SERVING["now"])
    except CspError as err:
        raise PluginError(f"{name}: {err}") from None

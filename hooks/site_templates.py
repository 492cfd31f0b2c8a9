"""The one Jinja environment that renders the generated blocks (templates in hooks/templates/).

Autoescaping is on: every value from a view record reaches the page as text, whatever
HTML or Markdown it holds. Trusted HTML enters in one place only, `mark_terms`, which
escapes the text first and then wraps each glossary term in <abbr>.

The templates get three names: `view` (the block's view record), `here` (where the
page sits, for links) and `glossary` (the terms to mark). Filters:

- `href`: a `Target` as a link from the page in `here`;
- `terms`: text with its glossary terms marked, as `mark_terms` does.

Template lines are stripped and joined without a newline when a template is loaded
(`JoinedLines`), so templates can be indented for people while the pages get compact
HTML. Keep words that a space separates on one line, or start the next line with `{{ " " }}`.

No MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup, escape

from site_data import WORD_BEFORE_TERM, SiteData
from site_text import base_url, cyclic_gc_paused, site_path
from site_views import Target

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True, slots=True)
class Here:
    """Where the page that shows a block sits, for its links."""

    base: str  # from the page up to the site's root: "" or "../" (site_text.base_url)
    url: str | None = None  # the page's own URL: links to its anchors stay on it ("#id"); None when shared

    @classmethod
    def page(cls, page_url: str) -> Here:
        return cls(base_url(page_url), site_path(page_url))

    @classmethod
    def shared(cls, page_url: str) -> Here:
        """For output shared by every page with the same base (a cached punch-list)."""
        return cls(base_url(page_url))


@dataclass(frozen=True, slots=True)
class Glossary:
    """The glossary terms to mark in text, as tooltips (built once per build from SiteData)."""

    pattern: re.Pattern[str] | None  # SiteData.glossary_pattern: matches escaped terms
    meanings: Mapping[str, str]  # escaped term -> escaped meaning
    # text -> its marked form, for the `terms` filter: the same texts recur on many pages and blocks
    marked: dict[str, Markup] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, data: SiteData) -> Glossary:
        return cls(data.glossary_pattern, data.glossary_meanings)


def mark_terms(text: str, glossary: Glossary) -> Markup:
    """Text as inert HTML with each glossary term marked as an abbreviation, so generated
    blocks show the same tooltips as the pages (Markdown's abbr extension does not reach
    them). The one place where HTML is built outside the templates: the text is escaped
    first, and the markup added is an <abbr> around an escaped term with an escaped meaning."""
    escaped = str(escape(text))
    if glossary.pattern is None:
        return Markup(escaped)
    meanings = glossary.meanings

    def mark(match: re.Match[str]) -> str:
        term, start = match.group(1), match.start()
        if start and WORD_BEFORE_TERM.match(escaped, start - 1):
            return term
        return f'<abbr title="{meanings[term]}">{term}</abbr>'

    return Markup(glossary.pattern.sub(mark, escaped))


def link(target: Target, here: Here) -> str:
    """`target` as a link from the page at `here`: the way up to the site's root, then the
    target's site-relative URL (an anchor on the page itself is just "#anchor")."""
    if target.anchor and target.url == here.url:
        return f"#{target.anchor}"
    url = here.base + target.url or "./"
    return f"{url}#{target.anchor}" if target.anchor else url


@jinja2.pass_context
def _href(context: jinja2.runtime.Context, target: Target) -> str:
    return link(target, context["here"])


@jinja2.pass_context
def _terms(context: jinja2.runtime.Context, text: str) -> Markup:
    glossary: Glossary = context["glossary"]
    if type(text) is not str:  # Markup is a str that escape() leaves alone: never share its cache entry
        return mark_terms(text, glossary)
    marked = glossary.marked.get(text)
    if marked is None:
        marked = glossary.marked[text] = mark_terms(text, glossary)
    return marked


class JoinedLines(Extension):
    """Template source lines stripped and joined with nothing between them."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "".join(line.strip() for line in source.splitlines())


ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a misspelt field fails loudly instead of rendering nothing
    extensions=[JoinedLines],
    auto_reload=True,  # `mkdocs serve` picks up edited templates
)
ENVIRONMENT.filters["href"] = _href
ENVIRONMENT.filters["terms"] = _terms


def render(template: str | jinja2.Template, view: Any, here: Here, glossary: Glossary) -> str:
    """What `template` (a file in hooks/templates/, or one from `ENVIRONMENT.get_template`)
    renders for `view` on the page at `here`."""
    with cyclic_gc_paused():
        return ENVIRONMENT.get_template(template).render(view=view, here=here, glossary=glossary)

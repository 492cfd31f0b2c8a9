"""Finished pages read with the standard library's HTML tokenizer (html.parser), never with regular expressions.

What the hooks need to know of the HTML the theme wrote around our content:

- `inline_scripts`: every inline script a browser would run, with its text (for the content security policy);
- `head_place`: where the policy's tag goes, first in the head, after a `<meta charset>` that opens it;
- `punch_list_place`: where the punch-list goes: a page's `<!-- punch-list -->` comment, else right after the first
  H1 of the theme's article.

The tokenizer knows what a regular expression cannot: a `<script` or `<h1>` inside a comment, an attribute value
(where `>` may stand) or a script's text is not a tag. The readers that need only the top of a page stop there, so
a long page costs no more than a short one.

Where html.parser and a browser disagree (rare constructs no theme writes, such as a comment closed by `--!>`), a
script may be read with other text than the browser runs. That is safe: the policy allows a script only by the hash
of reviewed text (site_csp.py), so text read differently has another hash and the browser refuses it.

Plain module (no MkDocs import).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# <script type> values a browser runs (HTML's JavaScript MIME type essences, "module", and import maps, which
# script-src also governs). Any other type (such as Material's application/json configuration) is a data block:
# never executed, so it needs no hash.
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

THEME_ARTICLE_CLASS = "md-content__inner"  # Material's <article> around a page's content
PUNCH_LIST_COMMENT = " punch-list "  # where a page wants the punch-list, if not right under its H1:
PUNCH_LIST_PLACE = f"<!--{PUNCH_LIST_COMMENT}-->"  # this comment, exactly


@dataclass(frozen=True, slots=True)
class InlineScript:
    """An inline script a browser would run: its exact text, and the line of the page it starts on."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class HeadPlace:
    """Where a tag goes first in a page's head: at `at`, the page going on from `rest` (after the tag a previous
    run put there, which is so replaced; `rest == at` otherwise)."""

    at: int
    rest: int


class _Done(Exception):
    """A reader has found what it looks for: the rest of the page need not be read."""


class _Reader(HTMLParser):
    """A tokenizer over one whole page that tells where in the page (as an index into it) the current token starts."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)  # charrefs as tokens of their own, so positions stay exact
        self.page = page
        self._line_starts = [0]

    def read(self) -> None:
        try:
            self.feed(self.page)
            self.close()
        except _Done:
            pass

    def here(self) -> int:
        """The index in the page at which the token being handled starts."""
        line, column = self.getpos()
        starts = self._line_starts
        while len(starts) < line:  # html.parser counts lines by "\n" alone, as this does
            starts.append(self.page.index("\n", starts[-1]) + 1)
        return starts[line - 1] + column

    def end_of_start_tag(self) -> int:
        """The index just after the start tag being handled."""
        return self.here() + len(self.get_starttag_text() or "")


def _attributes(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in attrs:
        values.setdefault(name, value or "")  # the first of a repeated attribute wins, as in HTML
    return values


def _runs_as_script(attributes: dict[str, str]) -> bool:
    if "src" in attributes:
        return False  # loaded from its address, which script-src 'self' governs
    if "type" in attributes:  # compared whole: "text/javascript; x=y" is a data block, as in HTML
        return attributes["type"].strip().lower() in _SCRIPT_TYPES
    language = attributes.get("language", "")
    return language == "" or f"text/{language.lower()}" in _SCRIPT_TYPES


class _ScriptReader(_Reader):
    def __init__(self, page: str) -> None:
        super().__init__(page)
        self.scripts: list[InlineScript] = []
        self._text: list[str] | None = None  # the text of the script being read, if it runs
        self._line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._text = [] if _runs_as_script(_attributes(attrs)) else None
            self._line = self.getpos()[0]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # In HTML `<script/>` is not empty: the slash is ignored and a script's text follows, as after <script>.
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.set_cdata_mode(tag)

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append(InlineScript("".join(self._text), self._line))
            self._text = None

    def read(self) -> None:
        super().read()
        if self._text is not None:  # a script left open at the end of the page runs with the rest as its text
            self.scripts.append(InlineScript("".join(self._text) + self.rawdata, self._line))
            self._text = None


def inline_scripts(page: str) -> list[InlineScript]:
    """Every inline script in `page` that a browser would run (no `src`; no type, or a JavaScript one), in order."""
    reader = _ScriptReader(page)
    reader.read()
    return reader.scripts


class _HeadReader(_Reader):
    def __init__(self, page: str) -> None:
        super().__init__(page)
        self.at: int | None = None  # after <head>, then after a <meta charset> that follows it at once
        self.rest: int | None = None  # after a policy <meta> that follows at once
        self._charset_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.at is None:
            if tag == "head":
                self.at = self.end_of_start_tag()
            elif tag == "body":
                raise _Done  # no <head> before the body
            return
        attributes = _attributes(attrs)
        if tag == "meta" and "charset" in attributes and not self._charset_seen:
            self.at = self.end_of_start_tag()
            self._charset_seen = True
            return
        if tag == "meta" and attributes.get("http-equiv", "").strip().lower() == "content-security-policy":
            self.rest = self.end_of_start_tag()  # put there by an earlier run, so it is replaced
        raise _Done  # anything else: the place is found

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.at is not None and data.strip():
            raise _Done

    def handle_endtag(self, tag: str) -> None:
        if self.at is not None:
            raise _Done

    def handle_comment(self, data: str) -> None:
        if self.at is not None:
            raise _Done


def head_place(page: str) -> HeadPlace | None:
    """Where a tag goes first in the page's head: after its `<head>` start tag, or after a `<meta charset>` that
    follows it at once (the charset must come first); the page goes on after a Content-Security-Policy `<meta>`
    that follows at once, which is so replaced. None when the page has no `<head>` before its body. Only the top of
    the page is read."""
    reader = _HeadReader(page)
    reader.read()
    if reader.at is None:
        return None
    return HeadPlace(reader.at, reader.rest if reader.rest is not None else reader.at)


class _PunchListReader(_Reader):
    def __init__(self, page: str, *, find_comment: bool) -> None:
        super().__init__(page)
        self.find_comment = find_comment
        self.article_start: int | None = None  # the end of the theme's <article> start tag
        # In the theme's article, or before any (what counts on a page without one): the first H1's end, the comment.
        self.h1_end: int | None = None
        self.comment: tuple[int, int] | None = None
        self._depth = 0  # <article> elements open from the theme's, itself included

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "article":
            return
        if self._depth:
            self._depth += 1
        elif self.article_start is None and THEME_ARTICLE_CLASS in _attributes(attrs).get("class", "").split():
            self.article_start = self.end_of_start_tag()
            self._depth = 1
            self.h1_end = self.comment = None  # what came before the theme's article does not count

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._depth:
            self._depth -= 1
            if not self._depth:
                raise _Done  # the end of the theme's article
        elif tag == "h1" and self.h1_end is None and self._counts():
            self.h1_end = self.page.index(">", self.here()) + 1  # html.parser ends an end tag at its first '>'
            if self._depth and not self.find_comment:
                raise _Done

    def handle_comment(self, data: str) -> None:
        if self.find_comment and data == PUNCH_LIST_COMMENT and self.comment is None and self._counts():
            start = self.here()
            self.comment = (start, self.page.index(">", start + len("<!--") + len(data)) + 1)
            if self._depth:
                raise _Done

    def _counts(self) -> bool:
        """Whether what is read now is in the theme's article, or before it (counting until it comes)."""
        return bool(self._depth) or self.article_start is None


def punch_list_place(page: str) -> tuple[int, int]:
    """Where the punch-list goes in a finished page, as the span of the page it replaces: the page's
    `<!-- punch-list -->` comment (the home page keeps its lead sentence above it), else an empty span right after
    the first H1 of the theme's article (Material's `<article class="md-content__inner">`), else at the top of that
    article. A page without that article: its comment, else its first H1, else the very top. Comments, attribute
    values and scripts are never taken for tags, and an `<article>` in the page's content is not the theme's."""
    # The comment is looked for only where its text occurs at all: most pages have none, and their reading stops at
    # their H1, at the top of the article.
    reader = _PunchListReader(page, find_comment=PUNCH_LIST_PLACE in page)
    reader.read()
    if reader.comment is not None:
        return reader.comment
    at = reader.h1_end if reader.h1_end is not None else reader.article_start or 0
    return (at, at)

"""What readers must not find in the built site, in one place: research notes (how a fact was
found belongs in YAML comments and the research notes, never on a page) and, on the home page,
statute, order and article numbers (they belong on the lever pages).

README ("Keeping it current") points here. The legal-number pattern is the schema's own
(`plain_text` in data/schema/common.schema.json), which the one-line statuses must match.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import SCHEMA_DIR

# Phrases that describe the search instead of the subject ("the copy we read breaks off"): what
# each catches, and its pattern (case-insensitive, on the text as a reader sees it).
RESEARCH_PHRASES: tuple[tuple[str, str], ...] = (
    ("we saw", r"\bwe saw\b"),
    ("we have seen", r"\bwe(?:'ve| have)? seen\b"),
    ("read here", r"\bread here\b"),
    ("not seen", r"\bnot seen\b"),
    ("source(s) seen", r"\bsources? seen\b"),
    ("a copy that breaks off or is cut off", r"\bcop(?:y|ies)\b[^.]{0,120}?\b(?:breaks? off|cut off)\b"),
    ("breaks off", r"\bbreaks? off\b"),
    ("a copy read (only) to", r"\bcop(?:y|ies) (?:we |read\b)"),
    ("stored copy", r"\bstored cop(?:y|ies)\b"),
    ("could (not) be read", r"\bcould (?:not )?be read\b"),
    ("not checked against", r"\bnot checked against\b"),
    ("we could (not) confirm, check or find", r"\bwe could\b"),
    ("we read", r"\bwe read\b"),
)
RESEARCH_PHRASE = re.compile("|".join(f"(?:{pattern})" for _, pattern in RESEARCH_PHRASES), re.IGNORECASE)


def legal_number_pattern() -> re.Pattern[str]:
    """Statute, order and article numbers (19 U.S.C. 1307, E.O. 13818, P.L. 117-78, Art. 23.6, §, ...),
    as the schema refuses them in a proposal's one-line status."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))
    (rule,) = common["$defs"]["plain_text"]["allOf"]
    return re.compile(rule["not"]["pattern"])


class _VisibleText(HTMLParser):
    """The text of a page as it reads (scripts, styles and the head left out), optionally only
    inside the first element whose class list holds `within`."""

    def __init__(self, within: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._within = within
        self._depth = 0 if within else 1  # inside the wanted element: > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "template"):
            self._hidden += 1
        if self._within and self._depth == 0:
            if self._within in (dict(attrs).get("class") or "").split():
                self._depth = 1
        elif self._within and tag not in VOID_TAGS:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "template"):
            self._hidden -= 1
        if self._within and self._depth > 0 and tag not in VOID_TAGS:
            self._depth -= 1
            if self._depth == 0:
                self._within = "\0done"  # only the first such element

    def handle_data(self, data: str) -> None:
        if not self._hidden and self._depth > 0:
            self.parts.append(data)


VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


def visible_text(html: str, within: str | None = None) -> str:
    """The page's text, whitespace folded; with `within`, only that of the first element of that class."""
    walker = _VisibleText(within)
    walker.feed(html)
    return " ".join(" ".join(walker.parts).split())


def hits(pattern: re.Pattern[str], text: str, where: str) -> list[str]:
    """Each match of `pattern` in `text`, with some words around it, to show in a failure."""
    return [f"{where}: …{text[max(0, m.start() - 60) : m.end() + 40]}…" for m in pattern.finditer(text)]


def page_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))

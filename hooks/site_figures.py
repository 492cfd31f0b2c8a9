"""Figures the pages' prose quotes from the data, so that a data change cannot leave a page
contradicting it: `{{ entity-list.total }}` in a page's Markdown (or its description) becomes
the data's value when the page is built. An unknown name stops the build, naming the page.

Names (each a count, an amount or a date as readers see it):
- `proposals.count`, `proposals.<lever id>.count`: proposals on the punch-list, or on one lever;
- `wros.count`: records in the WRO table;
- `<file>.checked` (`proposals`, `wros`, `bills`, `entity-list`, `uflpa`): the file's checked date;
- `entity-list.total`: the running total after the newest batch recorded (reported or confirmed:
  the data says which); `entity-list.total-on.YYYY-MM-DD`: the running total of the batches in
  effect by that day; `entity-list.<batch id>.count`: the entities one batch added;
- `uflpa.<figure id>.shipments`, `.value`, `.through`: a UFLPA figure's shipments and value,
  with its qualifier ("more than 12,600"), and the last day of its period.

`| words` writes a count of twenty or less in words ("thirteen"), `| Words` capitalized, to
begin a sentence. No MkDocs import: site_render.py fills the pages, tests call this directly.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from site_data import SiteData
from site_record_views import dollars_text, shipments_text
from site_text import format_date

# Anything in double braces asks for a figure (so that a misspelt one stops the build instead of
# reaching readers): {{ name }} or {{ name | words }}, a name being lowercase letters, digits,
# hyphens and dots.
FIGURE = re.compile(r"\{\{(.*?)\}\}")
_NAME_AND_FORM = re.compile(r"\s*([a-z0-9][a-z0-9.-]*)\s*(?:\|\s*(words|Words)\s*)?")
_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


class UnknownFigure(ValueError):
    """A page asks for a figure the data does not have."""


class ProseFigures:
    """Every figure of one build's data by name, made once per build."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self._counts: dict[str, int] = {
            "proposals.count": len(data.proposals),
            "wros.count": len(data.wros),
            "entity-list.total": sum(batch["count"] for batch in data.entity_batches),
            **{f"proposals.{lever['id']}.count": len(data.proposals_for(lever["id"])) for lever in data.levers},
            **{f"entity-list.{batch['id']}.count": batch["count"] for batch in data.entity_batches},
        }
        self._texts: dict[str, str] = {
            "proposals.checked": format_date(data.checked),
            "wros.checked": format_date(data.wros_checked),
            "bills.checked": format_date(data.bills_checked),
            "entity-list.checked": format_date(data.entity_list_checked),
            "uflpa.checked": format_date(data.uflpa_stats_checked),
        }
        for figure in data.uflpa_figures:
            for part, text in (
                ("shipments", shipments_text(figure)),
                ("value", dollars_text(figure)),
                ("through", format_date(figure["period"]["through"]) if "through" in figure["period"] else ""),
            ):
                if text:
                    self._texts[f"uflpa.{figure['id']}.{part}"] = text
        # Families whose member is named by a value in the name itself.
        self._patterns: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], int | None]], ...] = (
            (re.compile(r"entity-list\.total-on\.([0-9]{4}-[0-9]{2}-[0-9]{2})"), self._entity_total_on),
        )

    def _entity_total_on(self, match: re.Match[str]) -> int | None:
        try:
            day = datetime.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            return None
        return sum(batch["count"] for batch in self.data.entity_batches if batch["effective"] <= day)

    def count(self, name: str) -> int | None:
        if name in self._counts:
            return self._counts[name]
        for pattern, value in self._patterns:
            if match := pattern.fullmatch(name):
                return value(match)
        return None

    def text(self, name: str, form: str | None = None) -> str:
        """The figure as prose shows it; UnknownFigure if the data has none of that name (or
        `form` asks for words of something that is not a count)."""
        count = self.count(name)
        if count is None:
            if name in self._texts and form is None:
                return self._texts[name]
            raise UnknownFigure(name)
        if form is None or count > len(_WORDS) - 1:
            return f"{count:,}"
        words = _WORDS[count]
        return words.capitalize() if form == "Words" else words

    def fill(self, text: str, where: str) -> str:
        """`text` with every `{{ name }}` replaced by its figure; UnknownFigure names the first unknown one."""

        def figure(match: re.Match[str]) -> str:
            try:
                if not (asked := _NAME_AND_FORM.fullmatch(match.group(1))):
                    raise UnknownFigure(match.group(1))
                return self.text(asked.group(1), asked.group(2))
            except UnknownFigure:
                raise UnknownFigure(
                    f"{where}: '{match.group(0)}' names no figure in the data; expected a name such as "
                    "proposals.count, proposals.<lever id>.count, wros.count, proposals.checked, entity-list.total, "
                    "entity-list.total-on.YYYY-MM-DD, entity-list.<batch id>.count or uflpa.<figure id>.shipments "
                    "(hooks/site_figures.py lists them; '| words' only for counts)"
                ) from None

        return FIGURE.sub(figure, text)

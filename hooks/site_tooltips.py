"""Tooltips in the pages' own text: a glossary term's at its first use in each section, none in footnotes.

The glossary reaches every page's Markdown as abbreviation definitions (site_render.abbreviations),
and Python-Markdown's `abbr` extension marks every use of a term, which on a long page is a hundred
or more `<abbr>` elements (CBP alone 55 times on the customs page). Each is an element a phone must
hold and lay out, and after the first in a section it tells the reader nothing new: the text
explains each abbreviation at its first use, and the glossary page lists them all. So a term keeps
its tooltip where it first appears after each heading (a reader who arrives through a link to a
section still finds it there), and the footnotes, which are the page's sources, get none, like the
source lists of the generated blocks.

Material's tooltips cost a phone more than the elements: the theme mounts one for every element
with a `title` as the page loads (about a millisecond each on Lighthouse's simulated phone). So the
footnotes' "jump back" links carry their words as their accessible name (`aria-label`) instead of a
`title`, as the generated records' permalinks do.

A Python-Markdown extension (no MkDocs import); the hook adds it to the build's Markdown extensions.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _FirstUseOnly(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        footnotes = {
            element
            for div in root.iter("div")
            if "footnote" in (div.get("class") or "").split()
            for element in div.iter()
        }
        seen: set[str] = set()
        repeated = []
        for element in root.iter():  # in document order: a heading before the terms in it
            if element.tag in HEADINGS:
                seen = set()
            elif element.tag == "a" and "footnote-backref" in (element.get("class") or "").split():
                _title_as_name(element)
            elif element.tag == "abbr":
                term = element.text or ""
                if element in footnotes or term in seen:
                    repeated.append(element)
                seen.add(term)
        for element in repeated:
            _unwrap(element, parents[element])


def _title_as_name(link: etree.Element) -> None:
    if (title := link.attrib.pop("title", None)) is not None:
        link.set("aria-label", title)


def _unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Replace `element` by its text (an `<abbr>` holds text only)."""
    words = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + words
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + words
    parent.remove(element)


class GlossaryTooltips(Extension):
    """Tooltips (the `abbr` extension's `<abbr>`) at each term's first use per section, none in footnotes,
    whose back links are named without a tooltip."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After `abbr` (7), which marks every use; before `toc` (5), which reads the headings.
        md.treeprocessors.register(_FirstUseOnly(md), "glossary_first_use", 6)

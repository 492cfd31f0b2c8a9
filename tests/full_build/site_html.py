"""Reading a built site: its pages, their ids and their links (a small HTML walker for tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Elements whose id readers link to: section headings (the H1's is the page itself), records (rows, bill sections, changes,
# glossary terms) and the old ids of renamed sections. Footnote and theme ids are not published.
LINKABLE_TAGS = ("h2", "h3", "h4", "h5", "h6", "tr", "section", "li", "dt", "div")
NOT_LINKABLE_PREFIXES = ("__", "fn:", "fnref:")


@dataclass
class PageHtml:
    path: Path  # the HTML file
    url: str  # its site-relative URL, e.g. "customs/"
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href of every <a>
    heading_ids: list[tuple[str, str]] = field(default_factory=list)  # (tag, id) of h1-h6 with an id
    anchors: set[str] = field(default_factory=set)  # ids a reader may link to: sections and records


class _Walker(HTMLParser):
    def __init__(self, page: PageHtml) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if anchor := values.get("id"):
            self.page.ids.add(anchor)
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.page.heading_ids.append((tag, anchor))
            classes = (values.get("class") or "").split()
            moved = tag == "a" and "moved-anchor" in classes  # a moved entry's old id
            alias = "anchor-alias" in classes  # a redated change's old id, inside the change itself
            if (tag in LINKABLE_TAGS or moved or alias) and not anchor.startswith(NOT_LINKABLE_PREFIXES):
                self.page.anchors.add(anchor)
        if tag == "a" and (name := values.get("name")):
            self.page.ids.add(name)
        if tag == "a" and (href := values.get("href")) is not None:
            self.page.links.append(href)


def read_page(site: Path, path: Path) -> PageHtml:
    relative = path.relative_to(site).as_posix()
    url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    page = PageHtml(path=path, url=url)
    _Walker(page).feed(path.read_text(encoding="utf-8"))
    return page


def read_site(site: Path) -> dict[str, PageHtml]:
    """Every HTML page of the built site by its URL (the 404 page left out)."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        page = read_page(site, path)
        pages[page.url] = page
    return pages


def is_internal(href: str) -> bool:
    scheme = urlsplit(href).scheme
    return scheme == "" and not href.startswith("//")


def resolve(site: Path, page: PageHtml, href: str) -> tuple[Path, str]:
    """The file an internal link points to, and its #fragment ('' if none)."""
    parts = urlsplit(urljoin("/" + page.url, href))
    target = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)

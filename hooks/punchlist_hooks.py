"""MkDocs hooks: thin glue between MkDocs and the plain modules beside this file.

- on_config: load and validate data/ once per build (a bad file stops the build
  before anything is written or cleaned); glossary tooltips at a term's first use per
  section (site_tooltips);
- on_files: add a page per state's members of Congress, the JSON file per state that the
  look-up loads, the CSV/JSON downloads, the Atom feed and the Entity List's names (for its
  search box) to the build; serve site.css, site.js and members.js without their comments
  (site_assets);
- on_page_markdown: keep or leave out dated passages (`<!-- until:2027-01-03 -->`), put the
  data's figures into the prose and the description (`{{ name }}`), check the data markers,
  keep renamed sections' old anchors
  (front matter `anchor_aliases: {old-id: new-id}`; `moved_anchors: {old-id: page.md#id}` for
  entries moved to another page), append the glossary;
- on_page_content: render the blocks the page's data markers ask for, once;
- on_page_context: give Material's search one record per generated item;
- on_post_page: fill the markers with their blocks and put the punch-list right
  under the page's H1.

Generated HTML goes into the finished page, after the theme and the plugins: the
search plugin would otherwise parse all of it, which on large data took most of
the build, and would index a whole table as one result.

MkDocs puts this folder on sys.path only while it imports this file, so the
sibling modules are imported here, at the top.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from site_assets import COMPACTED
from site_data import DataError, SiteData, load_site_data
from site_exports import download_files
from site_feed import FeedError, atom_feed
from site_members import member_files, member_states, state_page_markdown, state_slug
from site_render import (
    MarkerError,
    PageBlocks,
    SiteRenderer,
    add_to_search_index,
    entity_names,
    fill_figures,
    insert_after_h1,
    render_page_markdown,
)
from site_text import (
    CHANGES_PAGE,
    DOWNLOADS_DIR,
    ENTITY_NAMES_FILE,
    FEED_PATH,
    MEMBERS_PAGE,
    MEMBERS_STATE_PAGE,
    the_day,
)
from site_tooltips import GlossaryTooltips
from site_views import SiteMap, proposal_address


@dataclass
class BuildState:
    """What one build knows, set up in on_config and on_files."""

    data: SiteData
    # The build date (site_text.the_day): a bill named on a page whose Congress has ended by then
    # is shown as dead.
    today: datetime.date = field(default_factory=datetime.date.today)
    renderer: SiteRenderer | None = None  # from on_files, once the pages' URLs are known
    page_blocks: dict[str, PageBlocks] = field(default_factory=dict)  # src_uri -> its rendered blocks


# Replaced by on_config on every build: `mkdocs serve` keeps this module alive across rebuilds.
_build: BuildState | None = None


def _state() -> BuildState:
    assert _build is not None, "on_config runs first"
    return _build


def _renderer() -> SiteRenderer:
    renderer = _state().renderer
    assert renderer is not None, "on_files runs before the pages"
    return renderer


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    root = Path(config.config_file_path).parent
    try:
        today = the_day()
    except ValueError as err:
        raise PluginError(str(err)) from None
    try:
        data = load_site_data(root / "data", docs_dir=Path(config.docs_dir))
    except DataError as err:
        raise PluginError(str(err)) from None
    _build = BuildState(data, today)
    # for templates: the print header and meta, and the feed link in every page's head
    config.extra["tracker_checked"] = data.checked
    config.extra["feed_path"] = FEED_PATH
    config.markdown_extensions.append(GlossaryTooltips())  # an instance: Markdown takes it as it takes a name
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = _state()
    site_url = config.site_url or "/"
    # Beside the members page: one page per state's members, made from the data (docs/ holds no
    # file per state), and what the look-up loads when a reader picks a state (members/wa.json).
    members_pages = files.get_file_from_path(MEMBERS_PAGE) is not None
    if members_pages:
        for code in member_states(state.data):
            page = MEMBERS_STATE_PAGE.format(slug=state_slug(code))
            files.append(File.generated(config, page, content=state_page_markdown(code)))
    site = SiteMap({file.src_uri: file.url for file in files.documentation_pages()}, site_url)
    try:
        state.renderer = SiteRenderer(state.data, site, state.today)
        names = entity_names(state.renderer.views)  # what the Entity List page's search box fetches
    except MarkerError as err:  # a Congress or a year with records but no page for them
        raise PluginError(str(err)) from None
    files.append(File.generated(config, ENTITY_NAMES_FILE, content=names))
    if members_pages:
        for path, content in member_files(state.renderer.views).items():
            files.append(File.generated(config, path, content=content))

    def link(proposal: Mapping[str, Any]) -> str:
        return proposal_address(proposal, state.data, site)

    for name, content in download_files(state.data, link).items():
        files.append(File.generated(config, f"{DOWNLOADS_DIR}/{name}", content=content))
    try:
        feed = atom_feed(
            state.data.status_changes(),
            site_url=config.site_url or "",
            site_name=config.site_name,
            changes_url=f"{config.site_url}{site.page_urls.get(CHANGES_PAGE, '')}",  # the home page if there is none
            checked=state.data.checked,
            link_for=link,
        )
    except FeedError as err:
        raise PluginError(str(err)) from None
    files.append(File.generated(config, FEED_PATH, content=feed))
    for src_uri, compact in COMPACTED.items():
        asset = files.get_file_from_path(src_uri)
        if asset is not None:
            asset.content_string = compact(asset.content_string)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The sitemap's <lastmod> and the time in sitemap.xml.gz's header come from this: the build date, like
    # everything else on the site, so that a build made another day as of the same PUNCHLIST_TODAY is the same.
    page.update_date = _state().today.isoformat()
    src_uri = page.file.src_uri
    try:
        aliases = page.meta.get("anchor_aliases") or {}
        moves = page.meta.get("moved_anchors") or {}
        if not isinstance(aliases, dict):
            raise MarkerError(f"docs/{src_uri}: front matter 'anchor_aliases' must map old ids to new ids")
        if not isinstance(moves, dict):
            raise MarkerError(f"docs/{src_uri}: front matter 'moved_anchors' must map old ids to pages and ids")
        figures = _renderer().figures
        if isinstance(page.meta.get("description"), str):  # the description quotes figures too
            page.meta["description"] = fill_figures(page.meta["description"], figures, f"docs/{src_uri}: description")
        return render_page_markdown(
            markdown,
            _state().data,
            src_uri,
            anchor_aliases=aliases,
            moved_anchors=moves,
            today=_state().today,
            figures=figures,
        )
    except MarkerError as err:
        raise PluginError(str(err)) from None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        blocks = _renderer().page_blocks(html, page.file.src_uri, page.url)
    except MarkerError as err:
        raise PluginError(str(err)) from None
    _state().page_blocks[page.file.src_uri] = blocks
    # MkDocs checks links to anchors, after every page, against the ids it saw; tell it these.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.anchor_ids
    return html


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # Runs after the search plugin's own on_page_context (plugins first, then hooks), so
    # the page's entries are in the index and a proposal's status can join its heading's.
    search = config.plugins.get("material/search")
    if search is not None and not (page.meta.get("search") or {}).get("exclude"):
        records = _state().page_blocks[page.file.src_uri].search_records
        add_to_search_index(search.search_index.entries, page.url, records)
    return context


@event_priority(-75)  # after the privacy plugin's pass (-50): see the sources macro in templates/parts.html
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # The privacy plugin re-parses every outbound link it finds; generated blocks hold
    # thousands of source links and no external asset. The punch-list is rendered once per
    # build and base URL; it stays out of search (readers find each proposal in its own section).
    filled = _state().page_blocks[page.file.src_uri].fill(output)
    return insert_after_h1(filled, _renderer().punch_list(page.file.src_uri, page.url))

"""The hook functions, called directly as MkDocs calls them (no full build)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import FIXTURE_DATA, copy_project
from site_text import FEED_PATH

HOOK = "hooks/punchlist_hooks.py"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site with the small fixture data set."""
    root = copy_project(tmp_path / "project")
    for path in FIXTURE_DATA.glob("*.yml"):
        shutil.copy2(path, root / "data" / path.name)
    for page in ("customs.md", "multilateral.md"):  # the fixture's lever pages
        (root / "docs" / page).write_text(f"# {page}\n")
    return root


def config_for(root: Path):
    return load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))


def prepared(root: Path):
    """A config after every plugin's on_config, as at the start of a build."""
    config = config_for(root)
    return config.plugins.on_config(config)


# The fixture's pages that every build links to: its lever pages, its bills' Congress pages, and the
# year pages of its Entity List batches (the search box's names file leads there).
LINKED_PAGES = (
    "index.md",
    "customs.md",
    "multilateral.md",
    "bills/116.md",
    "bills/117.md",
    "entity-list/2022.md",
    "entity-list/2024.md",
)


def doc_files(config, *names: str) -> Files:
    # on_files goes through MkDocs' plugin collection, as in a build (File.generated needs it).
    return Files([File(name, config.docs_dir, config.site_dir, config.use_directory_urls) for name in names])


def test_on_config_loads_data_once_per_build(project: Path) -> None:
    config = config_for(project)
    hooks = config.plugins[HOOK]
    result = hooks.on_config(config)
    assert result is config
    assert config.extra["tracker_checked"] == "2026-11-27"


def test_the_build_date_is_today_unless_punchlist_today_names_another(project: Path, monkeypatch) -> None:
    import datetime

    monkeypatch.setenv("PUNCHLIST_TODAY", "2027-01-03")
    config = config_for(project)
    hooks = config.plugins[HOOK]
    hooks.on_config(config)
    assert hooks._state().today == datetime.date(2027, 1, 3)
    monkeypatch.delenv("PUNCHLIST_TODAY")
    hooks.on_config(config)
    assert hooks._state().today == datetime.date.today()
    monkeypatch.setenv("PUNCHLIST_TODAY", "next week")
    with pytest.raises(PluginError, match="PUNCHLIST_TODAY must be a date written YYYY-MM-DD; got 'next week'"):
        hooks.on_config(config)


def test_on_config_turns_bad_data_into_a_readable_plugin_error(project: Path) -> None:
    wros = project / "data" / "wros.yml"
    wros.write_text(wros.read_text().replace("type: WRO", "type: Order", 1))
    config = config_for(project)
    with pytest.raises(PluginError) as caught:
        config.plugins[HOOK].on_config(config)
    message = str(caught.value)
    assert (
        "data/wros.yml: entry 'wro-xinjiang-region' (#1): field 'type': expected one of WRO, Finding; got 'Order'"
        in message
    )
    assert "Traceback" not in message


def test_a_state_without_a_label_stops_the_build_with_a_message(project: Path) -> None:
    schema = project / "data" / "schema" / "proposals.schema.json"
    document = json.loads(schema.read_text())
    document["$defs"]["state"]["oneOf"].append({"const": "stalled"})
    schema.write_text(json.dumps(document))
    config = config_for(project)
    with pytest.raises(PluginError) as caught:
        config.plugins[HOOK].on_config(config)
    message = str(caught.value)
    assert "data/schema/proposals.schema.json: field 'status.state': the state 'stalled'" in message
    assert "Traceback" not in message and "KeyError" not in message


def test_on_config_gives_templates_the_feed_path(project: Path) -> None:
    config = config_for(project)
    config.plugins[HOOK].on_config(config)
    assert config.extra["feed_path"] == FEED_PATH


def test_on_files_adds_the_downloads(project: Path) -> None:
    config = prepared(project)
    files = config.plugins.on_files(doc_files(config, *LINKED_PAGES), config=config)
    generated = {f.src_uri: f for f in files if f.src_uri.startswith("downloads/")}
    assert sorted(generated) == [
        f"downloads/{k}.{e}"
        for k in ("bills", "entity_list", "proposals", "uflpa_stats", "wros")
        for e in ("csv", "json")
    ]
    assert "http://127.0.0.1:8000/customs/#region-wide-wro" in generated["downloads/proposals.csv"].content_string
    names = json.loads(files.get_file_from_path("entity-list/names.json").content_string)  # the search box's
    assert [entity["url"] for entity in names["entities"]] == ["2024/#example-shoes", "2024/#example-seafood"]


def test_on_post_page_puts_the_table_under_the_h1(project: Path) -> None:
    config = prepared(project)
    hooks = config.plugins[HOOK]
    files = config.plugins.on_files(doc_files(config, *LINKED_PAGES, "bills.md"), config=config)
    page = Page(None, files.get_file_from_path("customs.md"), config)
    html = '<article class="md-content__inner md-typeset"><h1 id="c">Customs enforcement</h1><p>Intro.</p></article>'
    hooks.on_page_content(html, page=page, config=config, files=files)
    out = hooks.on_post_page(html, page=page, config=config)
    assert out.index("</h1>") < out.index('<div class="punch-list punch-list--lever"') < out.index("Intro.")
    assert 'href="#region-wide-wro"' in out  # the lever page links to its own sections
    assert 'href="../bills/117/#hr6256-117"' in out  # a bill's record, on its Congress's page


@pytest.mark.parametrize(
    ("page", "marker"), [("bills/116.md", "data:bills-116"), ("entity-list/2024.md", "data:entity-list-2024")]
)
def test_on_files_reports_a_congress_or_year_without_its_page(project: Path, page: str, marker: str) -> None:
    config = prepared(project)
    with pytest.raises(PluginError, match=rf"add docs/{re.escape(page)} with the marker '<!-- {marker} -->'"):
        config.plugins.on_files(doc_files(config, *(p for p in LINKED_PAGES if p != page)), config=config)


def test_generated_blocks_reach_search_and_the_finished_page(project: Path) -> None:
    # The events in a build's order, through MkDocs' plugin collection (the search and
    # privacy plugins included), as for one page.
    config = prepared(project)
    files = config.plugins.on_files(doc_files(config, *LINKED_PAGES, "wros.md", "bills.md"), config=config)
    page = Page(None, files.get_file_from_path("wros.md"), config)
    page.present_anchor_ids = {"wros"}
    page.content = config.plugins.on_page_content(
        '<h1 id="wros">WROs</h1>\n<!-- data:wros -->', page=page, config=config, files=files
    )
    # MkDocs' check of links to anchors must know the generated ones
    assert page.present_anchor_ids == {"wros", "wro-xinjiang-region", "finding-baoanzhao-stevia"}
    assert "<!-- data:wros -->" in page.content  # filled in the finished page, not here

    config.plugins.on_page_context({}, page=page, config=config, nav=None)
    entries = {e["location"]: e for e in config.plugins["material/search"].search_index.entries}
    assert entries["wros/#wro-xinjiang-region"]["title"] == "WRO: All entities in Xinjiang"
    assert "wros/#finding-baoanzhao-stevia" in entries

    finished = f"<html><head></head><body>{page.content}</body></html>"  # a finished page has a head (for its policy)
    out = config.plugins.on_post_page(finished, page=page, config=config)
    assert '<tr id="wro-xinjiang-region">' in out and "<!--" not in out
    assert out.count('referrerpolicy="no-referrer"') == out.count(
        'href="https://'
    )  # every outbound link carries the policy


def test_on_page_markdown_reports_a_bad_marker(project: Path) -> None:
    config = prepared(project)
    hooks = config.plugins[HOOK]
    files = config.plugins.on_files(doc_files(config, *LINKED_PAGES), config=config)
    page = Page(None, files.get_file_from_path("index.md"), config)
    with pytest.raises(PluginError, match=r"docs/index\.md: unknown marker"):
        hooks.on_page_markdown("# Home\n\n<!-- data:typo -->\n", page=page, config=config, files=files)


def test_serve_watches_data_and_hooks() -> None:
    from conftest import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(path).resolve() for path in config.watch}
    assert {ROOT / "data", ROOT / "hooks"} <= watched


def test_requirements_pin_mkdocs_below_2() -> None:
    from conftest import pinned_versions

    pins = pinned_versions("requirements.in")
    assert pins["mkdocs"].startswith("1.6.")
    assert pins["mkdocs-material"].startswith("9.8.")

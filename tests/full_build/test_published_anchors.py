"""Links that last: no anchor the site has published may disappear."""

from __future__ import annotations

from pathlib import Path

from anchors import registered, site_anchors


def test_no_published_anchor_has_disappeared(built_site: Path) -> None:
    missing = sorted(registered() - site_anchors(built_site))
    assert not missing, (
        "These published anchors no longer exist; keep them with front matter "
        f"'anchor_aliases: {{old-id: new-id}}' on their page: {missing}"
    )


def test_every_anchor_is_registered(built_site: Path) -> None:
    new = sorted(site_anchors(built_site) - registered())
    assert not new, f"New anchors: register them with 'python tests/full_build/anchors.py <site dir>': {new}"


def test_registry_covers_the_proposals_and_records() -> None:
    anchors = registered()
    assert "/customs/#region-wide-wro" in anchors
    assert "/wros/#wro-xinjiang-region" in anchors
    assert "/bills/#hr6256-117" in anchors


def test_a_renamed_section_keeps_its_old_anchor(tmp_path: Path) -> None:
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "customs.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    # as if the section once had the id 'old-wro-section' and was renamed
    page.write_text(
        text.replace("---\n", "---\nanchor_aliases:\n  old-wro-section: region-wide-wro\n", 1), encoding="utf-8"
    )
    html = (build_site(project) / "customs" / "index.html").read_text(encoding="utf-8")
    alias = html.index('id="old-wro-section"')
    assert alias < html.index('<h2 id="region-wide-wro"')

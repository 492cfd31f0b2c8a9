"""The correction link in the footer and the "Cite this page" line, as readers meet them: the link is
visible, named and big enough to hit, in both schemes, with no WCAG 2.2 A/AA violation; the cite line
prints."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pypdf
import pytest

from conftest import ROOT, build_site  # tests/conftest.py
from site_server import serve

from .conftest import Site, configured_site_url, html_pages
from .test_accessibility import SCHEMES, violations

pytestmark = pytest.mark.browser

REPO_URL = "https://github.com/example-org/punch-list"
LINK_NAME = "Report a correction on GitHub"


@pytest.fixture(scope="module")
def site_with_repo(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site built as the Pages workflow builds it: with REPO_URL."""
    folder = tmp_path_factory.mktemp("site-with-repo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPO_URL", REPO_URL)
        build_site(ROOT, folder)
    with serve(folder) as base:
        yield Site(folder, base, configured_site_url(), html_pages(folder))


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def lever_urls(expected) -> list[str]:
    return [expected.lever_url(lever["id"]) for lever in expected.levers]


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", [(1366, 900), (390, 844)])
def test_the_footer_link_is_visible_named_and_easy_to_hit(scheme, viewport, site_with_repo, expected, axe, new_context):
    width, height = viewport
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": height}).new_page()
    found: list[str] = []
    for url in ["", lever_urls(expected)[0], "404.html"]:
        page.goto(site_with_repo.url(url), wait_until="load")
        link = page.get_by_role("contentinfo").get_by_role("link", name=LINK_NAME, exact=True)
        link.scroll_into_view_if_needed()
        assert link.is_visible(), f"{url or 'home'}: the correction link does not show"
        assert link.get_attribute("href").startswith(f"{REPO_URL}/issues/new?template=correction.yml")
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, f"{url or 'home'}: target {box} under 24x24 px"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{url or 'home'}: link cut off at {width} px"
        found += violations(axe, page, f"{url or 'home'} at {width} px ({scheme})")
    assert found == [], "\n\n".join(found)


def test_the_cite_line_prints_on_every_lever_page(site_with_repo, expected, new_context):
    context = new_context()
    for url in lever_urls(expected):
        page = context.new_page()
        page.goto(site_with_repo.url(url), wait_until="load")
        page.emulate_media(media="print")
        cite = page.locator(".cite-page")
        assert cite.is_visible(), f"{url}: no cite line in print"
        text = cite.inner_text()
        assert text.startswith("Cite this page:") and site_with_repo.site_url + url in text, text
        assert page.get_by_role("contentinfo").is_hidden()  # the footer and its link stay off paper
        pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter", print_background=True)))
        printed = re.sub(r"\s+", "", pdf.pages[-1].extract_text())  # the last sheet: the line ends the article
        assert re.sub(r"\s+", "", text) in printed, f"{url}: the cite line is not on the last printed page"
        page.close()

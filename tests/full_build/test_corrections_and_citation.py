"""Every page's footer links to the correction form when the build knows the repository (env REPO_URL), and
to nothing, with no text in its place, when it does not; each lever page ends with a "Cite this page" line."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from mkdocs.config import load_config

from conftest import ROOT, build_site, copy_project
from site_data import load_site_data

DATA = load_site_data(ROOT / "data", docs_dir=ROOT / "docs")
LEVER_PAGES = {lever["page"] for lever in DATA.levers}
REPO_URL = "https://github.com/example-org/punch-list"
SITE_URL = "https://example-org.github.io/punch-list/"
REPORT_LINE = re.compile(r'<p class="report-correction">.*?</p>', re.S)


class _Walker(HTMLParser):
    """The links inside <footer>, and the text of the <p class="cite-page"> lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.footer_depth = 0
        self.footer_links: list[dict[str, str | None]] = []
        self.footer_text: list[str] = []
        self.cite_lines: list[str] = []
        self._in_cite = False
        self._link: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "footer":
            self.footer_depth += 1
        if tag == "a" and self.footer_depth:
            self._link = {**values, "text": ""}
            self.footer_links.append(self._link)
        if tag == "p" and values.get("class") == "cite-page":
            self._in_cite = True
            self.cite_lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer":
            self.footer_depth -= 1
        if tag == "a":
            self._link = None
        if tag == "p":
            self._in_cite = False

    def handle_data(self, data: str) -> None:
        if self.footer_depth:
            self.footer_text.append(data)
        if self._link is not None:
            self._link["text"] = f"{self._link['text']}{data}"
        if self._in_cite:
            self.cite_lines[-1] += data


def walk(path: Path) -> _Walker:
    walker = _Walker()
    walker.feed(path.read_text(encoding="utf-8"))
    return walker


def html_files(site: Path) -> dict[str, Path]:
    """site-relative URL -> file, for every HTML page ("404.html" included)."""
    files = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith("assets/"):
            files[relative.removesuffix("index.html")] = path
    return files


def build_with_env(folder: Path, **env: str | None) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        return build_site(ROOT, folder)


@pytest.fixture(scope="module")
def site_with_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # With the trailing slash a hand-typed value may have.
    return build_with_env(tmp_path_factory.mktemp("with-repo"), REPO_URL=REPO_URL + "/", SITE_URL=SITE_URL)


@pytest.fixture(scope="module")
def site_without_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_env(tmp_path_factory.mktemp("without-repo"), REPO_URL=None, SITE_URL=SITE_URL)


def test_every_page_footer_links_to_the_correction_form_with_the_page_filled_in(site_with_repo: Path) -> None:
    pages = html_files(site_with_repo)
    assert len(pages) >= 10
    for url, path in pages.items():
        (link,) = walk(path).footer_links  # the footer has no other link
        href, text = link["href"], link["text"]
        assert href is not None and text is not None, url
        address = urlsplit(href)
        assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO_URL}/issues/new", url
        fields = parse_qs(address.query)
        if url == "404.html":  # served at whatever address was mistyped: no page to name
            assert fields == {"template": ["correction.yml"]}
        else:
            assert fields == {"template": ["correction.yml"], "page": [SITE_URL + url]}, url
        assert href.startswith(f"{REPO_URL}/issues/new?template=correction.yml"), url
        assert link["referrerpolicy"] == "no-referrer", url
        assert {"noopener", "noreferrer"} <= set((link["rel"] or "").split()), url
        assert text.strip() == "Report a correction on GitHub", url


@pytest.mark.parametrize("repo_url", [None, "", "javascript:alert(1)", "github.com/example-org/punch-list"])
def test_without_an_https_repository_no_page_changes_but_for_the_link(
    repo_url: str | None, site_with_repo: Path, tmp_path: Path
) -> None:
    # The only difference from the build with REPO_URL is the link's line: no placeholder, nothing standing in.
    site = build_with_env(tmp_path / "site", REPO_URL=repo_url, SITE_URL=SITE_URL)
    with_repo = html_files(site_with_repo)
    without = html_files(site)
    assert without.keys() == with_repo.keys()
    for url, path in without.items():
        html = path.read_text(encoding="utf-8")
        assert walk(path).footer_links == [], url
        assert "issues/new" not in html and "REPO_URL" not in html and "repository_url" not in html, url
        linked = with_repo[url].read_text(encoding="utf-8")
        assert len(REPORT_LINE.findall(linked)) == 1, url
        assert REPORT_LINE.sub("", linked) == html, f"{url}: differs by more than the correction link"


def test_the_footer_has_no_text_but_the_link(site_with_repo: Path, site_without_repo: Path) -> None:
    for url, path in html_files(site_without_repo).items():
        assert "".join(walk(path).footer_text).strip() == "", url
    for url, path in html_files(site_with_repo).items():
        assert "".join(walk(path).footer_text).strip() == "Report a correction on GitHub", url


def front_matter(page: str) -> dict:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def prose(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


def test_each_lever_page_ends_with_a_cite_this_page_line(built_site: Path) -> None:
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    site_name = load_config(str(ROOT / "mkdocs.yml")).site_name
    assert LEVER_PAGES
    for page in LEVER_PAGES:
        url = page.removesuffix(".md") + "/"
        path = built_site / url / "index.html"
        title = front_matter(page)["title"]
        assert walk(path).cite_lines == [
            f"Cite this page: “{title}”, {site_name}, checked {prose(DATA.checked)}, {site_url}{url}"
        ], url
        # The last thing in the article: after the footnotes.
        html = path.read_text(encoding="utf-8")
        tail = html[html.index('<p class="cite-page">') :]
        assert re.match(r'<p class="cite-page">.*?</p>\s*</article>', tail, re.S), f"{url}: the cite line is not last"
        assert html.index('class="footnote"') < html.index('class="cite-page"'), url


def test_no_other_page_has_a_cite_line(built_site: Path) -> None:
    lever_urls = {page.removesuffix(".md") + "/" for page in LEVER_PAGES}
    others = {url: path for url, path in html_files(built_site).items() if url not in lever_urls}
    assert len(others) >= 5
    for url, path in others.items():
        assert walk(path).cite_lines == [], url


def test_the_checked_date_is_written_as_people_say_it(tmp_path: Path) -> None:
    # A one-digit day: "Dec 5, 2026", not "Dec 05, 2026" or "2026-12-05".
    project = copy_project(tmp_path / "project")
    proposals = project / "data" / "proposals.yml"
    text = proposals.read_text(encoding="utf-8")
    assert re.search(r"^checked: \S+$", text, re.M)
    proposals.write_text(re.sub(r"^checked: \S+$", "checked: 2026-12-05", text, count=1, flags=re.M), encoding="utf-8")
    site = build_site(project)
    page = sorted(LEVER_PAGES)[0]
    (line,) = walk(site / page.removesuffix(".md") / "index.html").cite_lines
    assert ", checked Dec 5, 2026, " in line

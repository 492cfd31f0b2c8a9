"""Two builds of the same commit as of the same day give byte-identical sites, so that a deployed site can be checked
against a local build (README.md, "Checking a deployed site").

The two builds differ in all that may differ between CI's machine and a reader's: the folder the project is in, the
folder the site goes to, Python's hash seed (the order of sets), and the real date and time, for which a different
SOURCE_DATE_EPOCH (MkDocs' idea of now) stands in. They agree on what a build is made from: the commit,
PUNCHLIST_TODAY, SITE_URL and REPO_URL.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project

SAME = {
    "PUNCHLIST_TODAY": "2026-11-29",
    "SITE_URL": "https://example.github.io/punch-list/",
    "REPO_URL": "https://github.com/example/punch-list",
    "NO_MKDOCS_2_WARNING": "1",
}


def build(project: Path, site: Path, *, hash_seed: str, now: str) -> dict[str, bytes]:
    env = {**os.environ, **SAME, "PYTHONHASHSEED": hash_seed, "SOURCE_DATE_EPOCH": now}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_commit_on_the_same_day_are_byte_identical(tmp_path: Path) -> None:
    elsewhere = copy_project(tmp_path / "another checkout")
    first = build(ROOT, tmp_path / "first site", hash_seed="1", now="1764547200")  # 2025-12-01
    second = build(elsewhere, tmp_path / "second site", hash_seed="2", now="1800000000")  # 2027-01-15
    assert len(first) > 50 and "sitemap.xml.gz" in first and "search/search_index.json" in first
    assert sorted(first) == sorted(second), "the builds wrote different files"
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:5]}"
    # The one date in the sitemap (and its gzip header's time) is the build date, not the real date.
    assert b"<lastmod>2026-11-29</lastmod>" in first["sitemap.xml"]
    with gzip.open(tmp_path / "first site" / "sitemap.xml.gz") as compressed:
        assert compressed.read() == first["sitemap.xml"]

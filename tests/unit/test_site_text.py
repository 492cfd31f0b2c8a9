"""What the modules share: dates, whitespace, relative URLs."""

from __future__ import annotations

import pytest

from site_text import base_url, fold, format_date, relative_url, site_path


def test_format_date() -> None:
    assert format_date("2022-06-21") == "Jun 21, 2022"
    assert format_date("2021-01-03") == "Jan 3, 2021"


def test_fold_makes_runs_of_whitespace_one_space() -> None:
    assert fold(" a\n\n b\t c \r\n") == "a b c"


@pytest.mark.parametrize(
    ("target", "base", "expected"),
    [
        ("customs/", "", "customs/"),
        ("", "customs/", "../"),
        ("bills/", "customs/", "../bills/"),
        ("downloads/wros.csv", "wros/", "../downloads/wros.csv"),
        ("", "", "./"),
    ],
)
def test_relative_url(target: str, base: str, expected: str) -> None:
    assert relative_url(target, base) == expected


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [("./", ""), ("", ""), ("customs/", "../"), ("a/b/", "../../"), ("about.html", ""), ("a/b.html", "../")],
)
def test_base_url_leads_from_a_page_to_the_site_root(page_url: str, expected: str) -> None:
    assert base_url(page_url) == expected


def test_site_path_of_the_home_page_is_empty() -> None:
    assert site_path("./") == "" and site_path("customs/") == "customs/"

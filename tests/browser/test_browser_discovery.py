"""The rule for a missing browser: outside CI the browser tests skip and say so loudly;
in CI they fail. Checked by running pytest on one browser test with no Chromium to find."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

ONE_BROWSER_TEST = "tests/browser/test_print.py::test_home_page_hides_its_extra_prose_in_print"


def run_without_browser(ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHROMIUM_PATH": str(ROOT / "no-such-dir" / "chromium"), "CI": ci}
    return subprocess.run(
        [sys.executable, "-m", "pytest", ONE_BROWSER_TEST, "-p", "no:cacheprovider", "-rs"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_a_browser_outside_ci_the_tests_skip_loudly() -> None:
    result = run_without_browser(ci="")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 skipped" in output, output
    assert "BROWSER TESTS SKIPPED" in output, "no message in the terminal summary"
    assert "PytestWarning: browser tests skipped" in output, "no pytest warning"
    assert "no-such-dir/chromium" in output, "the message does not say where it looked"


def test_without_a_browser_in_ci_the_tests_fail() -> None:
    result = run_without_browser(ci="true")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    summary = output.strip().splitlines()[-1]
    assert "skipped" not in summary and ("error" in summary or "failed" in summary), summary
    assert "CI is set" in output, output


@pytest.mark.browser
def test_the_browser_is_found_here(chromium_path: str) -> None:
    """Where the suite runs with a browser, it is the one the rule above finds."""
    assert os.access(chromium_path, os.X_OK)

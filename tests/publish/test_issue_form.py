"""The correction issue form: valid for GitHub, and asking for what the About page says a report needs.

The schema is the one check-jsonschema ships (`--builtin-schema`), so this needs no network.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT
from test_workflows import check_jsonschema

CORRECTION_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml"


def test_the_correction_form_matches_githubs_issue_form_schema() -> None:
    result = check_jsonschema("vendor.github-issue-forms", CORRECTION_FORM)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_does_catch_a_broken_issue_form(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: Broken\ndescription: no body\nbody:\n  - type: input\n    id: page\n"
    )  # input without a label
    assert check_jsonschema("vendor.github-issue-forms", broken).returncode != 0


def test_the_form_asks_for_page_sentence_what_is_wrong_and_a_source_all_required() -> None:
    form = yaml.safe_load(CORRECTION_FORM.read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if item["type"] != "markdown"}
    assert [fields[key]["attributes"]["label"] for key in fields] == ["Page", "Sentence", "What is wrong", "Source"]
    assert all(field["validations"]["required"] is True for field in fields.values())


def test_the_about_page_names_the_form_by_its_repository_path() -> None:
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert ".github/ISSUE_TEMPLATE/correction.yml" in about
    assert "will be posted here" not in about

"""The GitHub workflows and Dependabot's configuration: valid, and doing what the README says.

The schemas are the ones check-jsonschema ships (`--builtin-schema`), so this needs no network.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
OFFICIAL_PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")


def load(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in document:
        document["on"] = document.pop(True)
    return document


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict[str, Any]) -> dict[str, str]:
    """action -> version for every `uses:` step."""
    return dict(step["uses"].split("@", 1) for step in steps(workflow) if "uses" in step)


def run_commands(workflow: dict[str, Any]) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines()]


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_there_are_exactly_the_ci_pages_and_currency_workflows() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["ci.yml", "currency.yml", "pages.yml"]


def test_workflows_match_githubs_workflow_schema() -> None:
    result = check_jsonschema("vendor.github-workflows", *sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_its_schema() -> None:
    result = check_jsonschema("vendor.dependabot", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_does_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: broken\non: [push]\njobs:\n  test:\n    steps:\n      - run: make test\n")  # no runs-on
    assert check_jsonschema("vendor.github-workflows", broken).returncode != 0


def test_ci_runs_the_readme_test_command_on_every_push_and_pull_request() -> None:
    ci = load(WORKFLOWS / "ci.yml")
    assert {"push", "pull_request"} <= set(ci["on"])
    assert not ci["on"]["push"] and not ci["on"]["pull_request"], "no branch or path filter: every push and PR"
    commands = run_commands(ci)
    assert "make build" in commands  # strict build (mkdocs.yml has strict: true; the Makefile passes --strict)
    assert "make test" in commands
    assert "make build-properdocs" in commands  # the second build path; `make test` checks its output too
    (job,) = ci["jobs"].values()
    assert str(job["env"]["CI"]).lower() == "true"  # browser tests never skip in CI


def test_ci_installs_debians_chromium_for_the_browser_tests() -> None:
    ci = load(WORKFLOWS / "ci.yml")
    (job,) = ci["jobs"].values()
    image = job["container"]["image"] if isinstance(job["container"], dict) else job["container"]
    assert image.startswith(("debian:", "python:3.11-bookworm")), image
    assert any("apt-get install" in line and "chromium" in line for line in run_commands(ci))
    assert ci["permissions"] == {"contents": "read"}


def test_pages_deploys_with_the_official_actions() -> None:
    pages = load(WORKFLOWS / "pages.yml")
    actions = uses(pages)
    for action in OFFICIAL_PAGES_ACTIONS:
        assert action in actions, f"{action} is not used"
    for workflow in WORKFLOWS.glob("*.yml"):
        for action in uses(load(workflow)):
            assert action.startswith(("actions/", "./.github/workflows/")), f"only GitHub's own actions: {action}"
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"]["group"] == "pages"
    assert pages["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert pages["jobs"]["deploy"]["needs"] == "build"


# A step's action: a release's full commit (which no one can move, unlike a tag) and that release's tag in a comment,
# the form Dependabot reads and updates. A workflow of this repository (`./...`) is the only other kind.
PINNED_ACTION = re.compile(r"^ *(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+$")


@pytest.mark.parametrize("workflow", sorted(path.name for path in WORKFLOWS.glob("*.yml")))
def test_every_action_is_pinned_to_a_release_commit_with_its_tag_in_a_comment(workflow: str) -> None:
    lines = [line for line in (WORKFLOWS / workflow).read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines, f"{workflow} uses no action"
    local = [line for line in lines if line.strip().removeprefix("- ").startswith("uses: ./.github/workflows/")]
    unpinned = [line.strip() for line in lines if line not in local and not PINNED_ACTION.match(line)]
    assert not unpinned, f"{workflow}: actions not pinned to a release commit with its tag in a comment: {unpinned}"
    # every `uses:` line is a step or a job that YAML sees too (none hides in a comment or a string)
    assert len(lines) == sum("uses" in step for step in steps(load(WORKFLOWS / workflow))) + len(local)


def test_the_pinned_action_pattern_refuses_tags_branches_and_short_commits() -> None:
    assert PINNED_ACTION.match("      - uses: actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803 # v6.1.0")
    for line in (
        "      - uses: actions/checkout@v6",
        "      - uses: actions/checkout@main",
        "      - uses: actions/checkout@d23441a # v6.1.0",
        "      - uses: actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803",
        "      - uses: actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803 # v6",
    ):
        assert not PINNED_ACTION.match(line), line


def test_no_workflow_installs_python_packages_but_through_make() -> None:
    # The Makefile installs from the locks with hash checking on (tests/publish/test_locks.py).
    for workflow in WORKFLOWS.glob("*.yml"):
        for command in run_commands(load(workflow)):
            assert not re.search(r"\bpip3? install\b|\buv (pip|add|sync)\b|\bpipx\b", command), (
                f"{workflow.name}: {command}"
            )


def test_pages_takes_site_url_from_the_pages_configuration() -> None:
    pages = load(WORKFLOWS / "pages.yml")
    build_steps = pages["jobs"]["build"]["steps"]
    (configure,) = [s for s in build_steps if s.get("uses", "").startswith("actions/configure-pages@")]
    (build,) = [s for s in build_steps if "make build" in s.get("run", "")]
    assert build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    assert build_steps.index(configure) < build_steps.index(build)
    (upload,) = [s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "site"  # where `make build` writes
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL," in mkdocs_yml


def test_pages_gives_the_build_this_repositorys_address_for_the_correction_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mkdocs.config import load_config

    pages = load(WORKFLOWS / "pages.yml")
    (build,) = [s for s in pages["jobs"]["build"]["steps"] if "make build" in s.get("run", "")]
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    monkeypatch.setenv("REPO_URL", "https://github.com/example-org/punch-list")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.extra["repository_url"] == "https://github.com/example-org/punch-list"
    # Not Material's `repo_url`: that would make every reader's browser ask GitHub for the star count.
    assert config.repo_url is None
    monkeypatch.delenv("REPO_URL")
    assert load_config(str(ROOT / "mkdocs.yml")).extra["repository_url"] == ""  # no link, and the build passes


def test_pages_deploys_only_what_ci_passed_on_main() -> None:
    pages = load(WORKFLOWS / "pages.yml")
    trigger = pages["on"]["workflow_run"]
    assert trigger["workflows"] == [load(WORKFLOWS / "ci.yml")["name"]]
    assert trigger["branches"] == ["main"]
    condition = pages["jobs"]["build"]["if"]
    for required in ("conclusion == 'success'", "event == 'push'", "head_repository.full_name == github.repository"):
        assert required in condition


@pytest.mark.parametrize("ecosystem", ["pip", "github-actions"])
def test_dependabot_keeps_packages_and_actions_current(ecosystem: str) -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    (update,) = [u for u in config["updates"] if u["package-ecosystem"] == ecosystem]
    assert update["directory"] == "/"
    assert update["schedule"]["interval"] in ("daily", "weekly")
    if ecosystem == "pip":
        # Every locked package, not only those the .in files name; pip's ecosystem reads pip-compile's locks.
        assert {"dependency-type": "all"} in update["allow"]
        grouped = [pattern for group in update["groups"].values() for pattern in group["patterns"]]
        assert "*" in grouped, "the packages pulled in come grouped too"


def test_currency_runs_weekly_and_keeps_one_issue_of_what_is_due() -> None:
    currency = load(WORKFLOWS / "currency.yml")
    (cron,) = [entry["cron"] for entry in currency["on"]["schedule"]]
    _minute, _hour, day_of_month, month, day_of_week = cron.split()
    assert (day_of_month, month) == ("*", "*") and day_of_week.isdigit(), f"weekly: {cron}"
    check = currency["jobs"]["check"]
    assert check["permissions"] == {"contents": "read", "issues": "write"}
    assert currency["permissions"] == {"contents": "read"}  # nothing else may write
    commands = run_commands(currency)
    assert ".venv/bin/python hooks/site_currency.py > due.md" in commands  # what `make currency` runs
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "currency: $(BIN)/.installed\n\t@$(BIN)/python hooks/site_currency.py" in makefile
    script = "\n".join(commands)
    # one issue: found by its exact title, edited when it exists, created only when it does not
    assert "gh issue list" in script and "gh issue edit" in script and "gh issue create" in script
    assert 'if [ "$status" -gt 1 ]; then exit "$status"; fi' in commands  # bad data fails the run


def test_currency_rebuilds_and_deploys_through_the_pages_workflow() -> None:
    currency = load(WORKFLOWS / "currency.yml")
    deploy = currency["jobs"]["deploy"]
    assert deploy["uses"] == "./.github/workflows/pages.yml"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    pages = load(WORKFLOWS / "pages.yml")
    assert "workflow_call" in pages["on"]
    assert "github.event_name == 'schedule'" in pages["jobs"]["build"]["if"]

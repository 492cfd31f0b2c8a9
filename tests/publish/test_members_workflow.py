"""The weekly refresh of the members of Congress: the currency workflow runs `make refresh-members`
and proposes a changed data/members.yml as a pull request, with the workflow's own token."""

from __future__ import annotations

from conftest import ROOT
from test_workflows import WORKFLOWS, load


def test_the_currency_workflow_refreshes_the_members_and_proposes_a_pull_request() -> None:
    job = load(WORKFLOWS / "currency.yml")["jobs"]["members"]
    # It may push a branch and open a pull request, and nothing else.
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    actions = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert actions == ["actions/checkout", "actions/setup-python"]  # no third-party action
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert "make refresh-members" in script
    assert ".venv/bin/python hooks/site_data.py" in script  # a broken list fails the run, proposes nothing
    assert "git diff --quiet -- data/members.yml" in script  # nothing to propose when nothing changed
    assert "gh pr create" in script and "gh pr list" in script  # one pull request, reused
    steps_env = {key for step in job["steps"] for key in step.get("env", {})}
    assert "GH_TOKEN" in steps_env


def test_make_refresh_members_runs_the_refresh_command() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "refresh-members: $(BIN)/.installed\n\t$(BIN)/python hooks/members_refresh.py" in makefile

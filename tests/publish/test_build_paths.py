"""The two build paths, MkDocs and ProperDocs: same pinned stack, and `make test` (so CI) runs both.

The built output itself is checked by tests/full_build against each path (see tests/conftest.py, PUNCHLIST_BUILT_SITE).
"""

from __future__ import annotations

import subprocess

from conftest import BUILT_SITE_ENV, BUILT_WITH_ENV, ENGINE_REQUIREMENTS, ROOT, pinned_versions


def dry_run(target: str, *variables: str) -> list[str]:
    """The commands `make <target> [NAME=value ...]` would run, every step included (--always-make), none executed."""
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "--no-print-directory", target, *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


def test_properdocs_path_pins_the_same_theme_and_libraries_as_the_mkdocs_path() -> None:
    # What each path asks for (the input files) ...
    mkdocs_inputs = pinned_versions("requirements.in")
    properdocs_inputs = pinned_versions("requirements-properdocs.in")
    assert "properdocs" in properdocs_inputs and "mkdocs" not in properdocs_inputs
    assert "properdocs" not in pinned_versions(ENGINE_REQUIREMENTS["mkdocs"])  # the main environment stays plain MkDocs
    shared = set(mkdocs_inputs) - {"mkdocs"}
    assert shared <= set(properdocs_inputs), (
        f"missing from the ProperDocs path: {sorted(shared - set(properdocs_inputs))}"
    )
    assert {"mkdocs-material", "pymdown-extensions", "pyyaml", "jsonschema-rs", "jinja2"} <= shared
    # ... and what each installs (the locks, every package they pull in included): the same version of each package.
    mkdocs_pins = pinned_versions(ENGINE_REQUIREMENTS["mkdocs"])
    properdocs_pins = pinned_versions(ENGINE_REQUIREMENTS["properdocs"])
    assert set(properdocs_pins) - set(mkdocs_pins) == {"properdocs"}
    differing = {
        name: (mkdocs_pins[name], properdocs_pins[name])
        for name in set(mkdocs_pins) & set(properdocs_pins)
        if mkdocs_pins[name] != properdocs_pins[name]
    }
    assert not differing, f"versions differ between the two paths (MkDocs, ProperDocs): {differing}"


def test_build_properdocs_builds_strictly_with_properdocs_from_its_own_environment() -> None:
    commands = dry_run("build-properdocs")
    assert any(
        ".venv-properdocs" in line and "--require-hashes" in line and "-r requirements-properdocs.txt" in line
        for line in commands
    ), commands
    (build,) = [line for line in commands if "properdocs build" in line]
    assert build.startswith(".venv-properdocs/bin/properdocs build --strict -f mkdocs.yml -d "), build


def test_make_test_runs_the_built_site_tests_against_the_properdocs_build_too() -> None:
    commands = dry_run("test")
    build = next(i for i, line in enumerate(commands) if "properdocs build --strict" in line)
    output_tests = next(
        i
        for i, line in enumerate(commands)
        if f"{BUILT_SITE_ENV}=" in line and f"{BUILT_WITH_ENV}=properdocs" in line and "pytest" in line
    )
    whole_suite = [i for i, line in enumerate(commands) if line.endswith("python -m pytest")]
    assert build < output_tests and whole_suite, commands
    site_dir = commands[build].rsplit(" -d ", 1)[1]
    assert f"{BUILT_SITE_ENV}={site_dir} " in commands[output_tests]


def test_the_second_environment_and_its_site_stay_out_of_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    # ".venv-properdocs" without the slash: ignored whether a folder or a link to one
    assert ".venv-properdocs" in ignored and "site-properdocs/" in ignored

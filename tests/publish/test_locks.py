"""Every Python package is locked: each environment installs only what its lock file names, every package it pulls in
included, each file checked against the hashes in the lock (see README.md, "Dependencies").

The input files (requirements*.in) name what we depend on; `make lock` compiles each into its lock (requirements*.txt)
with pip-tools' pip-compile, from PyPI alone.
"""

from __future__ import annotations

import importlib.metadata
import re

import pytest

from conftest import ROOT, pinned_versions
from test_build_paths import dry_run

# lock file -> the input file it is compiled from
LOCKS = {
    "requirements.txt": "requirements.in",  # the site build (the Pages workflow builds the published site from it)
    "requirements-dev.txt": "requirements-dev.in",  # the tests and tools: .venv
    "requirements-properdocs.txt": "requirements-properdocs.in",  # the ProperDocs build: .venv-properdocs
}
_PACKAGE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$")
_HASH = re.compile(r"^    --hash=sha256:[0-9a-f]{64}( \\)?$")


def locked_files(lock: str) -> dict[str, list[str]]:
    """package -> its `--hash` lines, for every package of a lock file, checking the file's shape on the way."""
    packages: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, line in enumerate((ROOT / lock).read_text(encoding="utf-8").splitlines(), 1):
        if package := _PACKAGE.match(line):
            current = packages.setdefault(package.group(1).lower(), [])
        elif _HASH.match(line):
            assert current is not None, f"{lock}:{number}: a hash before any package"
            current.append(line.split("=", 1)[1].rstrip(" \\"))
        else:
            current = None
            assert line == "" or line.lstrip().startswith("#"), (
                f"{lock}:{number}: not a pinned package, hash or comment: {line!r}"
            )
    return packages


def input_pins(name: str) -> dict[str, str]:
    """The pins of an input file, those of the input files it includes (`-r file`) too."""
    pins = pinned_versions(name)
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            pins |= input_pins(line.removeprefix("-r ").strip())
    return pins


@pytest.mark.parametrize("lock", LOCKS)
def test_each_lock_is_compiled_by_pip_compile_from_its_input_file_with_hashes(lock: str) -> None:
    text = (ROOT / lock).read_text(encoding="utf-8")
    header = text.split("\n#\n", 2)[1]  # pip-compile's header names the command that wrote the file
    assert "pip-compile --allow-unsafe --generate-hashes" in header, header
    assert f"--output-file={lock} " in header and header.rstrip().endswith(f" {LOCKS[lock]}"), header
    # Only PyPI: no index, mirror or wheel folder of one machine written into the lock.
    assert not re.search(r"^--|file://", text, re.MULTILINE), "the lock names an index, a mirror or a folder"
    packages = locked_files(lock)
    assert len(packages) > len(pinned_versions(LOCKS[lock])), "the packages pulled in are locked too"
    assert not [name for name, hashes in packages.items() if not hashes], "a package without hashes"


@pytest.mark.parametrize("lock", LOCKS)
def test_each_lock_has_what_its_input_file_pins_at_that_version(lock: str) -> None:
    # An input file edited without `make lock` fails here.
    wanted = input_pins(LOCKS[lock])
    locked = pinned_versions(lock)
    assert set(locked) == set(locked_files(lock))  # the same reading of the file, two ways
    differing = {name: (version, locked.get(name)) for name, version in wanted.items() if locked.get(name) != version}
    assert not differing, f"{lock} is not compiled from {LOCKS[lock]} as it is now (pinned, locked): {differing}"


def test_a_package_is_at_the_same_version_in_every_lock() -> None:
    # The tests run on the packages the published site is built with, and so does the ProperDocs build.
    versions: dict[str, dict[str, str]] = {}
    for lock in LOCKS:
        for name, version in pinned_versions(lock).items():
            versions.setdefault(name, {})[lock] = version
    differing = {name: found for name, found in versions.items() if len(set(found.values())) > 1}
    assert not differing, f"packages at different versions in the locks: {differing}"
    assert set(pinned_versions("requirements.txt")) <= set(pinned_versions("requirements-dev.txt"))


def test_the_test_environment_is_exactly_what_its_lock_names() -> None:
    # `make` installs .venv from requirements-dev.txt; these tests run in it.
    locked = pinned_versions("requirements-dev.txt")
    installed = {name: _installed_version(name) for name in locked}
    differing = {name: (version, installed[name]) for name, version in locked.items() if installed[name] != version}
    assert not differing, f"installed packages differ from the lock (locked, installed): {differing}"


def _installed_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


@pytest.mark.parametrize(
    ("target", "lock"),
    [
        (".venv/bin/.installed", "requirements-dev.txt"),
        (".venv-properdocs/bin/.installed", "requirements-properdocs.txt"),
        ("build REQUIREMENTS=requirements.txt", "requirements.txt"),  # what the Pages workflow runs
    ],
)
def test_make_installs_each_environment_from_its_lock_with_hashes_checked(target: str, lock: str) -> None:
    commands = dry_run(*target.split())
    installs = [line for line in commands if "pip install" in line]
    assert len(installs) == 1, commands
    (install,) = installs
    assert "--require-hashes" in install and "--only-binary=:all:" in install, install
    assert install.endswith(f" -r {lock}"), install


def test_make_lock_compiles_every_lock_from_pypi_alone() -> None:
    commands = "\n".join(dry_run("lock"))
    # The machine's pip configuration (a local mirror or wheel folder) is left out: the hashes are PyPI's.
    assert "PIP_CONFIG_FILE=/dev/null" in commands
    for variable in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS"):
        assert f"-u {variable} " in commands
    assert "pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras" in commands
    assert "for lock in requirements requirements-dev requirements-properdocs; do" in commands
    assert "--output-file=$lock.txt $lock.in" in commands

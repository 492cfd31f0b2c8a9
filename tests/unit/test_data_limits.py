"""Data files that could exhaust memory or time are refused with a message naming the file and line.

Each kind of input once. The ones that would crash or eat the machine if a check regressed
run in a child process capped at CHILD_MEMORY bytes of address space, so that a regression
fails the test instead of taking the machine down."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, HOOKS, SCHEMA_DIR
from site_data import DataError, load_site_data
from site_yaml import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

CHILD_MEMORY = 512 * 1024 * 1024  # loading the real data needs under 50 MB

# Run in the child: load the data folder argv[1], print each problem, exit 0; a traceback, a crash
# or running out of memory shows as a non-zero exit status.
CHILD = textwrap.dedent(
    f"""
    import datetime, resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, ({CHILD_MEMORY}, {CHILD_MEMORY}))
    sys.path.insert(0, {str(HOOKS)!r})
    from site_data import DataError, load_site_data
    try:
        load_site_data(Path(sys.argv[1]), schema_dir=Path({str(SCHEMA_DIR)!r}), today=datetime.date(2026, 11, 27))
    except DataError as err:
        print("\\n".join(str(problem) for problem in err.problems))
    """
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=datetime.date(2026, 11, 27))
    return [str(p) for p in caught.value.problems]


def problems_in_capped_child(data_dir: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the loader failed (exit status {result.returncode}):\n{result.stderr[-2000:]}"
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout.splitlines()


def test_aliases_that_expand_exponentially_are_refused_by_the_node_budget(data_dir: Path) -> None:
    # "Billion laughs": 30 levels of ten aliases each would be 10**30 values once expanded.
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 30)]
    (data_dir / "bills.yml").write_text("\n".join(levels) + "\nbills: []\n")
    [problem] = problems_in_capped_child(data_dir)
    assert problem.startswith(f"data/bills.yml: has more than {MAX_NODES:,} values, aliases counted each time")
    assert "at line " in problem


def test_aliases_of_a_long_text_count_by_its_length(data_dir: Path) -> None:
    # Few values, but each alias repeats 10,000 characters: 2 billion characters once expanded.
    aliases = ", ".join(["*long"] * 200_000)
    (data_dir / "glossary.yml").write_text(f"long: &long {'x' * 10_000}\nterms: [{aliases}]\n")
    [problem] = problems_in_capped_child(data_dir)
    assert problem.startswith(f"data/glossary.yml: has more than {MAX_NODES:,} values")
    assert "at line 1, column 7" in problem  # the repeated text itself


def test_many_values_without_aliases_are_refused_before_they_are_built(data_dir: Path) -> None:
    # Under the size limit, but over the node budget: read as events, never composed as a tree.
    (data_dir / "wros.yml").write_text("checked: 2026-11-27\nwros: [" + "1," * (MAX_NODES + 10) + "]\n")
    [problem] = problems_in_capped_child(data_dir)
    assert problem.startswith(f"data/wros.yml: has more than {MAX_NODES:,} values") and "at line 2" in problem


def test_deeply_nested_brackets_are_refused_without_a_crash(data_dir: Path) -> None:
    # libyaml's composer recurses in C: 100,000 nested brackets crashed Python with a segfault.
    depth = 100_000
    (data_dir / "proposals.yml").write_text("checked: 2026-11-27\nproposals: " + "[" * depth + "]" * depth + "\n")
    [problem] = problems_in_capped_child(data_dir)
    assert problem == (
        f"data/proposals.yml: has lists or mappings nested more than {MAX_DEPTH} levels deep "
        f"(at most {MAX_DEPTH} allowed) at line 2, column {len('proposals: ') + MAX_DEPTH}"
    )


def test_deeply_nested_mappings_are_refused(data_dir: Path) -> None:
    # Block style, shallow enough for the composer: the walk that builds the data refuses it.
    nested = "".join(f"{'  ' * level}level{level}:\n" for level in range(MAX_DEPTH + 5))
    (data_dir / "levers.yml").write_text(nested)
    [problem] = problems_of(data_dir)
    assert problem.startswith(f"data/levers.yml: has lists or mappings nested more than {MAX_DEPTH} levels deep")
    assert f"at line {MAX_DEPTH + 1}," in problem and "Traceback" not in problem


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(data_dir: Path) -> None:
    # Not valid YAML either: the size is checked first, so the parser never sees it.
    (data_dir / "wros.yml").write_bytes(b"wros: [" + b" " * MAX_FILE_BYTES)
    assert problems_of(data_dir) == [
        f"data/wros.yml: is larger than {MAX_FILE_BYTES:,} bytes, the most a data file may hold"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_refused(data_dir: Path, text: str) -> None:
    (data_dir / "glossary.yml").write_text(text)
    assert problems_of(data_dir) == [
        "data/glossary.yml: is empty (nothing but blank lines or comments); "
        "expected a mapping of fields ('name: value' lines)"
    ]


def test_invalid_utf8_names_the_line(data_dir: Path) -> None:
    (data_dir / "bills.yml").write_bytes(b"checked: 2026-11-27\nbills:\n  - id: caf\xe9\n")
    [problem] = problems_of(data_dir)
    assert problem.startswith(
        "data/bills.yml: is not UTF-8 text (invalid continuation byte at line 3, byte 39 of the file)"
    )


@pytest.mark.parametrize(
    ("text", "got"),
    [("- checked: 2026-11-27\n- bills: []\n", "a list"), ("just some words\n", "'just some words'")],
)
def test_a_top_level_that_is_not_a_mapping_is_refused(data_dir: Path, text: str, got: str) -> None:
    (data_dir / "bills.yml").write_text(text)
    assert problems_of(data_dir) == [
        f"data/bills.yml: expected a mapping of fields ('name: value' lines) at the top, got {got} at line 1, column 1"
    ]


def test_merge_keys_are_refused(data_dir: Path) -> None:
    # PyYAML expands merges of merges before anything can count them: refused outright.
    (data_dir / "levers.yml").write_text("base: &base {id: customs}\nlevers:\n  - <<: *base\n")
    [problem] = problems_of(data_dir)
    assert (
        problem
        == "data/levers.yml: is not valid YAML: merge keys ('<<') are not supported; write the fields out at line 3, column 5"
    )

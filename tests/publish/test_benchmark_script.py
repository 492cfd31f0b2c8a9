"""The benchmark script (benchmarks/run.py) is not a test, but its synthetic data must stay
valid as the data's schema changes, or `make bench` breaks unnoticed."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, copy_project
from site_data import load_site_data


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_synthetic_data_is_valid_and_scaled(bench: ModuleType, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    real = bench.record_counts(project)
    counts = bench.scale_project(project, 3)
    assert counts == {key: 3 * value for key, value in real.items()}
    data = load_site_data(project / "data", docs_dir=project / "docs")  # raises if any synthetic record is invalid
    assert len(data.proposals) == counts["proposals"]
    assert len(data.entities()) == counts["entities"] and len(data.wros) == counts["wros"]
    assert len(data.status_changes()) == counts["proposals"] + counts["history_entries"]
    for proposal in data.proposals:  # each synthetic proposal has its section on its lever page
        page = project / "docs" / data.lever(proposal["lever"])["page"]
        assert f"{{ #{proposal['id']} }}" in page.read_text(encoding="utf-8") or "-x" not in proposal["id"]


def test_page_list_and_weight_helpers(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for path in ("index.html", "a/index.html", "404.html"):
        (tmp_path / path).write_text("<p>hello</p>" * 100)
    assert bench.site_pages(tmp_path) == ["/", "/a/"]
    assert 0 < bench.gzip_size((tmp_path / "index.html").read_bytes()) < 1200


def test_the_members_look_up_is_weighed_by_its_largest_state(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "members").mkdir()
    (tmp_path / "assets" / "members.js").write_text("var x = 1;\n" * 50)
    (tmp_path / "members" / "wa.json").write_text('{"m": []}')
    # random bytes do not compress: the largest state, and over the target
    (tmp_path / "members" / "ca.json").write_bytes(random.Random(1).randbytes(40_000))
    misses: list[str] = []
    found = bench.report_member_lookup(tmp_path, misses)
    assert found["largest_state"] == "ca"
    assert found["largest_state_gzip_bytes"] > 30 * 1024 and not found["meets_target"]
    assert misses and "members look-up" in misses[0]

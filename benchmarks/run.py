"""Benchmark the site: how long it takes to build, and what a reader's browser downloads.

Not a test: it prints a report and writes it as JSON to benchmarks/results/ (gitignored).

    make bench                                   # the same as: .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --runs 9 --scale 50 --fail-on-miss

What it measures:

1. Build time of the real site: `load_config` + `build` in this process (MkDocs' own API, the
   hooks included, strict as in mkdocs.yml), after one warm-up build that is not counted;
   the median of --runs builds. Also the wall time of `mkdocs build --strict` as a new
   process (what `make build` costs, Python start-up and imports included), median of 3.
2. Build time with synthetic data --scale times the real size (proposals with their
   history, WROs and bills; each synthetic proposal also gets a section on its lever page),
   built the same way, reported as a ratio to the real build. Target: ratio <= 3.
3. First-load weight and DOM size of every page: the built site is served on 127.0.0.1 (a free
   port), each page is opened in headless Chromium (Playwright, a fresh browser context each, so
   nothing is cached), every response is recorded until the network is idle, and the
   same-origin responses are summed as their gzip -9 sizes (about what a gzip-serving
   host sends; the local server gzips too); then its elements are counted as Lighthouse counts
   them (tests/dom_size.py). Targets per page: <= 100 KB (1 KB = 1,024 bytes), <= 10 requests
   and <= 1,000 elements; any third-party request is reported (the site must make none). With
   --weight-scale N the pages of a site with N times the records are measured too (weight and
   requests are targets there; the element count is reported).
4. Lighthouse's mobile run (its default preset: a mid-range phone on a slow 4G network,
   simulated) on every page, the median of --lighthouse-runs runs each, and its desktop run on
   the home page, if `lighthouse` is on PATH (skipped otherwise). Target: mobile performance
   >= 0.95 on every page.

A missed target is reported, not fatal; --fail-on-miss makes the exit status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime
import gzip
import importlib.metadata
import json
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Page, Response

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# E402: these modules are found only through the sys.path entries just above.
from conftest import copy_project  # noqa: E402  (the tests' copy of everything a build reads)
from dom_size import COUNT_DOM_ELEMENTS, MAX_DOM_ELEMENTS  # noqa: E402  (counted as the browser test counts)
from site_server import serve  # noqa: E402  (the browser tests' static host, gzip included)
from site_yaml import DataYamlLoader  # noqa: E402  (the build's own YAML loader)

WEIGHT_TARGET = 100 * 1024  # bytes, gzip -9, per page at first load
REQUEST_TARGET = 10
RATIO_TARGET = 3.0
LIGHTHOUSE_TARGET = 0.95  # mobile performance score, every page
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# ---- Build time --------------------------------------------------------------------


class _Warnings(logging.Handler):
    """Counts MkDocs' warnings (and keeps the first few) while a build runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def quiet_mkdocs() -> Iterator[_Warnings]:
    """Keep MkDocs' log off the screen (a handler on 'mkdocs' stops Python's last-resort
    printing) without raising its level, so strict mode still counts warnings."""
    logger = logging.getLogger("mkdocs")
    handler = _Warnings()
    null = logging.NullHandler()
    logger.addHandler(handler)
    logger.addHandler(null)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.removeHandler(null)


class BuildFailed(Exception):
    """A build stopped; the message holds what MkDocs logged."""


def build_once(project: Path, site_dir: Path, *, strict: bool) -> float:
    """One build the way `mkdocs build` does it (config loaded, then built); seconds.
    Raises BuildFailed with MkDocs' log when the build stops (MkDocs' Abort is a SystemExit)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    with quiet_mkdocs() as log:
        start = time.perf_counter()
        try:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
            build(config)
        except Abort as err:
            raise BuildFailed("\n".join([str(err), *log.messages[:10]])) from None
        return time.perf_counter() - start


@dataclass
class BuildTiming:
    label: str
    project: Path
    site_dir: Path
    strict: bool = True
    warm_up: float = 0.0
    runs: list[float] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def summary(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "strict": self.strict,
            "warm_up": self.warm_up,
            "runs": self.runs,
            "median": self.median,
            "warnings": self.warnings,
            "note": self.note,
        }


def warm_up(timing: BuildTiming) -> None:
    """One build that is not counted. If it stops on warnings in strict mode, the timed
    builds run non-strict (the work is the same; strict only stops at the end) and say so."""
    try:
        timing.warm_up = build_once(timing.project, timing.site_dir, strict=timing.strict)
    except BuildFailed as err:
        if not timing.strict:
            raise
        lines = str(err).splitlines()
        timing.warnings = lines[1:6]
        timing.note = f"the strict build stopped ({lines[0]}); timed non-strict"
        timing.strict = False
        timing.warm_up = build_once(timing.project, timing.site_dir, strict=False)


def time_builds(timings: list[BuildTiming], runs: int) -> None:
    """`runs` rounds, each building every data set once: interleaved, so that other load on
    the machine falls on all of them alike and their ratio stays fair."""
    for timing in timings:
        warm_up(timing)
    for _ in range(runs):
        for timing in timings:
            timing.runs.append(build_once(timing.project, timing.site_dir, strict=timing.strict))


def time_cli_build(project: Path, site_dir: Path, runs: int) -> list[float]:
    """Wall time of `mkdocs build --strict` as a new process."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(mkdocs), "build", "--strict", "--quiet", "-d", str(site_dir)],
            cwd=project,
            check=True,
            capture_output=True,
        )
        timings.append(time.perf_counter() - start)
    return timings


# ---- Synthetic data: the real data, `scale` times --------------------------------------


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=DataYamlLoader)  # dates stay text


def _dump(document: Any, path: Path) -> None:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _copy_id(record_id: str, n: int) -> str:
    suffix = f"-x{n}"
    return record_id[: 60 - len(suffix)].rstrip("-") + suffix  # ids are at most 60 characters


def _copy_bill_id(bill_id: str, n: int) -> str:
    """'hr6256-117' -> 'hr6256007-117': bill ids must stay '<type><number>-<congress>'."""
    match = re.fullmatch(r"([a-z]+)([0-9]+)-([0-9]+)", bill_id)
    if match is None:
        raise ValueError(f"bill id {bill_id!r} is not '<type><number>-<congress>'")
    kind, number, congress = match.groups()
    return f"{kind}{number}{n:03d}-{congress}"


def scale_project(project: Path, scale: int) -> dict[str, int]:
    """Multiply the proposals (with their history), WROs and bills of `project` by `scale`,
    with new unique ids; each new proposal keeps its lever and gets a section on the lever's
    page. Returns the new record counts."""
    data = project / "data"
    proposals, wros, bills = (_load(data / f"{stem}.yml") for stem in ("proposals", "wros", "bills"))
    levers = {lever["id"]: lever for lever in _load(data / "levers.yml")["levers"]}
    sections: dict[str, list[str]] = {lever_id: [] for lever_id in levers}

    originals = list(proposals["proposals"])
    for n in range(1, scale):
        for proposal in originals:
            twin = copy.deepcopy(proposal)
            twin["id"] = _copy_id(proposal["id"], n)
            proposals["proposals"].append(twin)
            sections[twin["lever"]].append(
                f"## {' '.join(twin['title'].split())} {{ #{twin['id']} }}\n\n<!-- status:{twin['id']} -->\n"
            )
    for document, key, new_id in ((wros, "wros", _copy_id), (bills, "bills", _copy_bill_id)):
        records = list(document[key])
        for n in range(1, scale):
            document[key] += [{**copy.deepcopy(r), "id": new_id(r["id"], n)} for r in records]
        ids = [r["id"] for r in document[key]]
        if len(set(ids)) != len(ids):
            raise SystemExit(f"synthetic {key} ids collide; change the scheme in scale_project")

    entity_list = _load(data / "entity_list.yml")
    for batch in entity_list["batches"]:  # each batch `scale` times larger; its count agrees
        batch["count"] *= scale
        entities = list(batch.get("entities", []))
        # The copies share their sources with the original, as a batch's entities do in the real
        # file (one YAML anchor per batch), so the synthetic file is written with aliases too.
        for n in range(1, scale if entities else 1):
            batch["entities"] += [{**e, "id": _copy_id(e["id"], n)} for e in entities]

    _dump(proposals, data / "proposals.yml")
    _dump(wros, data / "wros.yml")
    _dump(bills, data / "bills.yml")
    _dump(entity_list, data / "entity_list.yml")
    for lever_id, extra in sections.items():
        page = project / "docs" / levers[lever_id]["page"]
        page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "\n".join(extra), encoding="utf-8")
    history = sum(len(p.get("history", [])) for p in proposals["proposals"])
    return {
        "proposals": len(proposals["proposals"]),
        "history_entries": history,
        "wros": len(wros["wros"]),
        "bills": len(bills["bills"]),
        "entities": sum(len(b.get("entities", [])) for b in entity_list["batches"]),
    }


def record_counts(project: Path) -> dict[str, int]:
    data = project / "data"
    proposals = _load(data / "proposals.yml")["proposals"]
    return {
        "proposals": len(proposals),
        "history_entries": sum(len(p.get("history", [])) for p in proposals),
        "wros": len(_load(data / "wros.yml")["wros"]),
        "bills": len(_load(data / "bills.yml")["bills"]),
        "entities": sum(len(b.get("entities", [])) for b in _load(data / "entity_list.yml")["batches"]),
    }


# ---- Page weight ------------------------------------------------------------------


@dataclass
class Resource:
    url: str  # site-relative
    status: int
    kind: str
    raw: int
    gzip: int


@dataclass
class PageWeight:
    page: str  # site-relative URL, "/" for the home page
    requests: int  # every request the page made while loading
    resources: list[Resource]
    third_party: list[str]
    failed: list[str]
    dom_elements: int  # at first load, as Lighthouse counts them (tests/dom_size.py)

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def gzip(self) -> int:
        return sum(r.gzip for r in self.resources)

    @property
    def code_gzip(self) -> int:
        """HTML, CSS and JavaScript only (stack notes §4.5's budget), without the search index and images."""
        return sum(r.gzip for r in self.resources if r.kind in ("document", "stylesheet", "script"))

    @property
    def meets_weight_targets(self) -> bool:
        return self.gzip <= WEIGHT_TARGET and self.requests <= REQUEST_TARGET and not self.third_party

    @property
    def meets_targets(self) -> bool:
        return self.meets_weight_targets and self.dom_elements <= MAX_DOM_ELEMENTS


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def site_pages(site: Path) -> list[str]:
    """Site-relative URLs of the site's pages (404.html left out)."""
    urls = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        urls.append("/" if relative == "." else f"/{relative}/")
    return sorted(urls, key=lambda url: (url != "/", url))  # the home page first


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def _record_traffic(page: Page) -> tuple[list[str], list[Response], list[str]]:
    """Starts recording what `page` asks for: returns the lists of request URLs, responses and
    failed request URLs, which fill as the page loads."""
    requests: list[str] = []
    responses: list[Response] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.on("requestfailed", lambda request: failed.append(request.url))
    return requests, responses, failed


def measure_pages(site: Path, pages: list[str]) -> tuple[list[PageWeight], str]:
    """Load each page in a fresh headless Chromium context; returns the weights and the browser version."""
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as base, sync_playwright() as playwright:
        origin = urlsplit(base).netloc
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        version = browser.version
        try:
            for page_url in pages:
                context = browser.new_context()
                page = context.new_page()
                requests, responses, failed = _record_traffic(page)
                page.goto(base + page_url.lstrip("/"), wait_until="networkidle")
                page.wait_for_timeout(300)  # a last look for late requests (a worker started after load)
                dom_elements = page.evaluate(COUNT_DOM_ELEMENTS)
                resources = []
                for response in responses:
                    parts = urlsplit(response.url)
                    if parts.netloc != origin:
                        continue
                    try:
                        body = response.body()
                    except Exception:  # a body the browser no longer holds: read what the server sent
                        body = _served_file(site, parts.path)
                    resources.append(
                        Resource(
                            parts.path, response.status, response.request.resource_type, len(body), gzip_size(body)
                        )
                    )
                third_party = [url for url in requests if urlsplit(url).netloc not in (origin, "")]
                results.append(PageWeight(page_url, len(requests), resources, third_party, failed, dom_elements))
                context.close()
        finally:
            browser.close()
    return results, version


def _served_file(site: Path, path: str) -> bytes:
    target = site / path.lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target.read_bytes() if target.is_file() else b""


# ---- Lighthouse (optional) --------------------------------------------------------


LIGHTHOUSE_METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")


def lighthouse_once(lighthouse: str, url: str, report: Path, options: list[str]) -> dict[str, Any]:
    """One Lighthouse run of one page: its scores and timings, or why it failed."""
    result = subprocess.run(
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}",
            *options,
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not report.exists():
        return {"failed": f"exit {result.returncode}: {result.stderr.strip()[-300:]}"}
    data = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    audits = data["audits"]
    summary = {item["resourceType"]: item for item in audits["resource-summary"]["details"]["items"]}
    return {
        "scores": {name: category["score"] for name, category in data["categories"].items()},
        "metrics_ms": {key: round(audits[key]["numericValue"]) for key in LIGHTHOUSE_METRICS},
        "cumulative_layout_shift": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "dom_elements": round(audits["dom-size"]["numericValue"]),
        "transfer_bytes": summary["total"]["transferSize"],
        "third_party_requests": summary.get("third-party", {}).get("requestCount", 0),
        # Lighthouse's measure of this machine's speed at the time (higher is faster): its simulated
        # phone is this machine slowed down, so a busy machine lowers the scores.
        "benchmark_index": data["environment"]["benchmarkIndex"],
    }


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median performance score (the lower middle one of an even number), its
    timings as they were measured together, and every run's score beside it."""
    ordered = sorted(runs, key=lambda run: run["scores"]["performance"])
    return {**ordered[(len(ordered) - 1) // 2], "performance_runs": [run["scores"]["performance"] for run in runs]}


def run_lighthouse(site: Path, pages: list[str], runs: int) -> dict[str, Any]:
    """Lighthouse's mobile run (its default settings) of every page, the median of `runs` each, and
    its desktop run of the home page; the site served with gzip, as a static host serves it."""
    lighthouse = shutil.which("lighthouse")
    if not lighthouse:
        return {"skipped": "lighthouse is not on PATH (npm install -g lighthouse@12.2.3)"}
    version = subprocess.run([lighthouse, "--version"], capture_output=True, text=True).stdout.strip()
    found: dict[str, Any] = {"version": version, "runs": runs, "mobile": {}, "desktop": {}}
    with serve(site) as base, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        for page in pages:
            attempts = [
                lighthouse_once(lighthouse, base + page.lstrip("/"), report, ["--only-categories=performance"])
                for _ in range(runs)
            ]
            done = [attempt for attempt in attempts if "failed" not in attempt]
            found["mobile"][page] = median_run(done) if done else attempts[-1]
        found["desktop"]["/"] = lighthouse_once(lighthouse, base, report, ["--preset=desktop"])
    return found


# ---- Report -------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    memory = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "memory": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": importlib.metadata.version("mkdocs"),
        "mkdocs_material": importlib.metadata.version("mkdocs-material"),
        "commit": commit,
    }


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


LOOKUP_TARGET = 30 * 1024  # bytes, gzip -9: what one use of the members look-up loads after the page


def report_member_lookup(site: Path, misses: list[str]) -> dict[str, Any]:
    """What the members look-up on What you can do loads when a reader first uses it (members.js and one
    state's JSON file), not part of any page's first load: the largest state is the worst case."""
    script = gzip_size((site / "assets" / "members.js").read_bytes())
    states = {path.stem: gzip_size(path.read_bytes()) for path in (site / "members").glob("*.json")}
    state, largest = max(states.items(), key=lambda item: item[1])
    worst = script + largest
    ok = worst <= LOOKUP_TARGET
    misses += [] if ok else [f"members look-up loads {kb(worst)} KB > {LOOKUP_TARGET // 1024} KB"]
    print(
        f"\nMembers look-up, on first use (gzip -9): members.js {kb(script)} KB + the largest state's file "
        f"({state}.json) {kb(largest)} KB = {kb(worst)} KB; target <= {LOOKUP_TARGET // 1024} KB: {verdict(ok)}"
    )
    return {
        "script_gzip_bytes": script,
        "largest_state": state,
        "largest_state_gzip_bytes": largest,
        "meets_target": ok,
    }


def report_lighthouse(lighthouse: dict[str, Any], misses: list[str]) -> None:
    rows, below, index = [], [], []
    for page, run in lighthouse["mobile"].items():
        if "failed" in run:
            rows.append([page, "failed", "", "", "", "", "", ""])
            below.append(page)
            continue
        score, runs = run["scores"]["performance"], run["performance_runs"]
        metrics = run["metrics_ms"]
        index.append(run["benchmark_index"])
        if score < LIGHTHOUSE_TARGET:
            below.append(page)
        rows.append(
            [
                page,
                f"{score * 100:.0f}",
                f"{min(runs) * 100:.0f}-{max(runs) * 100:.0f}",
                str(metrics["first-contentful-paint"]),
                str(metrics["largest-contentful-paint"]),
                str(metrics["total-blocking-time"]),
                f"{run['cumulative_layout_shift']:g}",
                f"{run['dom_elements']:,}",
            ]
        )
    print(
        f"Lighthouse {lighthouse['version']}, mobile (its default: a mid-range phone on slow 4G, simulated), "
        f"median of {lighthouse['runs']} run(s) a page; served with gzip. Target: performance >= "
        f"{LIGHTHOUSE_TARGET * 100:.0f} on every page. Its simulated phone is this machine slowed down: "
        f"benchmark index {min(index, default=0):.0f} to {max(index, default=0):.0f} during these runs (higher is faster)."
    )
    print(table(rows, ["page", "performance", "range", "FCP ms", "LCP ms", "TBT ms", "CLS", "elements"]))
    desktop = lighthouse["desktop"]["/"]
    if "failed" in desktop:
        print(f"desktop, home page: failed: {desktop['failed']}")
    else:
        scores = ", ".join(f"{name} {score * 100:.0f}" for name, score in desktop["scores"].items())
        print(
            f"Desktop, home page: {scores}; {kb(desktop['transfer_bytes'])} KB transferred, "
            f"{desktop['third_party_requests']} third-party requests"
        )
    if below:
        misses.append(f"Lighthouse mobile performance under {LIGHTHOUSE_TARGET * 100:.0f} on {', '.join(below)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed builds per data set (median reported; default 5)")
    parser.add_argument("--scale", type=int, default=50, help="synthetic data size, times the real data (default 50)")
    parser.add_argument("--skip-scale", action="store_true", help="do not build the synthetic site")
    parser.add_argument("--skip-browser", action="store_true", help="do not measure page weight in Chromium")
    parser.add_argument(
        "--weight-scale",
        type=int,
        default=4,
        help="also weigh the pages of a site with this many times the records (default 4; 1 skips it)",
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=1,
        help="Lighthouse mobile runs per page, the median reported (default 1; lighthouse must be on PATH)",
    )
    parser.add_argument("--skip-lighthouse", action="store_true", help="do not run Lighthouse")
    parser.add_argument("--fail-on-miss", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--output", type=Path, help="JSON results file (default: benchmarks/results/<date>.json)")
    args = parser.parse_args(argv)

    results: dict[str, Any] = {
        "machine": machine(),
        "targets": {
            "build_ratio_max": RATIO_TARGET,
            "page_gzip_bytes_max": WEIGHT_TARGET,
            "page_requests_max": REQUEST_TARGET,
            "page_dom_elements_max": MAX_DOM_ELEMENTS,
            "lighthouse_mobile_performance_min": LIGHTHOUSE_TARGET,
        },
    }
    misses: list[str] = []
    print(
        f"Benchmark {results['machine']['date']} on {results['machine']['cpus']} CPUs, "
        f"{results['machine']['memory']}, Python {results['machine']['python']}, "
        f"MkDocs {results['machine']['mkdocs']}, Material {results['machine']['mkdocs_material']}"
    )

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        real = BuildTiming("real data", copy_project(tmp / "real"), tmp / "real-site")
        timings = [real]
        if not args.skip_scale:
            scaled = BuildTiming(f"{args.scale}x synthetic", copy_project(tmp / "scaled"), tmp / "scaled-site")
            counts = scale_project(scaled.project, args.scale)
            timings.append(scaled)
        print(
            f"\nBuilding: one warm-up and {args.runs} timed builds of each data set, interleaved, in-process "
            f"(real: {record_counts(real.project)}"
            + ("" if args.skip_scale else f"; {args.scale}x: {counts}")
            + ")...",
            flush=True,
        )
        load_before = os.getloadavg()
        time_builds(timings, args.runs)
        cli = time_cli_build(real.project, tmp / "cli-site", 3)
        results["build"] = {
            "method": "in-process: mkdocs.config.load_config + mkdocs.commands.build.build (hooks included), "
            "one warm-up build each, then the data sets built in turn; median of the timed runs",
            "load_average_before_after": [load_before[0], os.getloadavg()[0]],
            "real": {**real.summary(), "records": record_counts(real.project)},
            "cli_strict_subprocess": {"runs": cli, "median": statistics.median(cli)},
        }
        rows = [
            [
                real.label,
                "yes" if real.strict else "no",
                f"{real.median:.2f}",
                f"{real.warm_up:.2f}",
                f"{min(real.runs):.2f}-{max(real.runs):.2f}",
                "1.00",
                "",
            ]
        ]
        if not args.skip_scale:
            ratio = scaled.median / real.median
            ok = ratio <= RATIO_TARGET
            misses += [] if ok else [f"build ratio {ratio:.2f} > {RATIO_TARGET:g}"]
            site_size = sum(p.stat().st_size for p in scaled.site_dir.rglob("*") if p.is_file())
            results["build"]["scaled"] = {
                **scaled.summary(),
                "scale": args.scale,
                "records": counts,
                "ratio_to_real": ratio,
                "meets_target": ok,
                "site_bytes": site_size,
            }
            rows.append(
                [
                    scaled.label,
                    "yes" if scaled.strict else "no",
                    f"{scaled.median:.2f}",
                    f"{scaled.warm_up:.2f}",
                    f"{min(scaled.runs):.2f}-{max(scaled.runs):.2f}",
                    f"{ratio:.2f}",
                    f"{verdict(ok)} (target <= {RATIO_TARGET:g})",
                ]
            )

        print("\nBuild time (seconds)")
        print(table(rows, ["data", "strict", "median", "warm-up", "range", "ratio", "target"]))
        print(
            f"`mkdocs build --strict` as a new process (what `make build` costs): median "
            f"{statistics.median(cli):.2f} s of 3"
        )
        print(
            f"Load average (1 min) before and after: {load_before[0]:.1f}, {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} CPUs (other work on the machine slows every build alike)"
        )
        for timing in timings:
            if timing.note:
                print(f"  {timing.label}: {timing.note}")

        if args.skip_browser:
            print("\nPage weight: skipped (--skip-browser)")
        else:
            print("\nMeasuring first-load weight and DOM size of every page in headless Chromium...", flush=True)
            weights, version = measure_pages(real.site_dir, site_pages(real.site_dir))
            results["machine"]["chromium"] = version
            heaviest = max(weights, key=lambda w: w.gzip)
            largest = max(weights, key=lambda w: w.dom_elements)
            rows = []
            for weight in weights:
                rows.append(
                    [
                        weight.page,
                        str(weight.requests),
                        kb(weight.raw),
                        kb(weight.gzip),
                        kb(weight.code_gzip),
                        str(len(weight.third_party)),
                        f"{weight.dom_elements:,}",
                        verdict(weight.meets_targets),
                    ]
                )
            over = [w.page for w in weights if not w.meets_targets]
            if over:
                misses.append(
                    f"{len(over)} of {len(weights)} pages over the weight, request, third-party or DOM target "
                    f"(heaviest {heaviest.page}: {kb(heaviest.gzip)} KB, {heaviest.requests} requests; "
                    f"largest {largest.page}: {largest.dom_elements:,} elements)"
                )
            print(
                f"Page weight and DOM size at first load (Chromium {version}; KB = 1,024 bytes; targets <= "
                f"{WEIGHT_TARGET // 1024} KB gzip -9, <= {REQUEST_TARGET} requests, 0 third-party, "
                f"<= {MAX_DOM_ELEMENTS:,} elements)"
            )
            print(
                table(
                    rows,
                    ["page", "requests", "raw KB", "gzip KB", "of it HTML+CSS+JS", "3rd-party", "elements", "targets"],
                )
            )
            for label, weight in (("home page /", weights[0]), (f"heaviest page {heaviest.page}", heaviest)):
                print(f"\nWhat the {label} loads (largest first, gzip -9):")
                biggest = sorted(weight.resources, key=lambda r: r.gzip, reverse=True)
                print(
                    table(
                        [[r.url, r.kind, str(r.status), kb(r.raw), kb(r.gzip)] for r in biggest],
                        ["resource", "type", "status", "raw KB", "gzip KB"],
                    )
                )
            results["pages"] = [
                {
                    **asdict(w),
                    "raw_bytes": w.raw,
                    "gzip_bytes": w.gzip,
                    "code_gzip_bytes": w.code_gzip,
                    "meets_targets": w.meets_targets,
                }
                for w in weights
            ]
            results["member_lookup"] = report_member_lookup(real.site_dir, misses)
            results["home"] = {"gzip_bytes": weights[0].gzip, "requests": weights[0].requests}
            results["heaviest"] = {"page": heaviest.page, "gzip_bytes": heaviest.gzip, "requests": heaviest.requests}
            results["largest_dom"] = {"page": largest.page, "dom_elements": largest.dom_elements}
            summary = [
                [
                    "1x",
                    heaviest.page,
                    kb(heaviest.gzip),
                    str(heaviest.requests),
                    f"{largest.page} {largest.dom_elements:,}",
                    verdict(not over),
                ]
            ]

            if args.weight_scale > 1:
                # Pages must not grow with every record: measure a site with N times the records too.
                grown = copy_project(tmp / "grown")
                grown_counts = scale_project(grown, args.weight_scale)
                build_once(grown, tmp / "grown-site", strict=True)
                grown_weights, _ = measure_pages(tmp / "grown-site", site_pages(tmp / "grown-site"))
                grown_heaviest = max(grown_weights, key=lambda w: w.gzip)
                grown_largest = max(grown_weights, key=lambda w: w.dom_elements)
                grown_over = [w.page for w in grown_weights if not w.meets_weight_targets]
                if grown_over:
                    misses.append(
                        f"at {args.weight_scale}x records, {len(grown_over)} pages over the weight targets "
                        f"({', '.join(grown_over)})"
                    )
                # The element count is reported, not a target, at N times the records: the year pages
                # hold N times a year's entities there (the records pages' rows: see the README).
                print(
                    f"\nWith {args.weight_scale}x the records ({grown_counts}): weight and requests (targets), "
                    "and the element count beside today's (reported)"
                )
                today = {w.page: w for w in weights}
                print(
                    table(
                        [
                            [
                                w.page,
                                str(w.requests),
                                kb(w.gzip),
                                f"{w.dom_elements:,}",
                                f"{today[w.page].dom_elements:,}" if w.page in today else "",
                                verdict(w.meets_weight_targets),
                            ]
                            for w in grown_weights
                        ],
                        ["page", "requests", "gzip KB", "elements", "at 1x", "weight targets"],
                    )
                )
                summary.append(
                    [
                        f"{args.weight_scale}x",
                        grown_heaviest.page,
                        kb(grown_heaviest.gzip),
                        str(grown_heaviest.requests),
                        f"{grown_largest.page} {grown_largest.dom_elements:,}",
                        verdict(not grown_over),
                    ]
                )
                results["heaviest_scaled"] = {
                    "scale": args.weight_scale,
                    "records": grown_counts,
                    "page": grown_heaviest.page,
                    "gzip_bytes": grown_heaviest.gzip,
                    "requests": grown_heaviest.requests,
                    "pages_over": grown_over,
                    "pages": {
                        w.page: {"gzip_bytes": w.gzip, "requests": w.requests, "dom_elements": w.dom_elements}
                        for w in grown_weights
                    },
                }
            print("\nHeaviest page and largest DOM at first load, with today's records and with more")
            print(
                table(
                    summary, ["records", "heaviest page", "gzip KB", "requests", "most elements", "all pages (targets)"]
                )
            )

        if args.skip_lighthouse or args.skip_browser:
            print("\nLighthouse: skipped (--skip-lighthouse or --skip-browser)")
        else:
            pages = site_pages(real.site_dir)
            print(
                f"\nLighthouse: its mobile run of each of the {len(pages)} pages, {args.lighthouse_runs} time(s) each, "
                "and its desktop run of the home page...",
                flush=True,
            )
            lighthouse = run_lighthouse(real.site_dir, pages, args.lighthouse_runs)
            results["lighthouse"] = lighthouse
            if "skipped" in lighthouse:
                print(f"Lighthouse: skipped: {lighthouse['skipped']}")
            else:
                report_lighthouse(lighthouse, misses)

    results["misses"] = misses
    output = args.output or RESULTS / f"bench-{datetime.datetime.now():%Y-%m-%dT%H%M%S}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\n{'All targets met.' if not misses else 'Targets missed: ' + '; '.join(misses)}")
    print(f"Results written to {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 1 if misses and args.fail_on_miss else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildFailed as failure:
        sys.exit(f"A build failed, so there is nothing to measure:\n{failure}")

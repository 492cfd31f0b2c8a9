"""`make check-sources`, offline: a local server answers 200, 301, 404 and not at all in time."""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, ROOT, SCHEMA_DIR
from site_data import load_site_data
from site_sources import Citation, ask, ask_all, data_citations, docs_citations, main, report

SLOW_SECONDS = 3.0
TIMEOUT = 0.5


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/ok":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"still here")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.send_response(200)
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_each_kind_of_answer_is_told_apart(server: str) -> None:
    ok, moved, gone, slow = (ask(f"{server}{path}", timeout=TIMEOUT) for path in ("/ok", "/moved", "/gone", "/slow"))
    assert (ok.status, ok.dead, ok.redirected) == (200, False, False)
    assert (moved.status, moved.redirected, moved.dead) == (301, True, False)
    assert moved.location == f"{server}/ok"
    assert (gone.status, gone.dead) == (404, True)
    assert slow.status is None and slow.dead and "timed out" in (slow.error or "")


def test_nothing_listening_is_dead() -> None:
    # Port 9 (discard) on loopback: nothing listens there in the test machines.
    answer = ask("http://127.0.0.1:9/x", timeout=TIMEOUT)
    assert answer.dead and answer.status is None and answer.error


def test_report_lists_dead_and_moved_links_with_where_they_are_cited(server: str) -> None:
    citations = [
        Citation(f"{server}/ok", "data (wros): entry 'a'"),
        Citation(f"{server}/moved", "docs/customs.md line 3"),
        Citation(f"{server}/gone", "data (bills): entry 'b'"),
        Citation(f"{server}/gone", "docs/about.md line 9"),
        Citation(f"{server}/slow", "data (proposals): entry 'c'", archived="https://example.org/copy"),
    ]
    answers = ask_all((c.url for c in citations), timeout=TIMEOUT)
    assert len(answers) == 4  # each address asked once
    text, any_dead = report(citations, answers)
    assert any_dead
    dead_part, moved_part = text.split("Redirected")
    assert f"{server}/gone: HTTP 404" in dead_part
    assert "cited in data (bills): entry 'b'" in dead_part and "cited in docs/about.md line 9" in dead_part
    assert f"look for an archived copy: https://web.archive.org/web/2026/{server}/gone" in dead_part
    assert f"{server}/slow: no answer" in dead_part
    assert "an archived copy is cited: https://example.org/copy" in dead_part
    assert f"{server}/moved: HTTP 301 to {server}/ok" in moved_part
    assert f"{server}/ok" not in text.replace(f"to {server}/ok", "")


def test_all_good_is_said_and_not_dead(server: str) -> None:
    citations = [Citation(f"{server}/ok", "docs/a.md line 1")]
    text, any_dead = report(citations, ask_all([f"{server}/ok"], timeout=TIMEOUT))
    assert not any_dead and "Every address answered." in text


def test_every_source_in_the_data_and_every_page_link_is_collected() -> None:
    data = load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)
    urls = {c.url for c in data_citations(data)}
    expected = {
        source["url"]
        for records in (data.proposals, data.wros, data.bills)
        for record in records
        for source in [*record.get("sources", []), *record.get("status", {}).get("sources", [])]
        + [s for earlier in record.get("history", []) for s in earlier["sources"]]
    }
    assert expected and expected <= urls


def test_docs_links_are_found_with_their_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(
        "# Page\n\nSee [the law](https://example.gov/law) and <https://example.org/x>.\n\n[^1]: Note, <http://old.example/y>\n",
        encoding="utf-8",
    )
    found = {(c.url, c.where) for c in docs_citations(docs)}
    assert found == {
        ("https://example.gov/law", "docs/page.md line 3"),
        ("https://example.org/x", "docs/page.md line 3"),
        ("http://old.example/y", "docs/page.md line 5"),
    }


def test_the_command_exits_2_on_bad_data_without_asking_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = shutil.copytree(ROOT / "data", tmp_path / "data")
    (data_dir / "proposals.yml").write_text("checked: 2026-01-01\nproposals: nope\n", encoding="utf-8")
    assert main(["--data", str(data_dir), "--docs", str(ROOT / "docs")]) == 2
    assert "data/proposals.yml" in capsys.readouterr().err

"""Serve a built site on 127.0.0.1 the way a static host does: files, index.html for
folders, gzip when the browser accepts it (as GitHub Pages and most hosts do).

Used by the browser tests (tests/browser/conftest.py) and by benchmarks/run.py, which
counts what the browser downloads. By hand, to run Lighthouse on one page (README, "Performance"):

    .venv/bin/python tests/site_server.py site/ 8000
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class _StaticHostHandler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            super().do_GET()  # redirects, 404s, and clients that want no compression
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at `port` (0: a free one); yields the base URL (ends with '/')."""
    handler = functools.partial(_StaticHostHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":
    import sys
    import time

    if not 2 <= len(sys.argv) <= 3:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    with serve(folder, int(sys.argv[2]) if len(sys.argv) == 3 else 8000) as address:
        print(f"Serving {folder} at {address} as a static host does (gzip included); Ctrl-C stops.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass

"""The registry of published anchors (published_anchors.txt): every `page#id` a reader may have linked to.

Once published, an anchor must keep working: the tests fail when one disappears (rename a
section with front matter `anchor_aliases: {old-id: new-id}`) and when a new one is not yet
registered. Add new anchors after a build with:

    .venv/bin/python tests/full_build/anchors.py site/
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_html import read_site

REGISTRY = Path(__file__).resolve().parent / "published_anchors.txt"
HEADER = "# Every anchor the site has published (/page-url/#id). Never remove a line: see anchors.py.\n"


def site_anchors(site: Path) -> set[str]:
    return {f"/{url}#{anchor}" for url, page in read_site(site).items() for anchor in page.anchors}


def registered() -> set[str]:
    if not REGISTRY.exists():
        return set()
    lines = REGISTRY.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def register(site: Path) -> int:
    """Add the site's new anchors to the registry (never removes one); return how many were added."""
    known = registered()
    new = site_anchors(site) - known
    REGISTRY.write_text(HEADER + "".join(f"{a}\n" for a in sorted(known | new)), encoding="utf-8")
    return len(new)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(f"{register(Path(sys.argv[1]))} new anchor(s) registered in {REGISTRY.name}")

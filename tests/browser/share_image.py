"""Make the default share image, docs/assets/share.png (1200x630), with the same headless
Chromium the browser tests use. Not a test: run it by hand after changing the design below.

    .venv/bin/python tests/browser/share_image.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUTPUT = ROOT / "docs" / "assets" / "share.png"

# Self-contained: system fonts only, no request.
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;width:1200px;height:630px;overflow:hidden}
body{background:#283593;color:#fff;font-family:"DejaVu Sans",Arial,sans-serif;display:flex;box-sizing:border-box;padding:64px 72px;gap:56px;align-items:center}
.text{flex:1}
.kicker{font-size:28px;letter-spacing:.08em;text-transform:uppercase;color:#c5cae9;margin:0 0 18px}
h1{font-size:64px;line-height:1.08;margin:0 0 26px;font-weight:700}
p{font-size:30px;line-height:1.35;margin:0;color:#e8eaf6}
.list{width:330px;background:#fff;color:#1a1a1a;border-radius:10px;padding:26px 28px;box-shadow:0 8px 24px rgba(0,0,0,.35)}
.row{display:flex;align-items:center;gap:14px;margin:0 0 17px;font-size:20px}
.row:last-child{margin:0}
.box{width:26px;height:26px;border-radius:5px;flex:none;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:700;font-size:19px}
.bar{height:12px;border-radius:6px;background:#c5cae9;flex:1}
.d{background:#1b5e20}.p{background:#7a4a00}.n{background:#b71c1c}
</style></head><body>
<div class="text">
<p class="kicker">Punch-list</p>
<h1>U.S. levers against forced labor in Xinjiang</h1>
<p>13 concrete steps, who must act on each, and where each stands since 2020.</p>
</div>
<div class="list" aria-hidden="true">
<div class="row"><span class="box d">✓</span><span class="bar"></span></div>
<div class="row"><span class="box n">✗</span><span class="bar" style="flex:.7"></span></div>
<div class="row"><span class="box d">✓</span><span class="bar" style="flex:.85"></span></div>
<div class="row"><span class="box p">~</span><span class="bar"></span></div>
<div class="row"><span class="box p">~</span><span class="bar" style="flex:.6"></span></div>
<div class="row"><span class="box n">✗</span><span class="bar" style="flex:.8"></span></div>
<div class="row"><span class="box p">~</span><span class="bar" style="flex:.9"></span></div>
</div>
</body></html>
"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser.conftest import CHROMIUM_ARGS, find_chromium  # the browser tests' own rules

    chromium = find_chromium()
    if not chromium:
        print("No Chromium found: install Debian's chromium or set CHROMIUM_PATH.", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(PAGE, wait_until="load")
        page.screenshot(path=str(OUTPUT))
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

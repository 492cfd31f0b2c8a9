"""site.css and site.js as served: comments and indentation go, every rule and statement stays."""

from __future__ import annotations

import re
from pathlib import Path

from site_assets import COMPACTED, compact_css, compact_js

ASSETS = Path(__file__).resolve().parents[2] / "docs" / "assets"


def test_css_loses_comments_and_indentation_but_not_strings():
    source = '/* why */\n.a {\n  content: "/* kept */";  /* gone */\n\n  color: red;\n}\n'
    assert compact_css(source) == '.a {\ncontent: "/* kept */";\ncolor: red;\n}\n'


def test_css_comment_across_lines_goes_whole():
    assert compact_css(".a { color: red; }\n/* one\n * two\n */\n.b { margin: 0; }\n") == (
        ".a { color: red; }\n.b { margin: 0; }\n"
    )


def test_js_drops_only_comment_lines():
    source = (
        "/* About this file.\n * More.\n */\n(function () {\n  // why\n"
        '  var url = "http://example.org"; // kept: after code\n'
        "  /* one line */\n  var re = /\\/x\\//; /* not a whole line */ run();\n})();\n"
    )
    assert compact_js(source) == (
        "(function () {\n"
        'var url = "http://example.org"; // kept: after code\n'
        "var re = /\\/x\\//; /* not a whole line */ run();\n"
        "})();\n"
    )


def test_js_block_comment_closing_before_code_is_kept():
    # "*/" mid-line: dropping the line would drop the code after it.
    source = "/* note */ start();\nend();\n"
    assert compact_js(source) == source


def test_the_real_assets_keep_every_rule_and_statement():
    css = (ASSETS / "site.css").read_text(encoding="utf-8")

    def css_tokens(text: str) -> str:
        return re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL))

    assert css_tokens(compact_css(css)) == css_tokens(css)
    assert "/*" not in compact_css(css)
    for name in ("site.js", "members-lookup.js", "members.js"):
        js = (ASSETS / name).read_text(encoding="utf-8")
        code_lines = [
            line.strip() for line in js.splitlines() if line.strip() and not line.strip().startswith(("//", "/*", "*"))
        ]
        assert compact_js(js).splitlines() == code_lines, name
        assert "`" not in js, f"{name}: compact_js strips indentation, which would change a template literal"
    assert set(COMPACTED) == {"assets/site.css", "assets/site.js", "assets/members-lookup.js", "assets/members.js"}
    assert all((ASSETS.parent / name).is_file() for name in COMPACTED)

"""The site's own stylesheet and script as readers get them: without their comments and indentation.

docs/assets/site.css and site.js are written for the people who maintain them, with the reasons in
comments; a reader's browser needs none of that, and on every first load it came to about 2 KB of
the 100 KB budget (gzip). Both functions are deliberately plain rather than minifiers: they only
drop what cannot change behaviour, and keep every rule and statement as written.

- `compact_css`: comments (not a "/*" inside a quoted string), indentation, blank lines.
- `compact_js`: lines that hold only a comment (`// ...`, or a `/* ... */` that ends its line),
  indentation and blank lines. A comment after code on the same line stays: telling it from a "//"
  in a string or a regular expression takes a JavaScript parser. site.js uses no template literals
  (`...`), whose lines would lose their indentation.

`COMPACTED` names the files and their function; the hook puts the compact text in the build.
No MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A quoted CSS string (kept as it is) or a comment (dropped).
_CSS_STRING_OR_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/""", re.DOTALL)
# A JavaScript line that is only a comment: `//` to its end, or `/* ... */` (no "*/" inside) ending the line.
_JS_COMMENT_LINE = re.compile(r"^[ \t]*(?://[^\n]*|/\*(?:(?!\*/).)*\*/[ \t]*)$", re.MULTILINE | re.DOTALL)


def _trimmed_lines(text: str) -> str:
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def compact_css(source: str) -> str:
    """`source` CSS without comments, indentation or blank lines."""
    return _trimmed_lines(_CSS_STRING_OR_COMMENT.sub(lambda match: match.group(1) or "", source))


def compact_js(source: str) -> str:
    """`source` JavaScript without its comment-only lines, indentation or blank lines."""
    return _trimmed_lines(_JS_COMMENT_LINE.sub("", source))


COMPACTED: dict[str, Callable[[str], str]] = {
    "assets/site.css": compact_css,
    "assets/site.js": compact_js,
    "assets/members-lookup.js": compact_js,  # What you can do: shows the look-up, loads members.js when used
    "assets/members.js": compact_js,  # the members look-up itself
}

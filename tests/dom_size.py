"""How many elements a page holds once loaded: counted the same way by the browser test
(tests/browser/test_dom_size.py) and the benchmark (benchmarks/run.py).

Counted in Chromium rather than with a parser over the built HTML, because the page a phone holds
is not the file: the theme's script and site.js add elements as the page loads (the copy buttons,
Material's wrappers around tables) and the browser adds some a parser does not (a table's
<tbody>). It is the count Lighthouse's "DOM size" audit reports: every element under <body>, shadow
trees included, once the page has loaded; the <head>'s few dozen (meta, links, scripts) are never
laid out and are left out, as Lighthouse leaves them out.
"""

from __future__ import annotations

MAX_DOM_ELEMENTS = 1_000  # per page, at first load (issue 18)

# For page.evaluate(): a function, not an expression (the pages' Content-Security-Policy refuses eval).
COUNT_DOM_ELEMENTS = """() => {
    let count = 0;
    const walk = (node) => {
        for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
            count += 1;
            walk(child);
            if (child.shadowRoot) walk(child.shadowRoot);
        }
    };
    walk(document.body);
    return count;
}"""

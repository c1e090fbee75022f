"""The writers' escaping skips text that needs none; for any text at all, it gives exactly
what escaping every text in full gives (the definitions below, as they were written
before the shortcut)."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from circles_tui.core.text import for_export, for_markup
from circles_tui.export import html as html_writer
from circles_tui.export import markdown

# Characters some rule treats specially, drawn often, among any others.
AWKWARD = list("&<>\"'\r\n\t #>+=-09.)*_[]|~`\\ \u2028\u2029\u0085\u00a0\u3000\ufffe\uffff"
               "\x00\x1b\x7f\x9f\u00e9\U0001f642")
TEXT = st.text(st.one_of(st.sampled_from(AWKWARD), st.characters()), max_size=30)


def markup_in_full(text: str) -> str:
    return html.escape(for_export(text), quote=True)


def html_lines_in_full(text: str) -> str:
    return "<br>".join(markup_in_full(line) for line in for_export(text).split("\n"))


_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")


def markdown_in_full(text: str) -> str:
    text = for_export(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    lines = [line.strip() for line in text.split("\n")]
    return "<br>".join(
        _START.sub(lambda m: m[0] + "\\" if m[0][0].isdigit() else "\\" + m[0], line)
        for line in lines
    )


@given(TEXT)
def test_markup_escaping_matches_escaping_in_full(text):
    assert for_markup(text) == markup_in_full(text)


@given(TEXT)
def test_html_lines_match_escaping_each_line(text):
    assert html_writer._lines(text) == html_lines_in_full(text)


@given(TEXT)
def test_markdown_escaping_matches_escaping_in_full(text):
    assert markdown.escape(text) == markdown_in_full(text)


def test_text_needing_nothing_is_passed_through():
    plain = "Nanna Jo, Great Yarmouth"
    assert for_markup(plain) is plain
    assert markdown.escape(plain) is plain
    assert markdown.escape(" x") == "x" and markdown.escape("1. x") == "1\\. x"
    assert for_markup("O'Neill") == "O&#x27;Neill"

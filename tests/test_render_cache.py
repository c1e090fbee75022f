"""RenderCache: what was made from a record comes back only while it is the very same record."""

from __future__ import annotations

import attrs

from circles_tui.core.model import Person
from circles_tui.core.render_cache import RenderCache


def test_the_same_record_gives_back_what_was_made_and_an_equal_copy_does_not():
    reuse: RenderCache[list] = RenderCache()
    nan = Person("nan", "Nan")
    first = reuse.get("line", (nan,), lambda: ["made once"])
    reuse.end_pass()
    assert reuse.get("line", (nan,), lambda: ["made again"]) is first
    twin = attrs.evolve(nan)  # equal, but a different object
    assert reuse.get("line", (twin,), lambda: ["for the twin"]) == ["for the twin"]
    assert reuse.get("other key", (nan,), lambda: ["other"]) == ["other"]


def test_a_pass_keeps_only_what_it_asked_for():
    reuse: RenderCache[str] = RenderCache()
    kept, dropped = Person("a", "A"), Person("b", "B")
    reuse.get("", (kept,), lambda: "a1")
    reuse.get("", (dropped,), lambda: "b1")
    reuse.end_pass()
    reuse.get("", (kept,), lambda: "a2")  # this pass uses only `kept`
    reuse.end_pass()
    assert reuse.get("", (kept,), lambda: "a3") == "a1"
    assert reuse.get("", (dropped,), lambda: "b2") == "b2"
    reuse.clear()
    assert reuse.get("", (kept,), lambda: "a4") == "a4"

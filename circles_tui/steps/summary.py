"""The proposed network list, the disagreements worth a conversation, and the gaps.

What to show comes from `circles_tui.core.proposed_network` (the logic lives there, without
Textual); this step lays it out for reading with the family and in supervision.
It never decides who is invited: it says so on screen. In child view it shows the
child's view of the workbook (`core/audience.py`): no concerns, no "discuss before
inviting", no supervision items, no supporter kinds the child does not see, and
headings in the child's words.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import NETWORK_CONCERNS, sees, view
from circles_tui.core.model import Workbook
from circles_tui.core.ecomap_words import titles_of
from circles_tui.core.proposed_network import (
    FOUND_THROUGH_TREE, HOLD_TITLE, NEVER_MET, NetworkEntry, contact_hold,
    proposed_network,
)
from circles_tui.core.talk_points import disagreements, gaps
from circles_tui.steps.step import Step
from circles_tui.steps.step_questions import AnswersOnEveryStep

NOT_DECIDING = (
    "A starting point for planning with the family: this list suggests, it never decides "
    "who is invited."
)
GROUP_NAMES = {"supporters": "the supporter circles", "tree": "the Tree of Life",
               "ecomap": "an ecomap", "family-tree": "the family tree",
               "mobility-map": "the mobility map"}


class SummaryStep(Step):
    """The session's output: who could be in the network, and what to talk about.

    Progress: "done" once the proposed network list has anyone in it, else "empty".
    """

    STEP_ID = "summary"

    DEFAULT_CSS = """
    SummaryStep #not-deciding {
        height: auto;
        text-style: italic;
        color: $text-muted;
    }
    SummaryStep #network {
        height: 1fr;
        min-height: 6;
        border: round $panel-lighten-2;
        border-title-style: bold;
        border-title-color: $text;
        background: transparent;
    }
    SummaryStep #network:focus {
        border: heavy $primary;
    }
    SummaryStep #network > .option-list--option-highlighted {
        background: $primary 25%;
        color: $text;
    }
    SummaryStep #network:focus > .option-list--option-highlighted {
        background: $primary 40%;
        color: $text;
        text-style: none;
    }
    SummaryStep #network-empty {
        color: $text-muted;
        text-style: italic;
        padding: 1 0;
    }
    SummaryStep #talk-points {
        height: auto;
        max-height: 40%;
    }
    SummaryStep #talk-points > VerticalScroll, SummaryStep #all-answers {
        width: 1fr;
        height: auto;
        max-height: 100%;
        border: round $panel-lighten-2;
        border-title-style: bold;
        border-title-color: $text;
        padding: 0 1;
    }
    SummaryStep #talk-points > VerticalScroll:focus, SummaryStep #all-answers:focus {
        border: heavy $primary;
    }
    SummaryStep #talk-points Static {
        height: auto;
    }
    """

    BINDINGS = [
        Binding("x", "export", "Export"),
        Binding("c", "compare", "Compare"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(NOT_DECIDING, id="not-deciding")
        yield OptionList(id="network")
        yield Static(
            "No one is in the network list yet: people appear here once they are placed "
            "in a circle, a supporter circle or the tree (living people the child knows).",
            id="network-empty",
        )
        with Horizontal(id="talk-points"):
            with VerticalScroll(id="disagreements-box"):
                yield Static(id="disagreements")
            with VerticalScroll(id="gaps-box"):
                yield Static(id="gaps")
        yield AnswersOnEveryStep(id="all-answers")

    def on_resize(self) -> None:
        narrow = bool(self.size.width) and self.size.width < 100
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            if self.workbook is not None:
                self.show(self.workbook)

    # -- data down -----------------------------------------------------------------------

    def entries(self, workbook: Workbook) -> list[NetworkEntry]:
        """The network list as this view's audience sees it."""
        return list(proposed_network(self.seen(workbook), self.content))

    def seen(self, workbook: Workbook) -> Workbook:
        """The workbook as the audience on screen may see it (core/audience.py)."""
        return view(workbook, self.wording, self.audience)

    def show(self, workbook: Workbook) -> None:
        self.query_one("#network").border_title = self.content.heading(
            "network", "Proposed network")
        self.query_one("#disagreements-box").border_title = self.content.heading(
            "worth_talking", "Worth a conversation")
        self.query_one("#gaps-box").border_title = self.content.heading("gaps", "Gaps")
        seen = self.seen(workbook)
        network = self.query_one("#network", OptionList)
        kept = network.highlighted_option.id if network.highlighted_option else None
        entries = list(proposed_network(seen, self.content))
        options: list[Option | None] = []
        heading = None
        for entry in entries:
            # Family and friends apart from professionals, each grouped by the circle
            # (or the supporters, or the tree) where they first appear.
            here = (entry.side, entry.group)
            if options:
                options.append(None)
            if here != heading:
                heading = here
                options.append(Option(self._heading(entry), id=f"heading-{len(options)}",
                                      disabled=True))
            options.append(Option(self._card(workbook, entry), id=entry.person.id))
        network.set_options(options)
        ids = [e.person.id for e in entries]
        if ids:
            network.highlighted = network.get_option_index(kept if kept in ids else ids[0])
        network.border_subtitle = f"{len(ids)} {'person' if len(ids) == 1 else 'people'}"
        network.display = bool(ids)
        self.query_one("#network-empty").display = not ids

        talk = list(disagreements(seen, self.content, include_private=sees(self.audience, "Person.concern")))
        self.query_one("#disagreements", Static).update(
            _bullets(talk, "Nothing found where the circles disagree.")
        )
        self.query_one("#gaps", Static).update(
            _bullets(list(gaps(seen, self.content)), "No gaps found.")
        )
        self.query_one(AnswersOnEveryStep).show(seen, self.content)

    def _heading(self, entry: NetworkEntry) -> Content:
        side = entry.side
        where = GROUP_NAMES.get(entry.group) or self.content.circle(entry.group).short
        return Content.assemble((side, "bold underline"), ("  ·  first named in ", "dim"),
                                (where, "bold"))

    def _card(self, workbook: Workbook, entry: NetworkEntry) -> Content:
        """Everything about one person, a few short lines, all of it literal text."""
        content, person = self.content, entry.person
        private = sees(self.audience, NETWORK_CONCERNS)
        head: list[str | tuple[str, str]] = [(person.name, "bold")]
        if person.relationship:
            head.append(f" ({person.relationship})")
        head.append(f"  ·  lives in {entry.lives}" if entry.lives else "  ·  where they live not known")
        if entry.never_met:
            head += ["  ", (NEVER_MET, "italic $text-accent")]
        if entry.found_through_tree:
            head += ["  ", (FOUND_THROUGH_TREE, "italic $text-accent")]
        if entry.discuss_before_inviting and private:
            head += ["  ", ("⚑ discuss before inviting", "bold $text-warning")]
        if person.on_hold and sees(self.audience, "Person.hold_until"):
            head += ["  ", ("⊘ hold on contact", "bold $text-error")]
        lines = [Content.assemble(*head)]

        narrow = bool(self.size.width) and self.size.width < 100

        def line(*facts: tuple[str, str], style: str = "") -> None:
            """Facts side by side when there is room, else one to a line."""
            parts: list[str | tuple[str, str]] = []
            for label, value in facts:
                if value:
                    if parts and narrow:
                        lines.append(Content.assemble(*parts))
                        parts = []
                    elif parts:
                        parts.append(("  ·  ", "dim"))
                    parts += [(f"{label}: ", f"bold {style}"), (value, style)]
            if parts:
                lines.append(Content.assemble(*parts))
        places = [
            content.circle(c).short if narrow
            else f"{content.circle(c).short} ({content.circle(c).ring_label(ring)})"
            for c, ring in entry.circles
        ]
        places += [
            (content.supporter(kind).short if narrow else content.supporter(kind).title)
            for kind in entry.supporter_kinds
        ]
        places += [content.tree_part(part).title for part in entry.tree_parts]
        places += titles_of(entry.ecomaps, workbook, content.ecomap)
        line((content.heading("appears", "Appears in"), ", ".join(places)))
        who_knows = content.circle("who-knows")
        knows = (
            who_knows.ring_label(entry.knows_worries)
            if entry.knows_worries is not None
            else f"not in {who_knows.short} yet"
        )
        line((content.heading("knows", "Knows the worries"), knows),
             (_field(who_knows, "who_will_tell").label, entry.who_will_tell))
        view_field = _field(content.circle("services-suggest"), "yp_view")
        help_field = _field(content.circle("who-could-help"), "help_types")
        line(
            (content.heading("suggested_by", "Suggested by"),
             ", ".join(content.named_by.get(s, s) for s in entry.suggested_by)),
            (content.heading("could_help", "Could help with"), ", ".join(help_field.label_of(role) for role in entry.roles)),
            (view_field.label, view_field.label_of(entry.yp_view) if entry.yp_view else ""),
        )
        if private:
            line((f"{HOLD_TITLE} (practitioner only)", contact_hold(person)), style="$text-error")
            line(("Concerns (practitioner only)", "; ".join(entry.concerns)),
                 style="$text-warning")
        return Content("\n").join(lines)

    # -- actions ----------------------------------------------------------------------------

    def action_export(self) -> None:
        if self.workbook is None:
            return
        from circles_tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(
            self.workbook, self.wording, self.app.workbook_path, child_view=self.child_view,
        ))

    @work
    async def action_compare(self) -> None:
        """Pick another copy of the workbook, then say what changed since it."""
        if self.workbook is None:
            return
        from circles_tui.dialogs.compare import CompareFileDialog

        open_path = self.app.workbook_path
        folder = open_path.parent if open_path is not None else Path.home()
        path = await self.app.push_screen_wait(CompareFileDialog(folder))
        if path is not None:
            self.compare_with(path)

    def compare_with(self, path: Path) -> None:
        """Show what changed from the copy at `path` to the workbook on screen."""
        if self.workbook is None:
            return
        from circles_tui.dialogs.compare import CompareDialog

        self.app.push_screen(CompareDialog(
            path, self.workbook, self.wording, child_view=self.child_view,
            open_path=self.app.workbook_path,
        ))


def _field(circle, field_id: str):
    return next(f for f in circle.fields if f.id == field_id)


def _bullets(lines: list[str], empty: str) -> Content:
    if not lines:
        return Content.styled(empty, "italic $text-muted")
    return Content("\n").join(Content.assemble("• ", line) for line in lines)


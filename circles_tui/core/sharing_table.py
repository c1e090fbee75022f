"""The audience rule as a Markdown table, for README.md (tests/test_audience.py checks that
README shows exactly this table): one row per kind of field, and one per part."""

from __future__ import annotations

from circles_tui.core.audience import AUDIENCE_NAMES, AUDIENCES, CHANGED, FIELDS, LISTS, PARTS, Rule
from circles_tui.core.labels import FIELD_LABELS


def sharing_table() -> str:
    """The rule as a Markdown table: one row per kind of field, and one per part."""
    rows: dict[Rule, list[str]] = {}
    for field, rule in FIELDS.items():
        if field.rsplit(".", 1)[1] not in LISTS:  # a list of records: each follows its own rules
            names = rows.setdefault(rule, [])
            if FIELD_LABELS[field] not in names:
                names.append(FIELD_LABELS[field])
    lines = [
        "| what | " + " | ".join(AUDIENCE_NAMES[a].lower() for a in AUDIENCES) + " |",
        "|---" * (len(AUDIENCES) + 1) + "|",
    ]

    def cells(rule: Rule) -> str:
        return " | ".join(
            rule.says if rule.of(a) == CHANGED and rule.says else rule.of(a) for a in AUDIENCES
        )

    for rule, names in rows.items():
        lines.append(f"| {', '.join(names)} | {cells(rule)} |")
    for what, rule in PARTS.values():
        lines.append(f"| {what} | {cells(rule)} |")
    return "\n".join(lines) + "\n"

"""The session as one self-contained HTML file, ready to print on A4.

No scripts, and nothing fetched from anywhere: styles are inline, pictures are
inline SVG (drawn by `svg.py`, the same code as the SVG export), and fonts are the
reader's own. Every text from the workbook is escaped (`for_markup`, quotes too).
Each section starts on a new printed page.
"""

from __future__ import annotations

from circles_tui.core.text import for_markup
from circles_tui.core.wording import Wording
from circles_tui.export.document import (
    PRIVATE,
    Document,
    Figure,
    Heading,
    Item,
    Items,
    Para,
    Table,
)
from circles_tui.export.ecomap_svg import ecomap_svg
from circles_tui.export.genogram_svg import genogram_svg
from circles_tui.export.svg import circle_svg, tree_svg
from circles_tui.core.model import Workbook

STYLE = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; color: #1d1d1b; background: #ffffff;
       max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1d1d1b; padding-bottom: .2rem; margin: 0 0 .6rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .4rem; }
section { margin-bottom: 2.5rem; }
ul { margin: .2rem 0 .6rem; padding-left: 1.3rem; }
li { margin: .15rem 0; }
.intro { color: #444444; font-style: italic; }
.private { border-left: 4px solid #9b2b25; background: #fcecea; padding: .1rem .4rem; }
.private-tag { font-weight: bold; color: #9b2b25; }
figure { margin: .5rem 0 1rem; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; max-height: 225mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 1px solid #8a8a8a; padding: .25rem .3rem; vertical-align: top; text-align: left; }
th { background: #eeeeee; }
td:first-child::first-line { font-weight: bold; }
#network table { table-layout: fixed; }
#network th:nth-child(1) { width: 14%; }
#network th:nth-child(2) { width: 20%; }
#network th:nth-child(3) { width: 11%; }
#network th:nth-child(4) { width: 14%; }
#network th:nth-child(5) { width: 10%; }
#network th:nth-child(6) { width: 8%; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section + section { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
"""


esc = for_markup


def _lines(text: str) -> str:
    """Escaped text keeping the writer's line breaks (escaping keeps them as they are)."""
    return esc(text).replace("\n", "<br>")


def write(doc: Document, workbook: Workbook, content: Wording) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be fetched from anywhere: no scripts, no outside styles, fonts or images.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(doc.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(doc.title)}</h1>",
    ]
    for section in doc.sections:
        out.append(f'<section id="{esc(section.id)}">')
        out.append(f"<h2>{esc(section.title)}</h2>")
        first = True
        for block in section.blocks:
            out.append(_block(block, workbook, content, intro=first))
            first = False
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _block(block, workbook: Workbook, content: Wording, intro: bool = False) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 3), 6)
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Para):
        if block.private:
            return f'<p class="private"><span class="private-tag">{esc(PRIVATE)}:</span> {_lines(block.text)}</p>'
        css = ' class="intro"' if intro else ""
        return f"<p{css}>{_lines(block.text)}</p>"
    if isinstance(block, Items):
        return "<ul>" + "".join(_item(item) for item in block.items) + "</ul>"
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in block.headers)
        rows = "".join(
            "<tr>" + "".join(f"<td>{_lines(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(block, Figure):
        from circles_tui.export.mobility_svg import mobility_svg

        picture = (
            tree_svg(workbook, content) if block.kind == "tree"
            else ecomap_svg(workbook, content, block.key) if block.kind == "ecomap"
            else genogram_svg(workbook, content) if block.kind == "genogram"
            else mobility_svg(workbook, content, block.key == "child") if block.kind == "mobility"
            else circle_svg(workbook, content, block.key)
        )
        return f"<figure>{picture}</figure>"
    raise TypeError(block)


def _item(item: Item) -> str:
    css = ' class="private"' if item.private else ""
    if item.private and item.title == PRIVATE:
        head = f'<span class="private-tag">{esc(PRIVATE)}:</span>'
    elif item.private:
        head = f'<strong>{esc(item.title)}</strong> <span class="private-tag">({esc(PRIVATE)})</span>'
    else:
        head = f"<strong>{esc(item.title)}</strong>" if item.title else ""
    if head and item.text:
        bare = head.endswith(":</span>") or item.title.rstrip().endswith(("?", ":", "!"))
        head += (" " if bare else ": ") + _lines(item.text)
    elif item.text:
        head = _lines(item.text)
    children = "".join(_item(child) for child in item.children)
    return f"<li{css}>{head}" + (f"<ul>{children}</ul>" if children else "") + "</li>"

"""The HTML export in a real browser: headless Chromium draws it and prints it to A4."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from circles_tui.core.wording import bundled
from circles_tui.export import ExportOptions, render

CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dots per inch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs headless Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def chromium(tmp_path: Path, page: Path, *action: str) -> str:
    """Run headless Chromium on `page`; return what it logged."""
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}",
         "--enable-logging=stderr", "--v=0", *action, page.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def read_png(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) image rows of a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return width, height, zlib.decompress(b"".join(chunks))


@pytest.fixture
def exported(tmp_path, complete_example) -> Path:
    page = tmp_path / "mia.html"
    page.write_text(render(complete_example, "html", bundled(), ExportOptions()), encoding="utf-8")
    return page


def test_html_export_draws_in_chromium(tmp_path, exported):
    shot = tmp_path / "mia.png"
    log = chromium(tmp_path, exported, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")
    width, height, rows = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(rows) % height == 0 and len(rows) // height > width  # one filter byte plus pixels
    # Not blank: a white page filters down to almost nothing but zeros.
    busy = len(rows) - rows.count(0)
    assert busy / len(rows) > 0.02
    assert len(set(rows)) > 100
    assert shot.stat().st_size > 40_000
    # The page itself said nothing to the console: no errors, no blocked loads.
    page_lines = [line for line in log.splitlines()
                  if "CONSOLE" in line or exported.as_uri() in line or "Refused" in line]
    assert page_lines == []


def test_html_export_prints_on_a4(tmp_path, exported):
    pdf = tmp_path / "mia.pdf"
    chromium(tmp_path, exported, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) >= 9  # a page for each section at least
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2  # A4 portrait


def test_family_copy_prints_on_a4(tmp_path, complete_example):
    page = tmp_path / "mia-family-copy.html"
    page.write_text(render(complete_example, "html", bundled(), ExportOptions(family_copy=True)),
                    encoding="utf-8")
    pdf = tmp_path / "mia-family-copy.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert 1 <= len(boxes) <= 4  # a plan a family can keep on the fridge
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2
    assert pdf.stat().st_size > 10_000  # text was drawn, not an empty page



def drawn_colours(pdf: Path) -> set[str]:
    """Every fill and stroke colour a PDF's pages use, as "r g b" in its own numbers."""
    data, found = pdf.read_bytes(), set()
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            text = zlib.decompress(stream.group(1))
        except zlib.error:  # an image or a font: no drawing operators in it
            continue
        found |= {m.decode() for m in re.findall(rb"[\d.]+ [\d.]+ [\d.]+(?= (?:rg|RG)\b)", text)}
    return found


def test_html_export_draws_an_ecomap(tmp_path):
    """Chromium prints the ecomap section: the island's sand and sea and the pitch's grass
    (colours only an ecomap uses) are drawn, and the page logged no refused load."""
    from tests.test_ecomap_export import workbook

    page = tmp_path / "ecomap.html"
    page.write_text(render(workbook(), "html", bundled(), ExportOptions()), encoding="utf-8")
    pdf = tmp_path / "ecomap.pdf"
    log = chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    colours = drawn_colours(pdf)
    assert ".9529 .8902 .7098" in colours  # the island (#f3e3b5)
    assert ".8118 .902 .9608" in colours  # its sea (#cfe6f5)
    assert ".8118 .9098 .7686" in colours  # the whole-family ecomap's pitch (#cfe8c4)
    assert not [line for line in log.splitlines() if "Refused" in line or "CONSOLE" in line]
def test_the_genogram_draws_in_chromium(tmp_path, complete_example):
    """Mia's family from the complete example, linked: the HTML export draws its genogram."""
    import attrs

    from circles_tui.core.family import CHILD, Family, FamilyLink, HeritageNote

    people = tuple(attrs.evolve(p, gender=g) if (g := GENDERS.get(p.id)) else p
                   for p in complete_example.people)
    family = Family(
        links=(FamilyLink("parent", "mum", CHILD), FamilyLink("parent", "dad", CHILD),
               FamilyLink("separated", "mum", "dad"), FamilyLink("partner", "mum", "craig"),
               FamilyLink("parent", "nanna-jo", "dad"), FamilyLink("parent", "grandad-winston", "dad"),
               FamilyLink("divorced", "nanna-jo", "grandad-winston"),
               FamilyLink("parent", "nanna-jo", "auntie-shanice"),
               FamilyLink("parent", "auntie-shanice", "cousin-tyler"),
               FamilyLink("sibling", "great-aunt-pearl", "nanna-jo"),
               FamilyLink("parent", "great-grandma-ivy", "nanna-jo"),
               FamilyLink("parent", "grandma-sue", "mum")),
        heritage=(HeritageNote("nanna-jo", "geography", "Came from Kingston, Jamaica, in 1968"),),
        household=("mum",),
    )
    workbook = attrs.evolve(complete_example, people=people, family=family)
    html = render(workbook, "html", bundled(), ExportOptions())
    start = html.index('<section id="family">')
    page = tmp_path / "genogram.html"
    # The family section alone, so the screenshot is the genogram.
    page.write_text(html[:html.index("<section")] + html[start:html.index("</section>", start)]
                    + "</section></body></html>", encoding="utf-8")
    shot = tmp_path / "genogram.png"
    log = chromium(tmp_path, page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")
    width, height, rows = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    busy = len(rows) - rows.count(0)
    assert busy / len(rows) > 0.01 and len(set(rows)) > 50  # line drawings: sparse, not blank
    assert [line for line in log.splitlines() if "CONSOLE" in line or "Refused" in line] == []
    pdf = tmp_path / "genogram.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.stat().st_size > 10_000


GENDERS = {"mum": "female", "dad": "male", "nanna-jo": "female", "auntie-shanice": "female",
           "cousin-tyler": "male", "great-aunt-pearl": "female", "grandad-winston": "male",
           "great-grandma-ivy": "female", "grandma-sue": "female", "craig": "male"}
def test_the_mobility_map_draws_in_chromium(tmp_path):
    from circles_tui.core.file_format import read_workbook

    kai = read_workbook(Path(__file__).resolve().parents[1] / "examples" / "kai-complete.toml")
    full = render(kai.workbook, "html", bundled(), ExportOptions())
    start = full.index('<section id="mobility">')
    section = full[start:full.index("</section>", start) + len("</section>")]
    head = full[:full.index("<body>") + len("<body>")]
    assert "<svg" in section
    shots = {}
    for name, body in (("map", section), ("words", re.sub(r"<figure>.*?</figure>", "", section,
                                                           flags=re.S))):
        page = tmp_path / f"{name}.html"
        page.write_text(head + body + "</body></html>\n", encoding="utf-8")
        shot = tmp_path / f"{name}.png"
        log = chromium(tmp_path, page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")
        assert [line for line in log.splitlines() if "CONSOLE" in line or "Refused" in line] == []
        width, height, rows = read_png(shot)
        assert (width, height) == (WIDTH, HEIGHT)
        shots[name] = len(rows) - rows.count(0)
    # The map's picture drew: far more ink than the same section without it.
    assert shots["map"] - shots["words"] > 40_000

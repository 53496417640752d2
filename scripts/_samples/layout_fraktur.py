"""Layout (scan only): a Magistrat's Vorlage of 1928 printed in a blackletter (Fraktur) face.

The whole page is set in Blankenburg (Debian's ``fonts-blankenburg``, a free blackletter whose
letterforms Tesseract's Fraktur model ``frk`` reads): "Stadt Offenbach am Main / Der
Magistrat", the title "Beschlußvorlage Nr. 117/28" centred, "Betreff:", a
Beratungsfolge of numbered "Gremium am Datum" lines, old spelling (Beschluß, Bauausschuß,
Reichsmark), and "Der Oberbürgermeister / In Vertretung" signing. It becomes one 300 dpi
greyscale scan, OCR'd with ``--languages deu+frk`` (recorded as ``sample.languages`` in its
truth). The PDF is only a temporary rasterisation source; the scan goes to ``samples/scans/``
through :func:`generate`.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from _samples import scans
from _samples.common import Rendered
from _samples.content import fill
from _samples.doc import Doc, Folge, Para, Unterz
from _samples.flow import Flow, Geometry
from _samples.fonts import width

LAYOUT = "fraktur"
FONT = "Blankenburg"
FONT_FILE = Path("/usr/share/fonts/truetype/blankenburg/Blankenburg_UNZ1A.ttf")
LANGUAGES = "deu+frk"
SCAN = scans.ScanSpec(
    "scan_20_fraktur_clean",
    (LAYOUT, 0),
    300,
    ("rotate:0.3", "blur:0.4"),
    "png",
    "1928 Magistrat Vorlage set entirely in a blackletter (Fraktur) face, 300 dpi greyscale "
    "PNG, skewed 0.3°; OCR with --languages deu+frk",
)

BEGRUENDUNG = [
    "Die Schulstraße zwischen dem Marktplatz und der Bahnhofstraße ist seit Jahren in einem "
    "schlechten Zustand. Das Pflaster ist auf weiten Strecken zerfahren, und bei Regen steht "
    "das Wasser in den Rinnen.",
    "Das Tiefbauamt hat einen Entwurf für den Ausbau mit Kleinpflaster und beiderseitigen "
    "Bürgersteigen aufgestellt. Die Arbeiten sollen im Frühjahr beginnen, damit sie vor dem "
    "Winter beendet sind.",
]
BESCHLUSS = [
    "Die Stadtverordnetenversammlung beschließt den Ausbau der Schulstraße nach dem Entwurf "
    "des Tiefbauamtes und bewilligt die Mittel.",
]


@functools.cache
def register() -> None:
    """Register the blackletter face with reportlab (once per process)."""
    if not FONT_FILE.is_file():
        raise SystemExit(f"{FONT_FILE} is missing: apt-get install fonts-blankenburg")
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))


def build() -> Doc:
    datum = dt.date(1928, 3, 12)
    return Doc(
        vorlagenart="Beschlußvorlage",
        vorlagennummer="117/28",
        aktenzeichen="632/14",
        datum=datum,
        federfuehrung="Tiefbauamt",
        betreff="Ausbau der Schulstraße zwischen Marktplatz und Bahnhofstraße",
        beratungsfolge=[Folge("Bauausschuß", dt.date(1928, 3, 20)),
                        Folge("Stadtverordnetenversammlung", dt.date(1928, 4, 3))],
        beschluss=[Para(fill(t, {})) for t in BESCHLUSS],
        begruendung=[Para(fill(t, {})) for t in BEGRUENDUNG],
        finanzen=[Para("Die Kosten von 48.500 Reichsmark werden aus der Anleihe des Jahres "
                       "1927 gedeckt.")],
        anlagen=["Lageplan"],
        unterz=Unterz(None, None, "Dr. Schäfer"),  # place and date head the letter, not the signature
        signer_title="Der Oberbürgermeister",
        town="Offenbach",
        topic="strassenausbau",
    )


def render(doc: Doc, path: Path) -> Rendered:
    """The structure of a typed Vorlage of the time (letterhead left, place and date right,
    the type centred), every line in the blackletter face."""
    register()
    flow = Flow(Geometry(left=72, right=64, top=70, bottom=70))
    g = flow.g
    s, lead = 13.0, 18.0

    def para(text: str, x: float | None = None) -> None:
        flow.paragraph(text, FONT, s, lead, x=x, hyphenate=False)

    assert doc.datum is not None
    y = g.top + s
    for line in ("Stadt Offenbach am Main", "Der Magistrat", doc.federfuehrung or "",
                 f"Az.: {doc.aktenzeichen}"):
        flow.text(g.left, y, line, FONT, s)
        y += lead
    right = g.left + g.content_width * 0.56
    flow.text(right, g.top + s, f"Offenbach, den {doc.datum.day}. März {doc.datum.year}", FONT, s)
    flow.y = y + lead
    title = f"{doc.vorlagenart} Nr. {doc.vorlagennummer}"
    flow.text(g.left + g.content_width / 2, flow.y + 15, title, FONT, 15, align="center")
    flow.y += lead * 2
    para("Beratungsfolge:")
    months = {3: "März", 4: "April"}
    for number, folge in enumerate(doc.beratungsfolge, 1):
        assert folge.sitzung_am is not None
        day = folge.sitzung_am
        para(f"{number}. {folge.gremium} am {day.day}. {months[day.month]} {day.year}",
             x=g.left + 20)
    flow.gap(lead)
    indent = g.left + width("Betreff: ", FONT, s) + 4
    flow.text(g.left, flow.y + s, "Betreff:", FONT, s)
    para(doc.betreff or "", x=indent)
    flow.gap(lead)
    para("Beschlußvorschlag:")
    for item in doc.beschluss:
        para(item.text)
    flow.gap(lead)
    para("Begründung:")
    for item in doc.begruendung:
        para(item.text)
        flow.gap(lead * 0.4)
    flow.gap(lead * 0.4)
    para("Finanzielle Auswirkungen: " + " ".join(p.text for p in doc.finanzen))
    flow.gap(lead * 0.5)
    para(f"Anlage: {doc.anlagen[0]}")
    flow.gap(lead)
    x = g.left + g.content_width * 0.5
    for line in (doc.signer_title or "", "In Vertretung", "", f"({doc.unterz.name})"):
        flow.text(x, flow.y + s, line, FONT, s)
        flow.y += lead
    pages = flow.render(path, "fraktur")
    features = ["blackletter (Fraktur) face throughout, 13 pt", "1928, old spelling",
                "'Offenbach, den 12. März 1928' top right = Datum and place/date of signing",
                "Beratungsfolge as numbered 'Gremium am Datum' lines"]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[scans.ScanResult]:
    """Render the Vorlage, scan it into ``out_dir`` and return the scan with its truth."""
    with tempfile.TemporaryDirectory() as tmp:
        result = render(build(), Path(tmp) / "fraktur_01.pdf")
        scan = scans.make_scan(SCAN, result, out_dir, "fraktur layout (generated for the scan "
                               "only, PDF not kept)")
    scan.truth["sample"]["languages"] = LANGUAGES
    return [scan]

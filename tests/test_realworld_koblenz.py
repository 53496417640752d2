"""The real RIS Vorlagen from Koblenz (../shared/realworld, used by path; skipped when absent):
every printed box of the Beratungsergebnis grid found with its label and none ticked, the
Beratungsfolge read from the Gremienweg, the kind of each Vorlage."""

from __future__ import annotations

from pathlib import Path

import pytest

from vorlagenparser.options import ExtractOptions
from vorlagenparser.pipeline import extract

pytestmark = pytest.mark.realworld

GRID = {"einstimmig", "mehrheitl.", "ohne BE", "abgelehnt", "Kenntnis", "abgesetzt", "verwiesen", "vertagt",
        "geändert"}
CASES = [
    ("koblenz_bv_0197-2026_interimsschule.pdf", "Beschlussvorlage",
     ["Stadtrat", "Haupt- und Finanzausschuss", "Schulträgerausschuss",
      "Ausschuss für Stadtentwicklung und Mobilität"]),
    ("koblenz_uv_0310-2025_sachstand_mvl.pdf", "Unterrichtungsvorlage", ["Schulträgerausschuss"]),
    ("koblenz_bv_0109-2021_bplan336.pdf", "Beschlussvorlage",
     ["Ausschuss für Stadtentwicklung und Mobilität"]),
]


@pytest.mark.parametrize(("name", "art", "gremien"), CASES, ids=[c[0] for c in CASES])
def test_koblenz_vorlage(realworld_dir: Path, name: str, art: str, gremien: list[str]) -> None:
    v = extract(realworld_dir / name, ExtractOptions())
    assert v.vorlagenart == art
    assert [row.gremium for row in v.beratungsfolge] == gremien
    boxes = v.checkboxes
    assert len(boxes) == 9 * len(gremien) and not any(b.checked for b in boxes)
    assert sorted(b.label for b in boxes) == sorted(list(GRID) * len(gremien))

"""Texts of the Swiss Gemeinderat Antrag family: three cases with their people, numbers and
outcomes (invented, realistic; Swiss spelling without "ß", amounts "CHF 2'450'000.–").

A case's "blocks" are the result blocks of its "Beschluss" part: the Gremium, its meeting date
and Traktandum, the option labels that were ticked (by key, see the layout's LABELS), the votes
and, for the fourth count box (Visum/Abwesend), what was written there. "~" marks a permitted
break (a soft hyphen).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date

CASES: dict[str, dict[str, Any]] = {
    "turnhalle": {
        "ort": "Männedorf", "kopf": "Gemeinde", "behoerde": "Gemeinderat", "kind": "Antrag",
        "an": "des Gemeinderates an die Gemeindeversammlung vom 16. Juni 2025",
        "geschaeft": "2025-031", "registratur": "4.04.12", "ressort": "Liegenschaften",
        "sachbearbeitung": "Marco Brunner, Leiter Abteilung Liegenschaften",
        "datum": D(2025, 3, 11), "hinweis": None,
        "folge": [("Rechnungsprüfungskommission", "Vorberatung", D(2025, 5, 20)),
                  ("Gemeindeversammlung", "Entscheid", D(2025, 6, 16))],
        "title": "Schulanlage Blatten, Sanierung Turnhalle – Genehmigung Baukredit von "
                 "CHF 2'450'000.–",
        "antrag_head": "Der Gemeinderat beantragt der Gemeindeversammlung:",
        "antrag": [
            "Für die Sanierung der Turnhalle der Schulanlage Blatten wird ein Baukredit von "
            "CHF 2'450'000.– (inkl. 8,1 % MWST) bewilligt.",
            "Der Kredit erhöht oder vermindert sich entsprechend der Entwicklung des Zürcher "
            "Baukosten~indexes zwischen der Aufstellung des Kosten~voranschlags (Stand 1. Oktober "
            "2024) und der Bau~ausführung.",
            "Der Gemeinderat wird mit dem Vollzug beauftragt.",
        ],
        "erw": [
            "Die Turnhalle der Schulanlage Blatten wurde 1978 erstellt und seither nur punktuell "
            "instand gesetzt. Die Gebäude~hülle entspricht nicht mehr den heutigen energetischen "
            "Anforderungen, die Lüftungs~anlage hat das Ende ihrer Lebens~dauer erreicht und die "
            "Garderoben sowie die Duschen sind sanierungs~bedürftig.",
            "Der Gemeinderat hat im Frühjahr 2024 eine Zustands~analyse in Auftrag gegeben. "
            "Gestützt darauf wurde ein Vorprojekt erarbeitet, das neben der Erneuerung der "
            "Gebäude~technik den Ersatz der Fenster, eine Dämmung des Daches und einen hindernis~"
            "freien Zugang zur Halle vorsieht. Die Schulpflege und die Sport~vereine wurden in die "
            "Planung einbezogen.",
            "Die Bau~arbeiten sollen in den Sommer~ferien 2026 beginnen und bis Ende Jahr "
            "abgeschlossen sein. Während der Bauzeit wird der Sport~unterricht in der Turnhalle "
            "Leigruben durchgeführt; die Vereine werden frühzeitig über die Belegung informiert.",
            "Die Rechnungs~prüfungs~kommission hat den Antrag geprüft. Ihr Abschied liegt den "
            "Akten bei.",
        ],
        "fin_head": "Finanzielles",
        "fin": [
            "Die Investition ist im Finanz- und Aufgabenplan 2025–2029 enthalten. Die jährlichen "
            "Folge~kosten für Abschreibungen und Zinsen betragen rund CHF 98'000.–. Durch die "
            "energetische Sanierung sinken die Betriebs~kosten um geschätzt CHF 14'000.– pro Jahr.",
        ],
        "sign_date": D(2025, 3, 11), "signer": "Ursula Keller-Graf",
        "signer_role": "Gemeindepräsidentin",
        "beilagen": ["Kostenvoranschlag vom 4. Februar 2025", "Projektpläne Turnhalle Blatten"],
        "akten": "Die Akten liegen ab 2. Juni 2025 in der Gemeindeverwaltung, Büro 12, zur "
                 "Einsicht auf.",
        "blocks": [
            {"date": D(2025, 5, 20), "trakt": "3",
             "ticks": {"noe", "einst", "lbv", "stell"}, "counts": (5, 0, 0), "extra": None},
            {"date": D(2025, 6, 16), "trakt": "2",
             "ticks": {"oe", "mehr", "lbv"}, "counts": (143, 29, 11), "extra": None},
        ],
    },
    "sportanlage": {
        "ort": "Dübendorf", "kopf": "Stadt", "behoerde": "Stadtrat", "kind": "Weisung",
        "an": "des Stadtrates an den Gemeinderat",
        "geschaeft": "142/2023", "registratur": "0.6.3", "ressort": "Gesellschaft und Sport",
        "sachbearbeitung": "Reto Fässler, Leiter Fachstelle Sport",
        "datum": D(2023, 9, 14), "hinweis": "Ersetzt die Weisung vom 29. Juni 2023 (zurückgezogen)",
        "folge": [("Kommission für Bau und Infrastruktur", "Vorberatung", D(2023, 10, 24)),
                  ("Gemeinderat", "Entscheid", D(2023, 11, 6))],
        "title": "Sportanlage Im Chreis: Ersatz Kunstrasenfeld und Erneuerung Flutlicht; "
                 "Objektkredit von CHF 1'960'000.–",
        "antrag_head": "Der Stadtrat beantragt dem Gemeinderat, folgenden Beschluss zu fassen:",
        "antrag": [
            "Für den Ersatz des Kunstrasen~felds und die Erneuerung der Flutlicht~anlage auf der "
            "Sportanlage Im Chreis wird ein Objektkredit von CHF 1'960'000.– (inkl. MWST) "
            "bewilligt.",
            "Der Objektkredit erhöht oder vermindert sich entsprechend der Teuerung zwischen der "
            "Kosten~schätzung (April 2023) und der Bau~ausführung.",
            "Dieser Beschluss untersteht dem fakultativen Referendum.",
        ],
        "erw": [
            "Das Kunstrasen~feld der Sportanlage Im Chreis wurde im Jahr 2009 eingebaut. Nach rund "
            "14 Jahren intensiver Nutzung durch Schulen und Vereine ist der Belag stark abgenutzt; "
            "die Spielfläche weist Falten und Ablösungen auf, was die Verletzungs~gefahr erhöht. "
            "Eine Sanierung ist gemäss Gutachten der Fachstelle Sportanlagen spätestens im Jahr "
            "2024 erforderlich.",
            "Die bestehende Flutlicht~anlage mit Halogen-Metalldampflampen verursacht hohe "
            "Energie- und Unterhalts~kosten. Mit einer LED-Anlage sinkt der Strom~verbrauch um "
            "rund 60 Prozent. Zudem lässt sich die Beleuchtung künftig feldweise steuern, was die "
            "Licht~emissionen gegenüber den Anwohnenden deutlich reduziert.",
            "Als Füll~material ist Kork anstelle von Gummi~granulat vorgesehen. Damit folgt die "
            "Stadt den Empfehlungen des Bundesamtes für Sport zur Vermeidung von Mikroplastik. Die "
            "Arbeiten sollen zwischen Juni und September 2024 ausgeführt werden; der Trainings~"
            "betrieb wird in dieser Zeit auf die Anlage Stägenbuck verlegt.",
            "Der Stadtrat hat das Projekt mit Beschluss vom 7. September 2023 verabschiedet und "
            "die Weisung vom 29. Juni 2023 zurückgezogen, weil die Kosten~schätzung nach der "
            "Submission angepasst werden musste.",
        ],
        "fin_head": "Finanzierung",
        "fin": [
            "Die Ausgabe ist im Investitions~programm 2024 mit CHF 1,9 Mio. eingestellt. Der "
            "Kanton Zürich leistet aus dem Sportfonds voraussichtlich einen Beitrag von "
            "CHF 180'000.–. Die Folge~kosten betragen jährlich rund CHF 142'000.–.",
        ],
        "sign_date": D(2023, 9, 14), "signer": "Martina Gerber", "signer_role": "Stadtpräsidentin",
        "beilagen": ["Projektbeschrieb Sportanlage Im Chreis", "Kostenschätzung",
                     "Situationsplan"],
        "akten": None,
        "blocks": [
            {"date": D(2023, 10, 24), "trakt": "1",
             "ticks": {"noe", "mehr", "abw", "stell"}, "counts": (6, 3, 0), "extra": None},
            {"date": D(2023, 11, 6), "trakt": "5",
             "ticks": {"oe", "mehr", "abw"}, "counts": (27, 9, 2), "extra": "2"},
        ],
    },
    "landkauf": {
        "ort": "Wettswil am Albis", "kopf": "Gemeinde", "behoerde": "Gemeinderat",
        "kind": "Antrag", "an": "des Gemeinderates an die Gemeindeversammlung vom 21. März 2024",
        "geschaeft": "2024-09", "registratur": "4.01.3", "ressort": "Liegenschaften und Hochbau",
        "sachbearbeitung": "Lea Frei, Liegenschaftenverwaltung",
        "datum": D(2024, 2, 20), "hinweis": None,
        "folge": [("Gemeindeversammlung", "Entscheid", D(2024, 3, 21))],
        "title": "Erwerb der Parzelle Kat.-Nr. 2314, Im Bifang – Genehmigung Kaufvertrag",
        "antrag_head": "Der Gemeinderat beantragt der Gemeindeversammlung:",
        "antrag": [
            "Der Kaufvertrag mit der Erben~gemeinschaft Huber über den Erwerb der Parzelle "
            "Kat.-Nr. 2314 (1'842 m², Zone für öffentliche Bauten) zum Preis von "
            "CHF 1'180'000.– wird genehmigt.",
            "Der Gemeinderat wird ermächtigt, den Kauf grundbuchlich zu vollziehen.",
        ],
        "erw": [
            "Die Parzelle Kat.-Nr. 2314 grenzt unmittelbar an die Schulanlage Mettlen. Gemäss "
            "der Schulraum~planung von 2023 wird bis 2032 zusätzlicher Schulraum für rund vier "
            "Klassen benötigt. Mit dem Erwerb sichert sich die Gemeinde die einzige verbleibende "
            "Erweiterungs~fläche.",
            "Der Kaufpreis entspricht dem Verkehrswert gemäss Schätzung des Gemeinde~ingenieurs. "
            "Die Erben~gemeinschaft hat dem Vertrag am 8. Februar 2024 zugestimmt.",
        ],
        "fin_head": None, "fin": [],
        "sign_date": D(2024, 2, 20), "signer": "Sabine Kern", "signer_role": "Gemeindepräsidentin",
        "beilagen": ["Situationsplan Parzelle Kat.-Nr. 2314"],
        "akten": None,
        "blocks": [
            {"date": D(2024, 3, 21), "trakt": "4",
             "ticks": {"oe", "mehr", "lbv"}, "counts": (88, 12, 4), "extra": None},
        ],
    },
}

"""Texts of the Landratsamt Sitzungsvorlage family (a Bavarian and a Saxon Landkreis; invented).

Placeholders: {y} the year of the Vorlage, {y0} the year before, {y1}..{y5} the years after.
"~" marks a permitted break (a soft hyphen). COSTS is the cost calculation printed as an
Anlage page behind the Vorlage.
"""

from __future__ import annotations

from typing import Any

TOPICS: dict[str, dict[str, Any]] = {
    "turnhalle": {
        "federf": "Sachgebiet 22 – Kreiseigene Schulen und Liegenschaften",
        "az": "22-6312/{y}-Eg",
        "betreff": "Neubau einer Dreifach~turnhalle am Gymnasium Eggenbach",
        "hier": "hier: Genehmigung der Entwurfs~planung und der Kosten~berechnung",
        "bv": [
            "Der Entwurfs~planung für den Neubau einer Dreifach~turnhalle am Gymnasium Eggenbach "
            "in der Fassung vom 12.02.{y} wird zugestimmt.",
            "Die Kosten~berechnung nach DIN 276 mit Gesamt~kosten von 9.360.000 € (brutto) wird "
            "genehmigt. Die Verwaltung wird beauftragt, die Förderung nach Art. 10 FAG bei der "
            "Regierung zu beantragen.",
            "Die Verwaltung wird ermächtigt, die Ausführungs~planung zu beauftragen und die "
            "Ausschreibungen vorzubereiten.",
        ],
        "sv": [
            "Der Kreistag hat in seiner Sitzung am 18.07.{y0} den Neubau einer Dreifach~turnhalle "
            "am Gymnasium Eggenbach beschlossen und die Verwaltung mit der Planung beauftragt. Die "
            "bestehende Einfach~turnhalle aus dem Jahr 1972 ist nicht mehr sanierungs~fähig und "
            "deckt den Bedarf von Gymnasium und Realschule für den Sport~unterricht nicht ab.",
            "Das beauftragte Architektur~büro hat die Entwurfs~planung vorgelegt. Die Halle ist "
            "dreifach teilbar und erhält eine Zuschauer~tribüne mit 199 Plätzen, so dass sie auch "
            "für den Vereins~sport und für Kreis~meisterschaften genutzt werden kann. Das Dach "
            "wird vollflächig mit einer Photovoltaik~anlage belegt.",
            "Die Kosten~berechnung schließt mit Gesamt~kosten von 9.360.000 € ab (Anlage 1). "
            "Gegenüber der Kosten~schätzung aus dem Vorjahr ergibt sich eine Steigerung um rund "
            "6 %, die im Wesentlichen auf die Baupreis~entwicklung zurückzuführen ist.",
            "Der Baubeginn ist für das Frühjahr {y1} vorgesehen, die Inbetrieb~nahme zum Schuljahr "
            "{y2}/{y3}. Während der Bauzeit steht die bestehende Halle weiter zur Verfügung.",
        ],
        "fin_jn": True,
        "fin": [
            "Die Gesamt~kosten betragen 9.360.000 €. Im Haushalt {y} stehen bei der "
            "Haushalts~stelle 2.2300.9400 Mittel in Höhe von 1.200.000 € zur Verfügung, die "
            "weiteren Mittel sind in der Finanz~planung {y1} bis {y3} veranschlagt. Es wird mit "
            "einer staatlichen Förderung von rund 3,1 Mio. € gerechnet.",
        ],
        "anlagen": ["Kostenberechnung nach DIN 276", "Entwurfsplanung (Grundrisse und Ansichten)"],
        "gremien": [("Ausschuss für Schulen, Kultur und Sport", "Vorberatung"),
                    ("Kreisausschuss", "Vorberatung"), ("Kreistag", "Entscheidung")],
    },
    "nahverkehr": {
        "federf": "Dezernat 3 – Referat Verkehr und ÖPNV",
        "az": "3.2-143.11/{y}",
        "betreff": "Fortschreibung des Nahverkehrs~plans für den Landkreis Oberes Muldental "
                   "{y1}–{y5}",
        "hier": None,
        "bv": [
            "Der Kreistag beschließt die Fortschreibung des Nahverkehrs~plans für den Landkreis "
            "Oberes Muldental für den Zeitraum {y1} bis {y5} in der Fassung der Anlage 1.",
            "Der Landrat wird beauftragt, die Umsetzung der im Nahverkehrs~plan festgelegten "
            "Maßnahmen der Stufe 1 mit dem Verkehrs~verbund und den Verkehrs~unternehmen "
            "vorzubereiten und dem Kreistag jährlich über den Stand der Umsetzung zu berichten.",
        ],
        "sv": [
            "Nach dem Gesetz über den öffentlichen Personen~nahverkehr im Freistaat Sachsen stellt "
            "der Landkreis als Aufgaben~träger einen Nahverkehrs~plan auf und schreibt ihn fort. "
            "Der geltende Plan stammt aus dem Jahr 2017 und ist an die veränderte Siedlungs- und "
            "Schulstandort~entwicklung anzupassen.",
            "Der Entwurf wurde in einem Beteiligungs~verfahren mit den kreis~angehörigen Städten "
            "und Gemeinden, den Nachbar~landkreisen, dem Beirat für Menschen mit Behinderungen und "
            "den Verkehrs~unternehmen abgestimmt. Es gingen 46 Stellung~nahmen ein, deren Abwägung "
            "in Anlage 2 dargestellt ist.",
            "Kernpunkte der Fortschreibung sind ein landkreis~weiter Stundentakt auf allen "
            "PlusBus- und TaktBus-Linien, die Einführung eines Rufbus~angebotes in den Randzeiten "
            "sowie der barriere~freie Ausbau von 38 Haltestellen pro Jahr.",
            "Die Umsetzung erfolgt in zwei Stufen. Die Maßnahmen der Stufe 1 sollen mit dem "
            "Fahrplan~wechsel im Dezember {y1} wirksam werden, die Maßnahmen der Stufe 2 stehen "
            "unter dem Vorbehalt der Finanzierung durch den Freistaat. Der Verkehrs~verbund hat mit "
            "Schreiben vom 28.08.{y} bestätigt, dass die Leistungen im Rahmen der bestehenden "
            "Verkehrs~verträge bestellt werden können.",
            "Der Beirat für Menschen mit Behinderungen erhält die Vorlage zur Kenntnis, weil seine "
            "Hinweise zur Barriere~freiheit der Fahrzeuge und Haltestellen in den Plan eingearbeitet "
            "wurden.",
        ],
        "fin_jn": True,
        "fin": [
            "Die Mehrkosten der Stufe 1 betragen ab {y1} rund 1,4 Mio. € jährlich und sind im "
            "Teilergebnis~haushalt des Produkts 54.70.01 zu veranschlagen. Für den Haltestellen~"
            "ausbau stehen Förder~mittel des Freistaates zur Verfügung.",
        ],
        "anlagen": ["Nahverkehrsplan {y1}–{y5} (Entwurf)", "Abwägungstabelle der Stellungnahmen"],
        "gremien": [("Beirat für Menschen mit Behinderungen", "Kenntnisnahme"),
                    ("Ausschuss für Umwelt und Technik", "Vorberatung"),
                    ("Ausschuss für Wirtschaft, Tourismus und Kreisentwicklung", "Vorberatung"),
                    ("Verwaltungs- und Finanzausschuss", "Vorberatung"),
                    ("Kreisausschuss", "Vorberatung"), ("Kreistag", "Entscheidung")],
    },
    "breitband": {
        "federf": "Stabsstelle Kreisentwicklung und Digitalisierung",
        "az": "SK-022.31/{y}",
        "betreff": "Beitritt des Landkreises zum Zweck~verband „Breitband Erzgebirgs~vorland“",
        "hier": None,
        "bv": [
            "Der Landkreis tritt dem Zweck~verband „Breitband Erzgebirgs~vorland“ zum 01.01.{y1} "
            "bei. Der Verbands~satzung in der Fassung der Anlage wird zugestimmt.",
            "Als Vertreter des Landkreises in der Verbands~versammlung wird der Landrat, als sein "
            "Stellvertreter der Beigeordnete für Kreis~entwicklung bestellt.",
        ],
        "sv": [
            "Der Zweck~verband wurde {y0} von 14 Städten und Gemeinden gegründet, um den "
            "geförderten Glasfaser~ausbau in den unter~versorgten Gebieten gemeinsam zu planen und "
            "auszuschreiben. Der Landkreis hat den Ausbau bisher über die Stabsstelle koordiniert.",
            "Mit dem Beitritt kann der Landkreis die Anbindung der kreis~eigenen Schulen und "
            "Verwaltungs~standorte in das Verbands~projekt einbringen. Die Verbands~umlage richtet "
            "sich nach der Zahl der angeschlossenen Anschlüsse.",
        ],
        "fin_jn": True,
        "fin": [
            "Die Verbands~umlage des Landkreises beträgt voraussichtlich 38.000 € jährlich und ist "
            "im Haushalts~plan {y1} im Produkt 57.10.02 einzuplanen.",
        ],
        "anlagen": ["Verbandssatzung", "Karte des Ausbaugebietes"],
        "gremien": [("Verwaltungs- und Finanzausschuss", "Vorberatung"),
                    ("Kreistag", "Entscheidung")],
    },
}

LANDRAT_BY = ["Josef Brandl", "Michael Kerscher", "Dr. Sabine Aumüller", "Matthias Höpfl"]
LANDRAT_SN = ["Ulrike Weidlich", "Dr. Jens Kretzschmar", "Thomas Schmiedel", "Katrin Heinig"]
FEMALE = {"Sabine", "Ulrike", "Katrin"}
BEARB = [("Frau", "Huber"), ("Herr", "Stadler"), ("Frau", "Gschwendtner"), ("Herr", "Loibl"),
         ("Frau", "Richter"), ("Herr", "Kunze"), ("Frau", "Uhlig"), ("Herr", "Seidel")]

# Anlage 1 of the Turnhalle Vorlage: an architect's cost calculation (KG, name, net €).
COSTS = {
    "firm": "Architekturbüro Wenzl + Partner · Am Stadtgraben 9 · 84028 Landshut",
    "title": "Kostenberechnung nach DIN 276",
    "project": "Neubau Dreifachturnhalle Gymnasium Eggenbach – Entwurfsplanung",
    "stand": "Stand: 12.02.{y}        Projekt-Nr. 23-117        Bauherr: Landkreis Rottal-Vils",
    "rows": [("100", "Grundstück", 0.0), ("200", "Vorbereitende Maßnahmen", 148500.0),
             ("300", "Bauwerk – Baukonstruktionen", 4512300.0),
             ("400", "Bauwerk – Technische Anlagen", 1486900.0),
             ("500", "Außenanlagen und Freiflächen", 392600.0),
             ("600", "Ausstattung und Kunstwerke", 231400.0), ("700", "Baunebenkosten", 1093800.0),
             ("800", "Finanzierung", 0.0)],
    "notes": [
        "Die Kostenberechnung beruht auf der Entwurfsplanung vom 12.02.{y} und dem Baupreisindex "
        "für Nichtwohngebäude (Stand November {y0}). Nicht enthalten sind Kosten für den Abbruch "
        "der bestehenden Einfachturnhalle und eine eventuelle Baugrundverbesserung.",
        "Landshut, 12.02.{y}",
        "Dipl.-Ing. (FH) Florian Wenzl, Architekt",
    ],
}

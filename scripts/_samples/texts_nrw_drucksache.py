"""Texts of the NRW Drucksache family: three cases and the Anlagen printed behind them
(invented, realistic).

A case's "folge" rows are (Gremium, date, role, TOP or None, public); its "ergebnis" lists per
Gremium what the result frame shows once filled in: the ticked labels, date, TOP and votes.
A list inside "sv" is a bulleted list. ANLAGEN holds the extra pages: a letter with its own
date, sender and Betreff, or a cost table. "~" marks a permitted break (a soft hyphen).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date

CASES: dict[str, dict[str, Any]] = {
    "feuerwehr": {
        "ort": "Rheinberg", "kopf": "Stadt Rheinberg", "kind": "Beschlussvorlage",
        "nr": "0187/2025", "datum": D(2025, 3, 12), "oeffentlich": True,
        "federfuehrung": "Zentrales Gebäudemanagement",
        "beteiligt": "Fachbereich 32 – Ordnung und Feuerwehr; Kämmerei", "az": "65.1-ZGM/FW-Oss",
        "hinweis": None,
        "title": "Neubau Feuerwehr~gerätehaus Löschzug Ossenberg",
        "hier": "hier: Vergabe der Objekt~planung (Leistungsphasen 1–4 HOAI)",
        "folge": [("Ausschuss für Feuerwehr und Ordnung", D(2025, 3, 25), "Vorberatung", "5", True),
                  ("Haupt- und Finanzausschuss", D(2025, 4, 1), "Vorberatung", None, True),
                  ("Rat der Stadt Rheinberg", D(2025, 4, 8), "Entscheidung", None, True)],
        "bv_head": "Beschlussvorschlag:",
        "bv": [
            "Der Rat der Stadt Rheinberg beauftragt die Verwaltung, die Objekt~planung für den "
            "Neubau des Feuerwehr~gerätehauses Ossenberg (Leistungs~phasen 1 bis 4 HOAI) an die "
            "Hoffmann + Partner Ingenieure GmbH, Moers, zum Angebots~preis von 186.430,00 € brutto "
            "zu vergeben.",
        ],
        "sv_head": "Sachverhalt:",
        "sv": [
            "Das Gerätehaus des Löschzugs Ossenberg an der Rheinberger Straße stammt aus dem Jahr "
            "1967. Es entspricht in wesentlichen Punkten nicht mehr den Anforderungen der "
            "Unfall~verhütungs~vorschriften der Feuerwehr-Unfallkasse NRW. Der Brandschutz~bedarfs~"
            "plan, den der Rat am 14.12.2023 beschlossen hat, sieht daher einen Neubau im "
            "Gewerbe~gebiet Ossenberg-Nord vor.",
            "Festgestellte Mängel sind insbesondere:",
            ["zu geringe Stellplatz~größen für die Einsatz~fahrzeuge",
             "fehlende Schwarz-Weiß-Trennung im Umkleide~bereich",
             "keine Abgas~absaugung in der Fahrzeug~halle"],
            "Für die Objekt~planung wurde ein Verhandlungs~verfahren mit drei Büros durchgeführt. "
            "Das Angebot der Hoffmann + Partner Ingenieure GmbH ist das wirtschaftlichste "
            "(Anlage 1). Die geschätzten Gesamt~kosten der Maßnahme sind in Anlage 2 dargestellt.",
            "Nach Abschluss der Entwurfs~planung wird die Verwaltung dem Rat einen Baubeschluss "
            "vorlegen.",
        ],
        "fin_ja": True,
        "fin": [
            "Die Planungs~kosten in Höhe von 186.430,00 € sind im Haushalts~plan 2025 bei der "
            "Investitions~maßnahme I-5/0012 „Neubau FGH Ossenberg“ veranschlagt. Die Gesamt~kosten "
            "der Maßnahme werden nach derzeitigem Stand auf rund 5,1 Mio. € brutto geschätzt.",
        ],
        "klima": (True, False), "klima_text": "Der Neubau wird im Standard Effizienzgebäude 40 "
                                              "geplant.",
        "sign": {"ort": None, "datum": None, "vertretung": "In Vertretung",
                 "name": "Bernd Klauser", "role": "Erster Beigeordneter"},
        "anlagen": ["Angebot der Hoffmann + Partner Ingenieure GmbH vom 03.02.2025",
                    "Kostenschätzung Neubau Feuerwehrgerätehaus"],
        "ergebnis": [{"ticks": {"einstimmig", "wie Beschlussvorschlag"}, "top": "5",
                      "counts": (15, 0, 0)},
                     {"ticks": {"mehrheitlich", "wie Beschlussvorschlag"}, "top": "11",
                      "counts": (12, 3, 1)},
                     None],
        "anlage_pages": [(1, "letter_fw"), (2, "costs_fw")],
    },
    "schulweg": {
        "ort": "Kalletal", "kopf": "Gemeinde Kalletal", "kind": "Mitteilungsvorlage",
        "nr": "0042/2024", "datum": D(2024, 9, 4), "oeffentlich": True,
        "federfuehrung": "Fachbereich II – Schule, Jugend, Sport", "beteiligt": None,
        "az": "40 12 01", "hinweis": None,
        "title": "Sachstand Schulweg~sicherung an der Grundschule Hohenhausen", "hier": None,
        "folge": [("Schul-, Sport- und Kulturausschuss", D(2024, 9, 17), "Kenntnisnahme", None,
                   True)],
        "bv_head": "Beschlussvorschlag:",
        "bv": [
            "Der Schul-, Sport- und Kultur~ausschuss nimmt den Bericht der Verwaltung zur "
            "Schulweg~sicherung an der Grundschule Hohenhausen zur Kenntnis.",
        ],
        "sv_head": "Sachverhalt:",
        "sv": [
            "In der Sitzung am 12.03.2024 hatte der Ausschuss die Verwaltung gebeten, die "
            "Gefahren~stellen auf den Schulwegen zur Grundschule Hohenhausen gemeinsam mit der "
            "Polizei und der Schul~pflegschaft zu untersuchen. Die Begehung hat am 23.04.2024 "
            "stattgefunden.",
            "Als Sofort~maßnahmen wurden an der Lemgoer Straße zwei Querungs~hilfen markiert und "
            "die Haltestelle „Schulzentrum“ um zwölf Meter verlegt. Der Kreis Lippe prüft derzeit "
            "die Einrichtung einer Tempo-30-Zone im Bereich der Schule; eine Entscheidung wird bis "
            "Ende des Jahres erwartet.",
        ],
        "fin_ja": False, "fin": ["Durch diese Mitteilung entstehen keine Kosten."],
        "klima": (False, False), "klima_text": None,
        "sign": {"ort": "Kalletal", "datum": D(2024, 9, 4), "vertretung": None,
                 "name": "Mario Hecker", "role": "Bürgermeister"},
        "anlagen": [],
        "ergebnis": [{"ticks": {"zur Kenntnis genommen"}, "top": "4", "counts": None}],
        "anlage_pages": [],
    },
    "strassenbeleuchtung": {
        "ort": "Meerbusch", "kopf": "Stadt Meerbusch", "kind": "Beschlussvorlage",
        "nr": "231/2024", "datum": D(2024, 10, 8), "oeffentlich": True,
        "federfuehrung": "Fachbereich 4 – Straßen, Grün und Umwelt",
        "beteiligt": "Fachbereich 2 – Finanzen", "az": "66.32.01",
        "hinweis": "Nachtrag zur Tagesordnung",
        "title": "Erneuerung der Straßen~beleuchtung auf LED-Technik",
        "hier": "hier: Antrag auf Förderung nach der Kommunal~richtlinie",
        "folge": [("Ausschuss für Umwelt, Klima und Mobilität", D(2024, 10, 22), "Vorberatung",
                   None, True),
                  ("Rat der Stadt Meerbusch", D(2024, 11, 7), "Entscheidung", None, True)],
        "bv_head": "Beschlussvorschlag:",
        "bv": [
            "Die Verwaltung wird beauftragt, für die Umrüstung von 1.240 Leuchten der "
            "Straßen~beleuchtung auf LED-Technik einen Förder~antrag nach der Kommunal~richtlinie "
            "zu stellen und die Maßnahme nach Bewilligung im Jahr 2025 umzusetzen.",
        ],
        "sv_head": "Sachverhalt:",
        "sv": [
            "Im Stadtgebiet sind noch rund 1.240 Leuchten mit Natrium~dampf- und Quecksilber~"
            "dampflampen in Betrieb. Quecksilber~dampflampen dürfen seit 2015 nicht mehr in Verkehr "
            "gebracht werden; Ersatzteile sind kaum noch erhältlich. Die Umrüstung auf LED senkt "
            "den Strom~verbrauch dieser Leuchten um rund 65 Prozent.",
            "Die Kommunal~richtlinie fördert die Sanierung der Außen- und Straßen~beleuchtung mit "
            "40 Prozent der zuwendungs~fähigen Ausgaben, wenn folgende Voraussetzungen erfüllt "
            "sind:",
            ["Minderung der Treibhausgas~emissionen um mindestens 50 Prozent",
             "Einsatz einer zeit- oder präsenz~abhängigen Steuerung",
             "Beginn der Maßnahme erst nach Bewilligung"],
            "Die Servicestelle hat der Stadt mit Schreiben vom 12.09.2024 mitgeteilt, dass der "
            "Antrag bis zum 31.12.2024 eingereicht werden muss (Anlage 1). Die Kosten~übersicht "
            "ist als Anlage 2 beigefügt.",
        ],
        "fin_ja": True,
        "fin": [
            "Die Gesamt~kosten betragen voraussichtlich 1.118.600 €. Bei einer Förder~quote von "
            "40 % verbleibt ein Eigen~anteil von rund 671.000 €, der im Entwurf des Haushalts~plans "
            "2025 vorgesehen ist.",
            "Durch die geringeren Strom- und Wartungs~kosten werden jährlich rund 96.000 € "
            "eingespart.",
        ],
        "klima": (True, False),
        "klima_text": "Die Maßnahme mindert die CO2-Emissionen der Straßenbeleuchtung um rund "
                      "410 t pro Jahr.",
        "sign": {"ort": None, "datum": None, "vertretung": "In Vertretung", "name": "Jörg Wessel",
                 "role": "Technischer Beigeordneter"},
        "anlagen": ["Schreiben der Servicestelle Kommunalrichtlinie vom 12.09.2024",
                    "Kostenübersicht LED-Umrüstung"],
        "ergebnis": [None, None],
        "anlage_pages": [(1, "letter_led"), (2, "costs_led")],
    },
}

ANLAGEN: dict[str, dict[str, Any]] = {
    "letter_fw": {
        "kind": "letter", "family": "carlito", "firm": "Hoffmann + Partner Ingenieure GmbH",
        "firm_lines": ["Beratende Ingenieure für Hochbau und Gebäudetechnik",
                       "Homberger Straße 112 · 47441 Moers",
                       "Tel. 02841 90 87-0 · info@hoffmann-partner.example"],
        "sender_line": "Hoffmann + Partner Ingenieure GmbH · Homberger Straße 112 · 47441 Moers",
        "to": ["Stadt Rheinberg", "Zentrales Gebäudemanagement", "Herrn Dipl.-Ing. Peters",
               "Kirchplatz 10", "47495 Rheinberg"],
        "ref": [("Ihr Zeichen:", "65.1-ZGM"), ("Ihre Anfrage vom:", "13.01.2025"),
                ("Unser Zeichen:", "HP-2025-014"), ("Bearbeiter:", "M. Hoffmann")],
        "place_date": "Moers, 03.02.2025",
        "betreff": "Angebot über Ingenieurleistungen – Objektplanung Neubau Feuerwehrgerätehaus "
                   "Ossenberg, Leistungsphasen 1 bis 4 HOAI",
        "body": [
            "Sehr geehrter Herr Peters,",
            "wir bedanken uns für Ihre Anfrage vom 13.01.2025 und für das informative Gespräch "
            "beim Ortstermin am 22.01.2025. Gerne unterbreiten wir Ihnen unser Angebot für die "
            "Objektplanung des neuen Feuerwehrgerätehauses mit vier Stellplätzen, Sozialtrakt und "
            "Übungshof.",
            "Grundlage sind die anrechenbaren Kosten von 3.120.000 € netto (Kostengruppen 300 und "
            "400), die Honorarzone III, Mindestsatz, sowie ein Umbauzuschlag von 0 %. Für die "
            "Leistungsphasen 1 bis 4 ergibt sich ein Honorar von 149.203,68 € netto zuzüglich "
            "Nebenkosten von 5 % und der gesetzlichen Umsatzsteuer, insgesamt 186.430,00 € brutto.",
            "Den Vorentwurf können wir bis zum 30.06.2025 vorlegen. An dieses Angebot halten wir "
            "uns bis zum 31.05.2025 gebunden.",
        ],
        "signer": "Dipl.-Ing. Martin Hoffmann", "signer_role": "Geschäftsführer",
    },
    "costs_fw": {
        "kind": "table", "family": "liberation_sans", "title": "Kostenschätzung nach DIN 276",
        "sub": "Neubau Feuerwehrgerätehaus Löschzug Ossenberg · Stand: 28.02.2025",
        "cols": ["KG", "Bezeichnung", "Kosten netto", "Kosten brutto"],
        "widths": [40, 245, 90, 90],
        "rows": [["100", "Grundstück (städtisch, keine Kosten)", "0 €", "0 €"],
                 ["200", "Vorbereitende Maßnahmen, Erschließung", "142.000 €", "168.980 €"],
                 ["300", "Bauwerk – Baukonstruktionen", "2.240.000 €", "2.665.600 €"],
                 ["400", "Bauwerk – Technische Anlagen", "880.000 €", "1.047.200 €"],
                 ["500", "Außenanlagen und Übungshof", "310.000 €", "368.900 €"],
                 ["600", "Ausstattung", "95.000 €", "113.050 €"],
                 ["700", "Baunebenkosten", "612.000 €", "728.280 €"],
                 ["", "Summe", "4.279.000 €", "5.092.010 €"]],
        "notes": ["Die Kostenschätzung beruht auf Kennwerten des BKI 2024 und ist mit einer "
                  "Genauigkeit von ± 25 % behaftet. Eine Kostenberechnung folgt mit der "
                  "Entwurfsplanung."],
        "sign": "Zentrales Gebäudemanagement, 28.02.2025",
    },
    "letter_led": {
        "kind": "letter", "family": "liberation_serif", "firm": "Servicestelle Kommunalrichtlinie",
        "firm_lines": ["Beratung zur Förderung kommunaler Klimaschutzprojekte",
                       "Postfach 12 03 45 · 10593 Berlin",
                       "servicestelle@kommunalrichtlinie.example"],
        "sender_line": "Servicestelle Kommunalrichtlinie · Postfach 12 03 45 · 10593 Berlin",
        "to": ["Stadt Meerbusch", "Fachbereich 4 – Straßen, Grün und Umwelt", "Dorfstraße 20",
               "40667 Meerbusch"],
        "ref": [("Ihre Nachricht vom:", "28.08.2024"), ("Aktenzeichen:", "KRL-NW-24-0873"),
                ("Ansprechpartnerin:", "Frau Ebert")],
        "place_date": "Berlin, 12.09.2024",
        "betreff": "Förderung nach der Kommunalrichtlinie – Sanierung der Außen- und "
                   "Straßenbeleuchtung",
        "body": [
            "Sehr geehrte Damen und Herren,",
            "vielen Dank für Ihre Projektskizze vom 28.08.2024. Nach unserer Vorprüfung ist die "
            "geplante Umrüstung von rund 1.240 Leuchten grundsätzlich förderfähig nach Nummer "
            "4.2.5 der Kommunalrichtlinie.",
            "Bitte beachten Sie, dass der Antrag vollständig bis zum 31.12.2024 über das "
            "Förderportal eingereicht werden muss. Mit der Maßnahme darf vor Zugang des "
            "Zuwendungsbescheids nicht begonnen werden; die Ausschreibung ist jedoch zulässig.",
            "Für Rückfragen steht Ihnen Frau Ebert gerne zur Verfügung.",
        ],
        "signer": "Dr. Katrin Ebert", "signer_role": "Fachberatung Kommunalrichtlinie",
    },
    "costs_led": {
        "kind": "table", "family": "dejavu_sans",
        "title": "Kostenübersicht LED-Umrüstung Straßenbeleuchtung",
        "sub": "Fachbereich 4 · Stand: 30.09.2024",
        "cols": ["Pos.", "Leistung", "Menge", "Betrag"], "widths": [36, 270, 70, 90],
        "rows": [["1", "LED-Leuchtenköpfe mit Steuermodul", "1.240 St.", "744.000 €"],
                 ["2", "Montage inkl. Hubsteiger", "1.240 St.", "198.400 €"],
                 ["3", "Mastsanierung (Anstrich, Standfestigkeitsprüfung)", "310 St.", "93.000 €"],
                 ["4", "Entsorgung Altleuchten", "1.240 St.", "18.600 €"],
                 ["5", "Planung und Bauüberwachung", "pauschal", "64.600 €"],
                 ["", "Gesamtkosten brutto", "", "1.118.600 €"],
                 ["", "abzüglich Förderung (40 %)", "", "447.440 €"],
                 ["", "Eigenanteil der Stadt", "", "671.160 €"]],
        "notes": [], "sign": None,
    },
}

"""Invented vocabulary for the samples: bodies, offices, people, places and subject matter.

"~" inside a word marks a permitted hyphenation point (turned into a soft hyphen on use), so
long German compounds wrap the way word processors wrap them.
"""

from __future__ import annotations

GREMIEN = [
    "Stadtrat",
    "Haupt- und Finanzausschuss",
    "Ausschuss für Umwelt, Verkehr und Stadtentwicklung",
    "Ortsbeirat Nord",
    "Bau- und Planungsausschuss",
    "Jugendhilfeausschuss",
    "Schul-, Kultur- und Sportausschuss",
    "Ortsbeirat Süd-Weststadt",
    "Ausschuss für Soziales, Gesundheit und Integration",
    "Werkausschuss Stadtentwässerung",
    "Bezirksvertretung Mitte",
    "Ältestenrat",
]
FINAL_GREMIEN = ["Stadtrat", "Rat der Stadt", "Gemeinderat", "Stadtverordnetenversammlung"]

AEMTER = [
    "Amt 61 – Stadtplanung",
    "Fachbereich 3 Finanzen",
    "Dezernat II / Amt für Schule und Sport",
    "Amt 66 – Tiefbau und Verkehr",
    "FB 5 – Jugend, Familie und Soziales",
    "Amt 20 – Kämmerei",
    "Amt für Umwelt- und Klimaschutz",
    "Referat Bürgerbeteiligung und Öffentlichkeitsarbeit",
    "Zentrale Gebäudewirtschaft",
    "Amt 37 – Feuerwehr und Bevölkerungsschutz",
    "Fachbereich Stadtentwicklung, Straßen und Grünflächen",
]

NAMES = [
    "Dr. Jürgen Weiß",
    "Ute Hatzfeld-Baumann",
    "Hans-Peter Größler",
    "Martina Kühnle",
    "Prof. Dr. Björn Schäfer",
    "Sören Maßmann",
    "Jörg Strauß",
    "Annegret Düßel",
    "Katharina Öztürk",
    "Claus-Dieter Müßig",
    "Bärbel Nußbaum",
    "Dr. Gesine Läufer",
]
# Recipients of an Antrag ("Herrn ..."), never signatories.
MAYORS = ["Dr. Florian Kästner", "Matthias Größel", "Jürgen Süßmuth", "Thomas Öhlschläger"]
TITLES = [
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Bürgermeister",
    "Beigeordnete",
    "Erster Beigeordneter",
]

TOWNS = [
    "Neustadt an der Weinstraße",
    "Bad Dürkheim",
    "Weißenfels",
    "Lüdenscheid",
    "Fürth",
    "Göppingen",
    "Mönchengladbach",
    "Schwäbisch Gmünd",
    "Überlingen",
    "Müllheim",
]

FRAKTIONEN = [
    "Fraktion Bündnis 90/Die Grünen",
    "SPD-Fraktion",
    "CDU-Fraktion im Stadtrat",
    "Fraktion Freie Wähler",
    "Fraktion Die Linke",
    "FDP-Fraktion",
]

HINWEISE = [
    "Eilantrag",
    "Nachtrag zur Tagesordnung",
    "Ersetzt Vorlage 2022/0311",
    "Dringlichkeitsvorlage",
    "Wird in der Sitzung erläutert",
]

GEBIETE = [
    "Am Mühlbach",
    "Nördlich der Eisenbahnstraße",
    "Gewerbegebiet Süd-Ost",
    "Schießgraben/Äußere Ringstraße",
    "Lößnitzgrund",
]
STRASSEN = [
    "Lößnitzgrundstraße",
    "Große Fischerstraße",
    "Am Weißen Stein",
    "Jägerstraße",
    "Mühlgäßchen",
    "Brückenstraße",
]

# Each topic: betreff (main subject), hier (specification), beschluss (paragraphs), begr
# (sentences for the reasoning), bullets (optional list items), finanz, anlagen.
TOPICS: dict[str, dict[str, list[str]]] = {
    "bebauungsplan": {
        "betreff": [
            "Bebauungs~plan Nr. 87 „{gebiet}“ mit örtlichen Bau~vorschriften",
            "Aufstellung des Bebauungs~plans „{gebiet}“ im beschleunigten Verfahren nach § "
            "13a BauGB",
        ],
        "hier": [
            "hier: Aufstellungs~beschluss und frühzeitige Beteiligung der Öffentlichkeit",
            "hier: Abwägung der eingegangenen Stellung~nahmen und Satzungs~beschluss",
        ],
        "beschluss": [
            "Der Stadtrat beschließt die Aufstellung des Bebauungs~plans „{gebiet}“ gemäß § "
            "2 Abs. 1 "
            "BauGB. Der Geltungs~bereich ergibt sich aus dem beigefügten Lage~plan.",
            "Die Verwaltung wird beauftragt, die frühzeitige Beteiligung der Öffentlichkeit und "
            "der Behörden nach §§ 3 Abs. 1 und 4 Abs. 1 BauGB durchzuführen.",
        ],
        "begr": [
            "Das Plangebiet liegt am nördlichen Rand der Kernstadt und wird derzeit überwiegend "
            "landwirtschaftlich genutzt.",
            "Der Flächen~nutzungs~plan stellt den Bereich bereits als Wohn~baufläche dar, sodass "
            "der Bebauungs~plan aus dem Flächen~nutzungs~plan entwickelt werden kann.",
            "Ziel der Planung ist die Schaffung von rund 140 Wohneinheiten in verdichteter "
            "Bauweise, davon mindestens ein Viertel als geförderter Wohnraum.",
            "Die Erschließung soll über die {strasse} erfolgen; eine Durchfahrt für den "
            "Kfz-Verkehr "
            "ist nicht vorgesehen.",
            "Im Rahmen der Umwelt~prüfung sind insbesondere die Belange des Arten~schutzes und der "
            "Niederschlags~wasser~beseitigung zu untersuchen.",
            "Ein Lärmgutachten wird wegen der Nähe zur Bahnstrecke im weiteren Verfahren "
            "eingeholt.",
            "Die Öffentlichkeit wird durch Aushang im Rathaus und über das Internet informiert.",
        ],
        "bullets": [
            "Sicherung einer geordneten städte~baulichen Entwicklung",
            "Schaffung von bezahlbarem Wohnraum für Familien",
            "Erhalt der prägenden Großbäume entlang der {strasse}",
        ],
        "finanz": [
            "Die Kosten für die Planung in Höhe von ca. 85.000 € sind im Haushalt 2023 bei "
            "Produkt 5110 veranschlagt.",
            "Es entstehen Planungs~kosten, die vollständig vom Vorhaben~träger übernommen werden.",
        ],
        "anlagen": [
            "Lageplan Geltungsbereich",
            "Städtebaulicher Entwurf",
            "Artenschutzrechtliche Vorprüfung",
        ],
    },
    "kita": {
        "betreff": [
            "Neubau einer fünf~gruppigen Kinder~tages~stätte in der {strasse}",
            "Kita-Neubau „Sonnenblume“ im Wohnquartier {gebiet}",
        ],
        "hier": [
            "hier: Baubeschluss und Freigabe der Haushalts~mittel",
            "hier: Vergabe der Planungs~leistungen",
        ],
        "beschluss": [
            "Der Stadtrat stimmt dem Neubau der Kinder~tages~stätte auf Grundlage der vorgelegten "
            "Entwurfs~planung mit Gesamt~kosten von 4.870.000 € zu.",
            "Die Verwaltung wird ermächtigt, die erforderlichen Bau~leistungen auszuschreiben und "
            "zu vergeben.",
        ],
        "begr": [
            "Nach der aktuellen Kita-Bedarfs~planung fehlen im Stadtteil derzeit 96 "
            "Betreuungs~plätze "
            "für Kinder unter drei Jahren.",
            "Das Grundstück befindet sich im Eigentum der Stadt und ist planungs~rechtlich als "
            "Fläche für den Gemeinbedarf ausgewiesen.",
            "Der Entwurf sieht ein zweigeschossiges Gebäude in Holz~hybrid~bauweise mit "
            "Gründach und "
            "Photovoltaik~anlage vor.",
            "Für die Maßnahme wurde ein Zuschuss aus dem Landes~programm Kita-Ausbau in Höhe von "
            "1.150.000 € bewilligt.",
            "Die Inbetriebnahme ist zum Kindergarten~jahr 2025/26 vorgesehen.",
            "Der Träger~verein hat sein Interesse an der Übernahme des Betriebs schriftlich "
            "erklärt.",
        ],
        "bullets": [
            "zwei Krippengruppen mit je zehn Plätzen",
            "drei altersgemischte Gruppen mit je 22 Plätzen",
            "Mehrzweckraum, Küche und Außen~spiel~fläche von 1.400 m²",
        ],
        "finanz": [
            "Die Mittel stehen im Finanz~haushalt 2023/2024 unter der Investitions~nummer "
            "I-3650-017 zur Verfügung. Der städtische Eigenanteil beträgt 3.720.000 €.",
        ],
        "anlagen": [
            "Entwurfsplanung Grundrisse",
            "Kostenberechnung nach DIN 276",
            "Zuwendungsbescheid",
        ],
    },
    "haushalt": {
        "betreff": [
            "Haushalts~satzung und Haushalts~plan für das Haushalts~jahr {jahr}",
            "Erlass der Haushalts~satzung {jahr} mit Wirtschafts~plänen der Eigenbetriebe",
        ],
        "hier": [
            "hier: Beratung und Beschlussfassung",
            "hier: Stellung~nahme zu den Änderungs~anträgen der Fraktionen",
        ],
        "beschluss": [
            "Der Stadtrat beschließt die Haushalts~satzung für das Haushalts~jahr {jahr} in der "
            "Fassung der Anlage 1 einschließlich des Stellen~plans.",
            "Das Investitions~programm für die Jahre {jahr} bis 2027 wird zur Kenntnis genommen.",
        ],
        "begr": [
            "Der Entwurf des Haushalts~plans wurde am 15. November in den Stadtrat eingebracht und "
            "in den Fach~ausschüssen vorberaten.",
            "Der Ergebnis~haushalt weist ordentliche Erträge von 312,4 Mio. € und ordentliche "
            "Aufwendungen von 318,9 Mio. € aus.",
            "Der Fehlbetrag kann durch Rücklagen aus Vorjahren gedeckt werden.",
            "Die Kredit~ermächtigung für Investitionen wird auf 18,5 Mio. € festgesetzt.",
            "Die Hebesätze der Grund~steuer und der Gewerbe~steuer bleiben unverändert.",
            "Die Aufsichts~behörde hat im Vorfeld signalisiert, dass eine Genehmigung in "
            "Aussicht steht.",
            "Größere Maßnahmen sind die Sanierung des Hallenbads und der Ausbau der "
            "Ganztags~schulen.",
        ],
        "bullets": [],
        "finanz": [
            "Siehe Haushalts~plan {jahr}, Gesamt~ergebnis~haushalt und Gesamt~finanz~haushalt."
        ],
        "anlagen": ["Haushaltssatzung {jahr}", "Stellenplan", "Investitionsprogramm 2023–2027"],
    },
    "strassenausbau": {
        "betreff": [
            "Ausbau der {strasse} zwischen Marktplatz und Bahnhof",
            "Erhebung von Straßen~ausbau~beiträgen für die {strasse}",
        ],
        "hier": ["hier: Abrechnungs~gebiet und Beitrags~satz", "hier: Ausbau~beschluss"],
        "beschluss": [
            "Der Bau- und Planungs~ausschuss beschließt den Ausbau der {strasse} entsprechend der "
            "Entwurfs~planung vom 12. Januar.",
            "Der Anteil der Stadt am beitrags~fähigen Aufwand wird auf 35 % festgesetzt.",
        ],
        "begr": [
            "Die Fahrbahn der {strasse} befindet sich in einem sehr schlechten baulichen Zustand.",
            "Die Gehwege sind nicht barrierefrei und weisen zahlreiche Stolper~stellen auf.",
            "Die Versorgungs~träger beabsichtigen, im Zuge der Maßnahme ihre Leitungen zu "
            "erneuern.",
            "Für die Anlieger werden wiederkehrende Beiträge nach der "
            "Ausbau~beitrags~satzung erhoben.",
            "Die Bürger~informations~veranstaltung fand am 28. Februar im Bürgerhaus statt.",
            "Die Bauzeit wird auf etwa zehn Monate geschätzt; der Verkehr wird halbseitig geführt.",
        ],
        "bullets": [
            "Erneuerung der Fahrbahn~decke auf 420 m Länge",
            "Verbreiterung der Gehwege auf 2,50 m",
            "Pflanzung von 14 Straßen~bäumen",
        ],
        "finanz": [
            "Die Gesamt~kosten betragen 1.250.000 €. Davon entfallen 437.500 € auf die Stadt."
        ],
        "anlagen": ["Entwurfsplanung", "Kostenschätzung", "Übersichtsplan Abrechnungsgebiet"],
    },
    "radverkehr": {
        "betreff": [
            "Radverkehrs~konzept {jahr} für die Gesamtstadt",
            "Fortschreibung des Radverkehrs~konzepts und Einrichtung von Fahrrad~straßen",
        ],
        "hier": ["hier: Beschluss des Maßnahmen~katalogs", "hier: Sachstands~bericht"],
        "beschluss": [
            "Der Ausschuss für Umwelt, Verkehr und Stadt~entwicklung empfiehlt dem Stadtrat, das "
            "Radverkehrs~konzept als Grundlage der weiteren Verkehrs~planung zu beschließen.",
        ],
        "begr": [
            "Der Anteil des Radverkehrs am Gesamt~verkehr liegt derzeit bei elf Prozent und "
            "soll bis "
            "2030 verdoppelt werden.",
            "Das Konzept wurde in drei öffentlichen Werkstätten mit über 300 Teilnehmenden "
            "erarbeitet.",
            "Schwerpunkte sind sichere Schulwege und durchgängige Verbindungen in die Ortsteile.",
            "Für die Umsetzung ist zusätzliches Personal in der Verkehrs~planung erforderlich.",
            "Der Allgemeine Deutsche Fahrrad-Club hat das Konzept ausdrücklich begrüßt.",
            "Einzelne Maßnahmen werden den Gremien vor der Umsetzung gesondert vorgelegt.",
        ],
        "bullets": [
            "Einrichtung von sechs Fahrrad~straßen",
            "Bau von 400 zusätzlichen Fahrrad~abstell~plätzen",
            "Markierung von Schutz~streifen auf Haupt~verkehrs~straßen",
        ],
        "finanz": [
            "Für die Umsetzung werden jährlich 600.000 € benötigt, die über das "
            "Förder~programm Stadt und Land zu 75 % bezuschusst werden."
        ],
        "anlagen": ["Radverkehrskonzept (Langfassung)", "Maßnahmenkatalog", "Netzplan"],
    },
    "modellprojekt": {
        "betreff": [
            "Teilnahme am Modell~projekt „Kommunale Allianz und Strategien gegen "
            "Rassismus und Hass“"
        ],
        "hier": [
            "hier: Eilantrag der Stadtrats~fraktion Die Grünen/Offene Liste",
            "hier: Bewerbung als Modell~kommune",
        ],
        "beschluss": [
            "Die Stadt bewirbt sich als Modell~kommune für das Modell~projekt „Kommunale "
            "Allianz und "
            "Strategien gegen Rassismus und Hass“.",
        ],
        "begr": [
            "Das Projekt begleitet zehn Modell~kommunen darin, Führungs~kräfte und "
            "Mitarbeitende der "
            "Verwaltung gegen Rassismus und Hass zu stärken.",
            "Laufzeit des Projektes ist 2023 bis 2025.",
            "Träger des Projekts ist ein gemeinnütziges Beratungs~institut.",
            "Die Teilnahme als Modell~kommune ist kostenfrei und erfordert keine Einbringung von "
            "Eigenmitteln.",
            "Bis zum 28.02.2023 können sich Kommunen für eine Teilnahme am Projekt bewerben.",
            "Die Stadt erhält eine kostenfreie Beratung im Umfang von rund 80 Beratungs~tagen.",
        ],
        "bullets": [
            "Aufbau einer lokalen Allianz zwischen Verwaltung, Beratungs- und Hilfestellen",
            "Entwicklung antirassistischer Strategie~konzepte",
            "Bedarfs~orientierte Trainings und Coachings",
        ],
        "finanz": ["Keine."],
        "anlagen": ["Projektvorstellung", "Bewerbungsbogen"],
    },
    "feuerwehr": {
        "betreff": [
            "Ersatz~beschaffung eines Hilfeleistungs~lösch~fahrzeugs HLF 20 für die "
            "Freiwillige Feuerwehr, Löschzug Mitte"
        ],
        "hier": ["hier: Vergabe~beschluss"],
        "beschluss": [
            "Der Haupt- und Finanz~ausschuss beschließt, den Auftrag zur Lieferung eines HLF 20 an "
            "den wirtschaftlichsten Bieter zu vergeben.",
        ],
        "begr": [
            "Das vorhandene Fahrzeug wurde 1998 in Dienst gestellt und hat das Ende seiner "
            "Nutzungs~dauer erreicht.",
            "Die Ausschreibung erfolgte europaweit im offenen Verfahren in zwei Losen.",
            "Es gingen fünf Angebote für das Fahrgestell und drei Angebote für den Aufbau ein.",
            "Die Beschaffung entspricht dem fortgeschriebenen Brandschutz~bedarfs~plan.",
            "Die Auslieferung ist für das dritte Quartal des Folgejahres zugesagt.",
        ],
        "bullets": [],
        "finanz": [
            "Die Gesamt~kosten betragen 612.400 € brutto. Eine Landes~zuwendung von "
            "126.000 € ist beantragt."
        ],
        "anlagen": ["Vergabevermerk", "Preisspiegel"],
    },
    "klimaschutz": {
        "betreff": [
            "Photovoltaik~offensive auf städtischen Dach~flächen",
            "Integriertes Klima~schutz~konzept und Einstellung einer Klima~schutz~managerin",
        ],
        "hier": ["hier: Grundsatz~beschluss", "hier: Förder~antrag bei der Kommunal~richtlinie"],
        "beschluss": [
            "Der Stadtrat beschließt, bis 2026 alle geeigneten Dach~flächen städtischer "
            "Gebäude mit "
            "Photovoltaik~anlagen auszustatten.",
            "Die Verwaltung berichtet jährlich über den Umsetzungs~stand.",
        ],
        "begr": [
            "Die Stadt hat sich im Klima~schutz~konzept das Ziel der "
            "Treibhausgas~neutralität bis 2040 "
            "gesetzt.",
            "Eine Potenzial~analyse hat 34 geeignete Dach~flächen mit zusammen rund 2,1 MWp "
            "ergeben.",
            "Der erzeugte Strom soll überwiegend in den Gebäuden selbst verbraucht werden.",
            "Bei denkmal~geschützten Gebäuden ist eine Abstimmung mit der Denkmal~pflege "
            "erforderlich.",
            "Die Stadtwerke haben angeboten, Anlagen im Pacht~modell zu errichten und zu "
            "betreiben.",
        ],
        "bullets": ["Grundschule Am Weißen Stein", "Sporthalle Süd", "Bauhof und Feuerwache"],
        "finanz": ["Die Investitionen von ca. 2,6 Mio. € amortisieren sich nach etwa elf Jahren."],
        "anlagen": ["Potenzialanalyse", "Prioritätenliste der Gebäude"],
    },
}

# Neutral sentences that fit any subject; used to make a Begründung run onto further pages.
GENERIC = [
    "Die Verwaltung hat die Angelegenheit sorgfältig geprüft und empfiehlt die Zustimmung.",
    "Die betroffenen Fach~ämter wurden frühzeitig beteiligt; Bedenken wurden nicht vorgetragen.",
    "Über den Fortgang der Maßnahme wird in den zuständigen Gremien regelmäßig berichtet.",
    "Die Gleichstellungs~beauftragte und der Beirat für Menschen mit Behinderungen wurden "
    "angehört.",
    "Eine Alternative mit vergleichbarem Nutzen bei geringeren Kosten ist nicht ersichtlich.",
    "Die rechtlichen Voraussetzungen wurden vom Rechtsamt geprüft und sind erfüllt.",
    "Der zeitliche Ablauf sieht vor, dass die Arbeiten noch im laufenden Jahr beginnen.",
    "Bei einer Verschiebung würden die zugesagten Förder~mittel voraussichtlich verfallen.",
    "Die Öffentlichkeit wird über die Presse und die städtische Internet~seite informiert.",
    "Auswirkungen auf das Klima wurden geprüft; sie sind insgesamt als gering einzustufen.",
    "Der Personal~rat wurde nach dem Landes~personal~vertretungs~gesetz beteiligt.",
    "Die Maßnahme ist mit den Zielen des Stadt~entwicklungs~konzepts vereinbar.",
    "Die Folgekosten für Unterhaltung und Betrieb sind im mittel~fristigen Finanz~plan "
    "berücksichtigt.",
    "Im Übrigen wird auf die Ausführungen in der Sitzung des Fach~ausschusses verwiesen.",
    "Sollten sich im weiteren Verfahren Änderungen ergeben, wird die Verwaltung erneut berichten.",
    "Die Abstimmung mit den Nachbar~gemeinden ist erfolgt; Einwände wurden nicht erhoben.",
    "Die Ergebnisse der Bürger~befragung sind in die Planung eingeflossen.",
    "Eine Ausschreibung nach der Vergabe- und Vertrags~ordnung ist erforderlich.",
    "Der Zeitplan berücksichtigt die Schutzzeiten für Brutvögel vom 1. März bis 30. September.",
    "Die Kosten~schätzung beruht auf aktuellen Vergleichs~preisen vergleichbarer Maßnahmen.",
]

ANTRAG_OPENERS = [
    "die {fraktion} stellt zur nächsten Sitzung des Stadtrates folgenden Antrag:",
    "namens der {fraktion} bitten wir, den folgenden Antrag auf die Tagesordnung der nächsten "
    "Stadtrats~sitzung zu setzen:",
]

# First names in NAMES that take the female form of a title ("Landrätin", "Senatorin").
FEMALE = {"Ute", "Martina", "Annegret", "Katharina", "Bärbel", "Gesine"}


def is_female(name: str) -> bool:
    """Whether the first name of ``name`` (titles "Prof."/"Dr." dropped) is in FEMALE."""
    return name.replace("Prof. ", "").replace("Dr. ", "").split()[0] in FEMALE

"""Texts of the Austrian Amtsbericht family: topics, Gremien and people (invented, realistic).

Austrian usage: "Jänner", "USt.", "VASt" (Voranschlagsstelle), "Bedeckung", "Beilagen"; the
1998 topic keeps the old spelling ("daß", "Beschluß", "Liegenschaftsausschuß") and Schilling
amounts ("S 1,849.900,--"). Placeholders: {y} the year of the report, {y0} the year before,
{y1}..{y4} the years after. "~" marks a permitted break (a soft hyphen).
"""

from __future__ import annotations

from typing import Any

TOPICS: dict[str, dict[str, Any]] = {
    "schule": {
        "federf": "Hochbau und Gebäudemanagement",
        "gz": "HB-{n:04d}/{y}-3",
        "betreff": "Volksschule Lindenpark – General~sanierung und Zubau; Grundsatz~genehmigung "
                   "und Freigabe der Planungs~mittel",
        "hier": None,
        "antrag": [
            "Die General~sanierung und der Zubau der Volksschule Lindenpark werden auf Grundlage "
            "der Kosten~schätzung vom 15. Jänner {y} mit Gesamt~kosten von 4.850.000 Euro (inkl. "
            "USt.) grundsätzlich genehmigt.",
            "Für die Planungs~leistungen wird im Jahr {y} ein Betrag von 380.000 Euro auf der "
            "VASt 5.2110.010000 „Volksschulen – Gebäude“ freigegeben.",
            "Die Abteilung Hochbau und Gebäude~management wird beauftragt, das Vergabe~verfahren "
            "für die General~planer~leistungen im Ober~schwellen~bereich einzuleiten.",
        ],
        "sachverhalt": [
            "Die Volksschule Lindenpark wurde 1968 errichtet und zuletzt 1994 teilweise saniert. "
            "Das Gebäude entspricht weder den heutigen Anforderungen an den Wärme~schutz noch an "
            "die Barriere~freiheit. Die Fenster, die Heizungs~anlage und die Sanitär~räume haben "
            "das Ende ihrer Nutzungs~dauer erreicht.",
            "Aufgrund der Siedlungs~entwicklung im Stadtteil Lindenpark steigt die Zahl der "
            "Schülerinnen und Schüler laut Schul~entwicklungs~plan bis zum Schuljahr 2028/29 von "
            "derzeit 212 auf rund 290. Für die Führung einer zusätzlichen Klasse je Schulstufe "
            "sowie für die ganztägige Betreuung fehlen vier Klassen~räume, ein Speisesaal und ein "
            "Bewegungs~raum.",
            "Das Raum~programm wurde mit der Bildungs~direktion und der Schulleitung abgestimmt. "
            "Die Kosten~schätzung eines externen Büros vom 15. Jänner {y} weist Gesamt~kosten von "
            "4.850.000 Euro aus, davon entfallen rund 1.900.000 Euro auf den Zubau. Ein Baubeginn "
            "ist für die Sommer~ferien {y1} vorgesehen, die Fertig~stellung für das Schuljahr "
            "{y2}/{y3}.",
            "Der Ausschuss für Bildung, Sport und Freizeit hat sich in seiner Sitzung vom "
            "29. Februar {y} bereits mit dem Raum~programm befasst und dieses zustimmend zur "
            "Kenntnis genommen.",
        ],
        "finanz_jn": True,
        "finanz": [
            "Die Gesamt~kosten von 4.850.000 Euro sind im mittel~fristigen Investitions~plan "
            "{y}–{y4} vorgesehen. Die Bedeckung der Planungs~kosten {y} ist auf der VASt "
            "5.2110.010000 gegeben. Eine Förderung aus dem Schulbau~fonds des Landes im Ausmaß "
            "von rund 35 % der förderbaren Kosten wird beantragt.",
        ],
        "beilagen": ["Kostenschätzung vom 15.01.{y}", "Raumprogramm", "Lageplan M 1:1000"],
        "gremien": [("Ausschuss für Bildung, Sport und Freizeit", "Vorberatung"),
                    ("Stadtsenat", "Vorberatung"), ("Gemeinderat", "Beschlussfassung")],
    },
    "grund": {
        "federf": "Liegenschaftsverwaltung",
        "gz": "LV-{n:03d}/{y}",
        "betreff": "Ankauf des Grund~stückes Nr. 1127/3, EZ 418, KG Murfeld, von Frau Theresia "
                   "Holzinger",
        "hier": None,
        "antrag": [
            "Der Ankauf des Grund~stückes Nr. 1127/3, inneliegend in der EZ 418, KG Murfeld, im "
            "Ausmaß von 2.846 m² zum Preis von S 1,849.900,-- (S 650,-- je m²) zuzüglich der "
            "Vertrags~errichtungs~kosten und Neben~gebühren wird genehmigt.",
            "Der Bürgermeister wird ermächtigt, den Kaufvertrag in der vorliegenden Fassung "
            "abzuschließen.",
        ],
        "sachverhalt": [
            "Das Grundstück Nr. 1127/3 grenzt unmittelbar an den städtischen Wirtschafts~hof an. "
            "Da die bestehende Fläche für die Lagerung von Streusalz und Bau~material nicht mehr "
            "ausreicht, ist eine Erweiterung des Wirtschafts~hofes dringend notwendig. Die "
            "Eigentümerin hat sich bereit erklärt, das Grundstück an die Stadt zu verkaufen.",
            "Laut Schätz~gutachten des gerichtlich beeideten Sach~verständigen vom 12. März {y} "
            "beträgt der Verkehrswert S 680,-- je m². Der vereinbarte Kaufpreis liegt somit unter "
            "dem Schätzwert. Es wird darauf hingewiesen, daß das Grundstück im Flächen~widmungs~"
            "plan als Betriebs~bau~gebiet gewidmet ist und eine Umwidmung nicht erforderlich ist.",
            "Die Verkäuferin hat zur Bedingung gemacht, daß der Kaufvertrag bis spätestens "
            "30. Juni {y} unterfertigt wird. Die Eigentümerin hat ihr Verkaufs~angebot mit "
            "Schreiben vom 2. April {y} schriftlich bestätigt.",
        ],
        "finanz_jn": True,
        "finanz": [
            "Die Bedeckung des Kaufpreises ist durch eine Entnahme aus der Grundstücks~reserve "
            "(VASt 5.8400.001000) gegeben. Die Neben~kosten von ca. S 95.000,-- sind im "
            "außer~ordentlichen Haushalt {y} veranschlagt.",
        ],
        "beilagen": ["Kaufvertragsentwurf", "Schätzgutachten vom 12.3.{y}", "Lageplan"],
        "gremien": [("Liegenschaftsausschuß", "Vorberatung"), ("Stadtsenat", "Vorberatung"),
                    ("Gemeinderat", "Beschlußfassung")],
    },
    "kontrolle": {
        "federf": "Kontrollamt",
        "gz": "KA-{n:02d}/{y}",
        "betreff": "Bericht des Kontroll~amtes über die Prüfung des Rechnungs~abschlusses {y0}",
        "hier": None,
        "antrag": [
            "Der Bericht des Kontroll~amtes vom 8. April {y} über die Prüfung des Rechnungs~"
            "abschlusses {y0} wird zur Kenntnis genommen.",
        ],
        "sachverhalt": [
            "Das Kontrollamt hat den Rechnungs~abschluss {y0} gemäß Stadt~statut geprüft. Die "
            "Prüfung ergab keine wesentlichen Beanstandungen. Empfohlen wird, die Abgrenzung der "
            "Investitions~zuschüsse zu vereinheitlichen.",
            "Der Bericht wurde den Mitgliedern des Kontroll~ausschusses am 22. April {y} "
            "übermittelt.",
        ],
        "finanz_jn": False,
        "finanz": ["Mit dem Bericht sind keine unmittelbaren finanziellen Auswirkungen "
                   "verbunden."],
        "beilagen": ["Prüfbericht des Kontrollamtes"],
        "gremien": [("Kontrollausschuss", "Vorberatung"), ("Gemeinderat", "Kenntnisnahme")],
    },
}

FIRST = ["Karin", "Johann", "Elisabeth", "Martin", "Sabine", "Gerhard", "Andrea", "Wolfgang",
         "Birgit", "Thomas", "Monika", "Franz", "Claudia", "Herbert", "Petra", "Stefan"]
FEMALE = {"Karin", "Elisabeth", "Sabine", "Andrea", "Birgit", "Monika", "Claudia", "Petra"}
LAST = ["Moser", "Leitner", "Gruber", "Huber", "Wimmer", "Pichler", "Steinbauer", "Hofer", "Eder",
        "Lechner", "Schwarzl", "Brandstätter", "Aigner", "Fuchs", "Reisinger", "Haslinger"]
TITLES = ["Mag.", "Dr.", "DI", "Ing.", "Mag.", "MMag.", ""]

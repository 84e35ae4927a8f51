#!/usr/bin/env python3
"""Writes the article fixtures whose bytes an editor would mangle: other encodings, line endings,
invisible whitespace, a huge line. Run from anywhere; the output is committed. Standard library only."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


CRLF_FR = """La ville de Nantes teste des bus à hydrogène sur trois lignes

Topline

La métropole a mis en service lundi six bus à hydrogène sur des lignes de banlieue, un essai qui doit durer un an avant une éventuelle commande plus large.

Ce qu'il faut surveiller

Le coût du carburant reste la grande inconnue : la station de recharge est alimentée par un électrolyseur installé sur le port, dont le rendement sera mesuré chaque mois par les techniciens de la régie.

Source : https://example.org/transports/2026/03/02/nantes-bus-hydrogene/
"""

CR_EN = """Harbour authority delays dredging plan after silt survey

Topline

The harbour authority said on Tuesday that it would postpone the dredging of the inner basin until the spring, after a survey found more silt than the engineers had expected.

Key Facts

The survey was carried out by a contractor in October and its results were shared with the fishing cooperative, which had asked for the work to be done before the winter storms.

Source: https://example.com/news/2025/11/18/harbour-dredging-delayed/
"""

BOM_DE = """Stadtwerke Kassel bauen Wärmespeicher am Fluss

Das Wichtigste

Die Stadtwerke haben mit dem Bau eines großen Wärmespeichers begonnen, der im Sommer überschüssige Wärme aus der Müllverbrennung für den Winter aufbewahren soll.

Wichtiger Hintergrund

Der Speicher fasst nach Angaben des Unternehmens rund 40 Millionen Liter Wasser und wird über eine neue Leitung mit dem Fernwärmenetz der Stadt verbunden.

Quelle: https://example.org/kassel/2026/01/15/waermespeicher/
"""

UTF16_ES = """Valencia amplía su red de carriles bici hasta el puerto

Lo esencial

El ayuntamiento aprobó el martes la construcción de once kilómetros de carriles para bicicletas que unirán el centro de la ciudad con el puerto y las playas del norte.

Dato sorprendente

Según el informe municipal, el número de viajes en bicicleta se ha duplicado desde 2023, y la mayoría de los usuarios son trabajadores que van a la zona portuaria.

Fuente: https://example.com/valencia/2026-04-09/carriles-bici/
"""

UTF16_FR = """Un festival de cerfs-volants attire 40 000 visiteurs à Dieppe

Topline

Le festival international de cerfs-volants s'est achevé dimanche sur la plage de Dieppe, avec une fréquentation en hausse malgré un vent faible pendant les deux premiers jours.

Fait surprenant

Une équipe venue de Malaisie a fait voler un cerf-volant de vingt mètres de long, le plus grand jamais présenté sur la plage selon les organisateurs.

Source : https://example.org/normandie/2024/09/16/dieppe-cerfs-volants/
"""

LATIN1_FR = """Les boulangeries de Lyon face à la hausse du prix du beurre

Topline

Les artisans boulangers de la métropole de Lyon ont annoncé jeudi une hausse de dix centimes du prix des croissants, en raison du coût du beurre qui a augmenté de 30 % en un an.

Fond clé

Selon la chambre des métiers, près d'un tiers des boulangeries de la région ont déjà réduit leurs horaires d'ouverture l'été dernier pour limiter leurs dépenses d'énergie.

Source : https://example.org/lyon/2025/02/06/boulangeries-beurre/
"""

CP1252_EN = """Library extends opening hours during exam season

Topline

The city library will stay open until midnight for the next three weeks, a move the council described as “a modest but welcome help” for students – many of whom lack a quiet place at home.

Crucial Quote

“We’ve heard the same request every spring,” the head librarian said. “This year we found the budget — about €12,000 — to pay for the extra staff…”

Source: https://example.com/city/2026/05/04/library-exam-hours/
"""

TRAILING_DE = (
    "Neue Fähre verbindet Rostock mit Gedser ab Juni \t\n\n"
    "Das Wichtigste  \n\n"
    "Die Reederei hat am Mittwoch angekündigt, dass die neue Fähre\u00a0\u00a0ab dem ersten Juni \t zwischen Rostock und Gedser verkehren wird.   \n"
    "Sie ist nach Angaben des Unternehmens die erste mit einem Batterieantrieb auf dieser Strecke. \t \n\n"
    "Worauf zu achten ist\u00a0\n\n"
    "Die Fahrzeit soll sich nicht ändern, aber der Hafen\u202fmuss noch eine Ladestation bauen, die im Mai fertig sein soll.  \n\n"
    "Quelle: https://example.org/ostsee/2026/02/11/faehre-rostock-gedser/   \n\n  \n"
)

WHITESPACE_ONLY = " \t\r\n\u00a0\n\n   \r\n\t\n".encode("utf-8")


def huge_line():
    sentences = [
        "The committee met again on Thursday to review the draft budget for the coming year.",
        "Several members said that the new figures for the water network were still not clear.",
        "The mayor has asked for a report on the cost of the repairs before the end of the month.",
        "Residents of the northern district have complained about the noise from the building site.",
    ]
    words, i = [], 0
    while sum(len(s) + 1 for s in words) < 70_000:
        words.append(sentences[i % len(sentences)])
        i += 1
    return (
        "Council publishes the full minutes of its budget hearings\n\n"
        "Topline\n\n" + " ".join(words) + "\n\n"
        "Source : https://example.com/council/2026/06/30/budget-minutes/\n"
    )


write("crlf.txt", CRLF_FR.replace("\n", "\r\n").encode("utf-8"))
write("cr-only.txt", CR_EN.replace("\n", "\r").encode("utf-8"))
write("utf8-bom.txt", b"\xef\xbb\xbf" + BOM_DE.encode("utf-8"))
write("utf16le-bom.txt", b"\xff\xfe" + UTF16_ES.encode("utf-16-le"))
write("utf16be-bom.txt", b"\xfe\xff" + UTF16_FR.encode("utf-16-be"))
write("latin1.txt", LATIN1_FR.encode("latin-1"))
write("windows1252-quotes.txt", CP1252_EN.encode("cp1252"))
write("trailing-whitespace.txt", TRAILING_DE.encode("utf-8"))
write("whitespace-only.txt", WHITESPACE_ONLY)
write("huge-line.txt", huge_line().encode("utf-8"))
write("empty.txt", b"")

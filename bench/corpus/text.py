"""Seeded filler text in several languages for the corpus generators.

Every function takes a random.Random, so what it returns depends on that generator's seed alone.
"""
import unicodedata

# Per language: vocabulary, the opening heading, section headings, the further-reading heading and
# the quotation marks its press uses.
LANGUAGES = {
    "en": {
        "words": """the a of and to in on at for with from by about after before during while
            because although however still often rarely now then today council mayor district harbour
            railway station bridge tunnel river valley coast island village suburb factory school
            hospital library museum theatre market budget tax salary pension loan deposit tenant
            landlord farmer nurse teacher engineer driver pilot scientist reporter committee survey
            forecast storm flood drought harvest wheat coffee copper steel battery turbine solar
            grid network satellite telescope vaccine trial patient study sample figure percent
            rose fell doubled halved announced approved delayed cancelled reopened expanded warned
            confirmed questioned measured recorded expected local regional national northern
            southern coastal rural urban early late quiet busy costly cheaper larger smaller
            first second third last every several dozen hundreds thousands""".split(),
        "first": ["Topline", "In Brief"],
        "headings": ["Key Facts", "Background", "By The Numbers", "What They Said", "The Other Side",
                     "What Comes Next", "Why It Matters", "A Closer Look", "Timeline"],
        "further": "Further Reading",
        "quotes": ("“", "”"),
    },
    "fr": {
        "words": """le la les un une des du de et à au aux en dans sur pour par avec sans chez
            vers depuis pendant avant après encore déjà souvent parfois désormais aujourd'hui
            conseil maire quartier port gare pont tunnel fleuve vallée côte île village banlieue
            usine école hôpital bibliothèque musée théâtre marché budget impôt salaire retraite
            prêt locataire propriétaire agriculteur infirmière enseignant ingénieur chauffeur
            chercheur journaliste comité enquête prévision tempête inondation sécheresse récolte
            blé café cuivre acier batterie éolienne réseau satellite télescope vaccin essai
            patient étude échantillon hausse baisse doublé annoncé approuvé reporté annulé
            rouvert élargi averti confirmé mesuré enregistré prévu régional national côtier
            rural urbain coûteux moins plus grand petit premier deuxième dernier chaque plusieurs
            dizaine centaines milliers l'été l'hiver qu'elle c'était""".split(),
        "first": ["Topline", "L'essentiel"],
        "headings": ["Faits marquants", "Contexte", "En chiffres", "Ce qu'ils disent", "L'autre camp",
                     "Et maintenant", "Pourquoi c'est important", "Zoom sur", "Chronologie"],
        "further": "Lectures complémentaires",
        "quotes": ("« ", " »"),
    },
    "de": {
        "words": """der die das ein eine einem einen des und oder aber auch noch schon oft selten
            jetzt heute seit während nach vor wegen trotz Gemeinderat Bürgermeister Viertel Hafen
            Bahnhof Brücke Tunnel Fluss Tal Küste Insel Dorf Vorort Fabrik Schule Krankenhaus
            Bibliothek Museum Theater Markt Haushalt Steuer Gehalt Rente Darlehen Mieter Vermieter
            Landwirt Pflegerin Lehrer Ingenieurin Fahrer Forscherin Reporter Ausschuss Umfrage
            Prognose Sturm Hochwasser Dürre Ernte Weizen Kaffee Kupfer Stahl Batterie Windrad
            Netz Satellit Teleskop Impfstoff Studie Probe Anstieg Rückgang verdoppelt angekündigt
            genehmigt verschoben abgesagt erweitert gewarnt bestätigt gemessen erwartet regional
            national ländlich städtisch teuer günstiger größer kleiner erste zweite letzte jede
            mehrere Dutzend Hunderte Tausende Straße Maßnahme Bürgerinnen""".split(),
        "first": ["Topline", "Das Wichtigste"],
        "headings": ["Die Fakten", "Hintergrund", "In Zahlen", "Was gesagt wurde", "Die Gegenseite",
                     "Wie es weitergeht", "Warum es wichtig ist", "Genauer betrachtet", "Chronik"],
        "further": "Weiterführende Lektüre",
        "quotes": ("„", "“"),
    },
    "es": {
        "words": """el la los las un una unos de del y o pero también todavía ya a menudo rara
            vez ahora hoy desde durante antes después según consejo alcalde barrio puerto
            estación puente túnel río valle costa isla pueblo afueras fábrica escuela hospital
            biblioteca museo teatro mercado presupuesto impuesto salario pensión préstamo
            inquilino propietario agricultor enfermera profesor ingeniera conductor investigadora
            periodista comité encuesta previsión tormenta inundación sequía cosecha trigo café
            cobre acero batería aerogenerador red satélite telescopio vacuna ensayo paciente
            estudio muestra subida bajada duplicado anunció aprobó aplazó canceló reabrió amplió
            advirtió confirmó midió registró previsto regional nacional rural urbano caro barato
            mayor menor primero segundo último cada varios decenas cientos miles ¿cuándo? ¡ya!
            año señal""".split(),
        "first": ["Topline", "Lo esencial"],
        "headings": ["Datos clave", "Contexto", "En cifras", "Lo que dijeron", "La otra parte",
                     "Qué sigue", "Por qué importa", "En detalle", "Cronología"],
        "further": "Lecturas complementarias",
        "quotes": ("«", "»"),
    },
    "it": {
        "words": """il lo la i gli le un una di del della e o ma anche ancora già spesso talvolta
            ora oggi durante prima dopo secondo consiglio sindaco quartiere porto stazione ponte
            galleria fiume valle costa isola paese periferia fabbrica scuola ospedale biblioteca
            museo teatro mercato bilancio tassa stipendio pensione prestito inquilino proprietario
            agricoltore infermiera insegnante ingegnere autista ricercatrice giornalista comitato
            sondaggio previsione tempesta alluvione siccità raccolto grano caffè rame acciaio
            batteria turbina rete satellite telescopio vaccino studio campione aumento calo
            raddoppiato annunciato approvato rinviato annullato riaperto ampliato avvertito
            confermato misurato previsto regionale nazionale rurale urbano costoso economico
            maggiore minore primo secondo ultimo ogni parecchi decine centinaia migliaia perché
            città più""".split(),
        "first": ["Topline", "In breve"],
        "headings": ["Fatti principali", "Contesto", "I numeri", "Cosa hanno detto", "L'altra parte",
                     "Cosa succede ora", "Perché conta", "Da vicino", "Cronologia"],
        "further": "Letture consigliate",
        "quotes": ("«", "»"),
    },
}
LANG_CODES = tuple(LANGUAGES)
LANG_WEIGHTS = (30, 35, 13, 12, 10)

# Names and symbols from other scripts, so the text is not all Latin-1.
EXOTIC = ["Киев", "Новосибирск", "北京市", "大阪", "부산", "Θεσσαλονίκη", "Ærøskøbing", "Đà Nẵng",
          "Göteborg", "Škoda", "Çanakkale", "Reykjavík", "🌊", "⚡", "→", "№", "°C", "€"]
GIVEN = ["Aisha", "Bruno", "Camille", "Dagmar", "Elif", "Felipe", "Grete", "Hiroshi", "Inès",
         "Jonas", "Kateřina", "Luís", "Maëlle", "Nikolai", "Orla", "Paweł", "Ramón", "Søren"]
FAMILY = ["Abbott", "Bonnet", "Castellano", "Dvořák", "Eriksen", "Fontaine", "Grünewald", "Haddad",
          "Ibáñez", "Jankowski", "Kavanagh", "Lindqvist", "Moreau", "N'Diaye", "Okafor", "Petit"]
OUTLETS = ["Harbour Gazette", "Le Courrier du Sud", "Nordkurier", "Diario del Valle", "La Voce",
           "Metro Weekly", "Radio Coast", "Tages-Echo", "El Faro", "Il Giornale di Bordo"]


def pick_language(rng):
    return rng.choices(LANG_CODES, LANG_WEIGHTS)[0]


def sentence(rng, lang, shortest=5, longest=28):
    """One sentence: capitalised, punctuated, now and then with a number, a quotation or a foreign name."""
    words = rng.choices(LANGUAGES[lang]["words"], k=rng.randint(shortest, longest))
    roll = rng.random()
    where = rng.randrange(len(words))
    if roll < 0.07:
        words.insert(where, rng.choice(EXOTIC))
    elif roll < 0.19:
        words.insert(where, rng.choice([f"{rng.randint(2, 98)} %", f"{rng.randint(1, 999):,}",
                                        f"{rng.randint(1990, 2026)}", f"{rng.randint(1, 60)}.{rng.randint(0, 9)}"]))
    elif roll < 0.27:
        opening, closing = LANGUAGES[lang]["quotes"]
        words[where] = opening + words[where] + closing
    if len(words) > 9 and rng.random() < 0.35:
        words[rng.randrange(3, len(words) - 3)] += ","
    text = " ".join(words)
    return text[:1].upper() + text[1:] + rng.choice("......?!")


def paragraph(rng, lang, size):
    """Sentences on one line until they hold at least `size` bytes of UTF-8."""
    parts, total = [], 0
    while total < size:
        part = sentence(rng, lang)
        parts.append(part)
        total += len(part.encode()) + 1
    return " ".join(parts)


def title(rng, lang):
    return sentence(rng, lang, 5, 14).rstrip(".?!")


def person(rng):
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def slug(text, limit=60):
    """Lowercase ASCII words joined by hyphens, at most `limit` characters ("x" when nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)[:limit].strip("-") or "x"


def hex_key(rng):
    """16 lowercase hex digits."""
    return "%016x" % rng.getrandbits(64)

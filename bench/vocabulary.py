"""Danish vocabulary for the synthetic archive: nouns, topics, names, places and sentence templates.

Pure data. The templates' ``{slots}`` are filled by ``prose.py``; the council bodies are in
``bodies.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Noun:
    """A Danish noun in its inflected forms."""

    a: str  # with indefinite article: "en lokalplan"
    sg: str  # "lokalplan"
    de: str  # definite: "lokalplanen"
    pl: str  # "lokalplaner"
    depl: str  # "lokalplanerne"


def _noun(spec: str) -> Noun:
    """Build a Noun from ``"en lokalplan|lokalplanen|lokalplaner|lokalplanerne"``."""
    a, de, pl, depl = spec.split("|")
    return Noun(a=a, sg=a.split(" ", 1)[1], de=de, pl=pl, depl=depl)


NOUNS: dict[str, Noun] = {
    key: _noun(spec)
    for key, spec in {
        "budget": "et budget|budgettet|budgetter|budgetterne",
        "lokalplan": "en lokalplan|lokalplanen|lokalplaner|lokalplanerne",
        "høring": "en høring|høringen|høringer|høringerne",
        "bevilling": "en bevilling|bevillingen|bevillinger|bevillingerne",
        "skole": "en skole|skolen|skoler|skolerne",
        "plejecenter": "et plejecenter|plejecentret|plejecentre|plejecentrene",
        "institution": "en institution|institutionen|institutioner|institutionerne",
        "projekt": "et projekt|projektet|projekter|projekterne",
        "ansøgning": "en ansøgning|ansøgningen|ansøgninger|ansøgningerne",
        "aftale": "en aftale|aftalen|aftaler|aftalerne",
        "vej": "en vej|vejen|veje|vejene",
        "cykelsti": "en cykelsti|cykelstien|cykelstier|cykelstierne",
        "tilskud": "et tilskud|tilskuddet|tilskud|tilskuddene",
        "regnskab": "et regnskab|regnskabet|regnskaber|regnskaberne",
        "strategi": "en strategi|strategien|strategier|strategierne",
        "politik": "en politik|politikken|politikker|politikkerne",
        "handleplan": "en handleplan|handleplanen|handleplaner|handleplanerne",
        "redegørelse": "en redegørelse|redegørelsen|redegørelser|redegørelserne",
        "indsats": "en indsats|indsatsen|indsatser|indsatserne",
        "kommuneplan": "en kommuneplan|kommuneplanen|kommuneplaner|kommuneplanerne",
        "plan": "en plan|planen|planer|planerne",
        "takst": "en takst|taksten|takster|taksterne",
        "ejendom": "en ejendom|ejendommen|ejendomme|ejendommene",
        "dagtilbud": "et dagtilbud|dagtilbuddet|dagtilbud|dagtilbuddene",
        "forening": "en forening|foreningen|foreninger|foreningerne",
        "tilladelse": "en tilladelse|tilladelsen|tilladelser|tilladelserne",
        "kontrakt": "en kontrakt|kontrakten|kontrakter|kontrakterne",
        "rapport": "en rapport|rapporten|rapporter|rapporterne",
        "standard": "en kvalitetsstandard|kvalitetsstandarden|kvalitetsstandarder|"
        "kvalitetsstandarderne",
        "bolig": "en bolig|boligen|boliger|boligerne",
        "hal": "en hal|hallen|haller|hallerne",
        "ordning": "en ordning|ordningen|ordninger|ordningerne",
        "udbud": "et udbud|udbuddet|udbud|udbuddene",
        "vedtægt": "en vedtægt|vedtægten|vedtægter|vedtægterne",
        "borger": "en borger|borgeren|borgere|borgerne",
        "medarbejder": "en medarbejder|medarbejderen|medarbejdere|medarbejderne",
    }.items()
}
NOUN_LIST = list(NOUNS.values())


@dataclass(frozen=True)
class Topic:
    """A topic with its KLE-like number, typical nouns, title templates and case stages."""

    name: str
    kle: str
    nouns: tuple[str, ...]
    titles: tuple[str, ...]
    stages: tuple[str, ...] = ("", "opfølgning", "status")
    related: tuple[str, ...] = ()


def _t(
    name: str, kle: str, nouns: str, titles: tuple[str, ...], stages: str = "", rel: str = ""
) -> Topic:
    """Compact Topic constructor: nouns, stages and related topics as ``|``-separated strings."""
    return Topic(
        name=name,
        kle=kle,
        nouns=tuple(nouns.split("|")),
        titles=titles,
        stages=tuple(stages.split("|")) if stages else ("", "opfølgning", "status"),
        related=tuple(rel.split("|")) if rel else (),
    )


TOPICS: dict[str, Topic] = {
    t.name: t
    for t in [
        _t(
            "Økonomi",
            "00.30.10",
            "budget|bevilling|regnskab",
            (
                "Budgetopfølgning pr. {qdate}",
                "Økonomisk status for {area_name}",
                "Tillægsbevilling til {project}",
            ),
            "|opfølgning",
            "Budget|Regnskab",
        ),
        _t(
            "Budget",
            "00.30.01",
            "budget|bevilling",
            ("Budget {year1}-{year4}", "Budgetforslag {year1} for {area_name}"),
            "1. behandling|2. behandling|budgetopfølgning",
            "Økonomi",
        ),
        _t(
            "Regnskab",
            "00.32.00",
            "regnskab|bevilling",
            ("Regnskab {year_prev}", "Overførsel af driftsmidler fra {year_prev} til {year}"),
            "|revisionsberetning",
            "Økonomi",
        ),
        _t(
            "Lokalplan",
            "01.02.05",
            "lokalplan|høring",
            (
                "Lokalplan nr. {n4} for {purpose} ved {street}, {town}",
                "Lokalplan nr. {n4} og kommuneplantillæg nr. {n2} for {purpose} i {town}",
            ),
            "igangsætning|forslag|endelig vedtagelse",
            "Kommuneplan|Byggeri|Boliger",
        ),
        _t(
            "Kommuneplan",
            "01.02.03",
            "kommuneplan|høring|plan",
            ("Kommuneplantillæg nr. {n2} for {purpose} i {town}", "Planstrategi {year}"),
            "forslag|endelig vedtagelse",
            "Lokalplan",
        ),
        _t(
            "Byggeri",
            "02.00.00",
            "tilladelse|ejendom",
            (
                "Dispensation fra lokalplan for byggeri på {street} {no}, {town}",
                "Servicemål for byggesagsbehandling {year}",
            ),
            "|afgørelse",
            "Lokalplan",
        ),
        _t(
            "Anlæg",
            "00.30.14",
            "projekt|bevilling",
            ("Anlægsbevilling til {project}", "Anlægsprogram {year1}-{year4}"),
            "|frigivelse af rådighedsbeløb|anlægsregnskab",
            "Økonomi",
        ),
        _t(
            "Ejendomme",
            "82.02.00",
            "ejendom|aftale",
            ("Salg af {property} på {street}, {town}", "Udlejning af {property} i {town}"),
            "|endelig aftale",
            "Økonomi",
        ),
        _t(
            "Skole",
            "17.01.00",
            "skole|rapport",
            (
                "Kvalitetsrapport for skoleområdet {year}",
                "Renovering af {school}",
                "Skoledistrikter i {town}",
            ),
            "|høringssvar|endelig beslutning",
            "Børn og unge|Anlæg",
        ),
        _t(
            "Dagtilbud",
            "28.09.00",
            "dagtilbud|institution",
            ("Kapacitet i dagtilbud {year1}-{year4}", "Ny daginstitution i {town}"),
            "|placering|anlægsbevilling",
            "Børn og unge",
        ),
        _t(
            "Børn og unge",
            "27.15.00",
            "indsats|politik",
            (
                "Børne- og ungepolitik {year1}-{year4}",
                "Forebyggende indsats for børn og unge i {town}",
            ),
            "forslag|endelig godkendelse|status",
            "Skole|Dagtilbud",
        ),
        _t(
            "Ældrepleje",
            "27.36.00",
            "plejecenter|standard",
            (
                "Kvalitetsstandarder for hjemmehjælp {year1}",
                "Udbygning af {center}",
                "Tilsynsrapport for {center}",
            ),
            "|anlægsbevilling|status",
            "Sundhed",
        ),
        _t(
            "Sundhed",
            "29.30.00",
            "politik|indsats",
            ("Sundhedspolitik {year1}-{year4}", "Sundhedsaftale med Region Midtjylland"),
            "forslag|endelig godkendelse",
            "Ældrepleje|Forebyggelse",
        ),
        _t(
            "Forebyggelse",
            "29.30.02",
            "indsats|borger",
            ("Forebyggelsespulje {year}", "Røgfri skoletid i {town}"),
            "|evaluering",
            "Sundhed",
        ),
        _t(
            "Psykiatri",
            "29.15.00",
            "handleplan|indsats",
            ("Handleplan for psykiatriområdet {year}",),
            "|status",
            "Socialpolitik",
        ),
        _t(
            "Handicap",
            "27.24.00",
            "politik|handleplan",
            ("Handicappolitik {year1}-{year4}", "Tilgængelighed i kommunale bygninger"),
            "forslag|høringssvar|endelig godkendelse",
            "Socialpolitik",
        ),
        _t(
            "Socialpolitik",
            "27.00.00",
            "politik|indsats|borger",
            ("Strategi for udsatte borgere {year}", "Tilsyn med botilbud {year}"),
            "|opfølgning",
            "Psykiatri|Handicap",
        ),
        _t(
            "Beskæftigelse",
            "15.00.00",
            "plan|indsats|borger",
            ("Beskæftigelsesplan {year1}", "Status på ledighed pr. {month} {year}"),
            "|status",
            "Integration|Erhverv",
        ),
        _t(
            "Integration",
            "27.12.00",
            "bolig|indsats|borger",
            ("Boligplacering af flygtninge {year1}", "Modtagelse af flygtninge - status"),
            "|opfølgning",
            "Integrationspolitik|Beskæftigelse",
        ),
        _t(
            "Integrationspolitik",
            "27.12.02",
            "politik|handleplan",
            ("Integrationspolitik {year1}-{year4}",),
            "forslag|høring|endelig godkendelse",
            "Integration",
        ),
        _t(
            "Klima",
            "09.00.00",
            "plan|handleplan",
            ("Klimahandleplan {year}-2030", "Klimatilpasning i {town}"),
            "|høring|endelig vedtagelse",
            "Miljø|Natur",
        ),
        _t(
            "Miljø",
            "09.02.00",
            "tilladelse|ansøgning",
            ("Miljøgodkendelse af husdyrbrug ved {town}", "Jordforurening på {street}, {town}"),
            "|afgørelse",
            "Klima|Natur",
        ),
        _t(
            "Natur",
            "01.05.00",
            "projekt|plan",
            ("Naturgenopretning ved {lake}", "Naturpleje i {forest}"),
            "|status",
            "Klima",
        ),
        _t(
            "Trafik",
            "05.13.00",
            "vej|plan",
            ("Trafiksikkerhedsplan {year1}-{year4}", "Hastighedsbegrænsning på {street} i {town}"),
            "|høringssvar|endelig godkendelse",
            "Veje",
        ),
        _t(
            "Kollektiv trafik",
            "13.05.00",
            "ordning|aftale",
            ("Køreplan for bybusser {year1}", "Ny takststruktur i flextrafik"),
            "|høring",
            "Trafik",
        ),
        _t(
            "Veje",
            "05.01.00",
            "vej|cykelsti",
            ("Asfaltprogram {year}", "Ny cykelsti langs {road}"),
            "|anlægsbevilling|anlægsregnskab",
            "Trafik|Anlæg",
        ),
        _t(
            "Affald",
            "07.00.00",
            "ordning|takst",
            (
                "Affaldsplan {year1}-{year11}",
                "Takster for affald {year1}",
                "Ny indsamlingsordning for madaffald",
            ),
            "|høring|endelig vedtagelse",
            "Miljø",
        ),
        _t(
            "Spildevand",
            "06.00.00",
            "plan|takst",
            ("Spildevandsplan {year1}-{year4}", "Godkendelse af vandtakster {year1}"),
            "forslag|endelig vedtagelse",
            "Klima|Miljø",
        ),
        _t(
            "Kultur",
            "18.00.00",
            "tilskud|politik",
            ("Kulturpolitik {year1}-{year4}", "Tilskud til {event}"),
            "|evaluering",
            "Fritid",
        ),
        _t(
            "Idræt",
            "18.15.00",
            "hal|tilskud",
            ("Renovering af {hall}", "Tilskud til idrætsforeninger {year}"),
            "|anlægsbevilling",
            "Fritid|Anlæg",
        ),
        _t(
            "Fritid",
            "18.00.10",
            "forening|tilskud",
            ("Folkeoplysningspolitik {year1}-{year4}", "Lokaletilskud til foreninger {year}"),
            "|endelig godkendelse",
            "Kultur|Idræt",
        ),
        _t(
            "Bibliotek",
            "18.01.00",
            "ordning|strategi",
            ("Åbningstider på biblioteket i {town}", "Bibliotekets strategi {year1}-{year4}"),
            "|evaluering",
            "Kultur",
        ),
        _t(
            "Boliger",
            "03.00.00",
            "bolig|ansøgning",
            (
                "Skema A for {units} almene boliger ved {street}, {town}",
                "Boligsocial helhedsplan for {area}",
            ),
            "skema A|skema B|skema C",
            "Lokalplan",
        ),
        _t(
            "Erhverv",
            "24.00.00",
            "strategi|aftale",
            ("Erhvervsstrategi {year1}-{year4}", "Byggemodning af erhvervsområde ved {road}"),
            "|status",
            "Turisme|Beskæftigelse",
        ),
        _t(
            "Turisme",
            "24.03.00",
            "strategi|projekt",
            ("Turismestrategi {year1}-{year4}", "Udvikling af {lake} som turistmål"),
            "|evaluering",
            "Erhverv",
        ),
        _t(
            "Digitalisering",
            "00.01.10",
            "strategi|projekt",
            ("Digitaliseringsstrategi {year1}-{year4}", "Udbud af it-system til {area_name}"),
            "|status",
            "Økonomi",
        ),
        _t(
            "Personale",
            "81.00.00",
            "politik|rapport|medarbejder",
            ("Sygefravær {year_prev}", "Lønpolitik {year1}"),
            "|opfølgning",
            "Økonomi",
        ),
        _t(
            "Beredskab",
            "14.00.00",
            "plan",
            ("Risikobaseret dimensionering af beredskabet", "Beredskabsplan {year1}"),
            "forslag|endelig godkendelse",
            "",
        ),
        _t(
            "Landdistrikter",
            "24.10.00",
            "tilskud|projekt",
            ("Landdistriktspuljen {year}", "Udviklingsplan for {town}"),
            "|fordeling",
            "Erhverv",
        ),
        _t(
            "Styrelse",
            "00.01.00",
            "vedtægt|plan",
            (
                "Ændring af styrelsesvedtægten",
                "Mødeplan for {year1}",
                "Udpegning af medlem til {board}",
            ),
            "1. behandling|2. behandling",
            "",
        ),
        _t(
            "Udbud",
            "82.06.00",
            "udbud|kontrakt",
            ("Udbud af {service}", "Forlængelse af kontrakt om {service}"),
            "|tildeling af kontrakt",
            "Økonomi",
        ),
    ]
}

FIRST_NAMES = (  # noqa: SIM905
    "Anne Mette Hanne Lene Susanne Pia Lise Karen Marianne Tina Camilla Louise Sofie Ida "
    "Maria Birgitte Helle Charlotte Jette Inger Jens Peter Lars Søren Niels Henrik Michael "
    "Thomas Anders Morten Jesper Martin Mads Rasmus Kristian Ole Poul Bent Erik Kasper "
    "Frederik Jakob Mikkel Ahmad Fatima Ali Leyla Mohammed Amira Bodil Grethe Hans Carsten "
    "Jørgen Else Kirsten Dorthe"
).split()
MIDDLE_NAMES = ["Marie", "Bøgh", "Munk", "Krogh", "Juul", "Lykke", "Holm", "Bach", "Kjær", "Dam"]
SURNAMES = (  # noqa: SIM905
    "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen "
    "Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen "
    "Østergaard Kjærgaard Lund Bach Dahl Vestergaard Holm Skov Bundgaard Frandsen Damgaard "
    "Brandt Kirkegaard Lauridsen Mikkelsen Overgaard Højgaard Nørgaard Iversen Søgaard Yilmaz "
    "Hussein"
).split()
PARTIES = {"A": 28, "V": 24, "C": 10, "F": 8, "Ø": 6, "O": 6, "B": 4, "I": 4, "K": 3, "Å": 2}
TOWNS = (  # noqa: SIM905
    "Sønderå Nørre Vium Bakkebjerg Skovlund Havndal Lyngå Engby Kirke Tvede Vesterby Østrup "
    "Mølholm Bredsten Ådal Hedelund"
).split()
STREETS = (  # noqa: SIM905
    "Skovvej Nørregade Vestergade Søndergade Østergade Kirkevej Møllevej Stationsvej Havnevej "
    "Bredgade Engvej Bakkevej Industrivej Skolegade Åvej Præstevænget Kongensgade Ringvejen"
).split()
ROADS = ("Ringvejen", "Landevejen mod Lyngå", "Åvej", "den gamle banestrækning", "Hovedvejen")
PURPOSES = (
    "boliger",
    "tæt-lav boligbebyggelse",
    "erhverv",
    "centerformål",
    "offentlige formål",
    "en dagligvarebutik",
    "rekreative formål",
    "etageboliger",
)
PROPERTIES = (
    "den tidligere skole",
    "en byggegrund",
    "et erhvervsareal",
    "den tidligere præstebolig",
    "et ubenyttet areal",
    "bygningen",
)
SCHOOLS = ("{town} Skole", "Nørreskolen", "Vestre Skole", "Bakkeskolen", "Søndermarkskolen")
CENTERS = (
    "Plejecenter Solbakken",
    "Plejecenter Engly",
    "Ældrecentret Bøgely",
    "Plejehjemmet Åhave",
)
HALLS = ("{town}hallen", "Idrætscentret", "svømmehallen i {town}", "Kulturhuset i {town}")
LAKES = ("Sønderå", "Lyngå Sø", "Engsøen", "Vium Mose", "Fjorden")
FORESTS = ("Bakkebjerg Plantage", "Skovlund Skov", "Hedelund Krat")
EVENTS = ("byfesten i {town}", "musikfestivalen", "Kulturnatten", "et lokalhistorisk jubilæum")
AREAS = ("Nørreparken", "Vestbyen", "Åparken", "Søndermarken")
AREA_NAMES = (
    "Teknik og Miljø",
    "Børn og Unge",
    "Social og Sundhed",
    "Kultur og Fritid",
    "Beskæftigelse",
    "Økonomi og Personale",
)
BOARDS = (
    "Grønt Råd",
    "Turistforeningens bestyrelse",
    "Lokalrådet i {town}",
    "Udvalget for landdistrikter",
)
SERVICES = ("rengøring", "madservice", "vintertjeneste", "skolekørsel", "hjælpemidler", "revision")
PROJECTS = (
    "ny skolebygning ved {school}",
    "renovering af {center}",
    "nyt tag på {hall}",
    "cykelsti langs {road}",
    "byfornyelse i {town}",
    "klimasikring ved {lake}",
)
ORGS = (
    "Region Midtjylland",
    "Midttrafik",
    "KL",
    "Ældre Sagen",
    "Danmarks Naturfredningsforening",
    "Boligselskabet Fremtiden",
    "Erhvervsrådet",
    "Dansk Flygtningehjælp",
    "Vejdirektoratet",
    "Idrætssamvirket",
    "Boligforeningen Vesterport",
    "Sønderå Forsyning",
)
ADVISORY = (
    "Ældrerådet",
    "Handicaprådet",
    "Integrationsrådet",
    "Børne- og Ungebyrådet",
    "Hoved-MED",
)
MONTHS = (  # noqa: SIM905
    "januar februar marts april maj juni juli august september oktober november december"
).split()
LAWS = (
    "lov om planlægning § {par}",
    "lov om social service § {par}",
    "folkeskoleloven § {par}",
    "lov om kommunernes styrelse § {par}",
    "lov om almene boliger § {par}",
    "dagtilbudsloven § {par}",
    "integrationsloven § {par}",
    "miljøbeskyttelsesloven § {par}",
    "vejloven § {par}",
    "sundhedsloven § {par}",
    "lov om aktiv beskæftigelsesindsats § {par}",
)
SENDERS = (
    "Direktionen",
    "Forvaltningen",
    "Kommunaldirektøren",
    "Direktøren for {area_name}",
    "Administrationen",
)
REASONS = (
    "udgiften bør finansieres på anden vis",
    "forslaget ikke tager tilstrækkeligt hensyn til naboerne",
    "man ønsker en bredere høring",
    "serviceniveauet bør fastholdes",
    "der mangler en samlet plan for området",
    "borgerne ikke er blevet inddraget tilstrækkeligt",
)

ANLEDNING = (
    "{sender} forelægger hermed {n_de} til {body_gen} godkendelse.",
    "Sagen forelægges, da {body} skal tage stilling til {n_de} for perioden {year1}-{year4}.",
    "{org} har ved brev af {dato} anmodet om {body_gen} stillingtagen til {n_a}.",
    "{other_body} behandlede sagen på mødet den {dato} og besluttede at sende den videre.",
    "Sagen er en opfølgning på {body_gen} beslutning den {dato}, hvor forvaltningen blev bedt om "
    "at udarbejde {n_a}.",
    "Der har i løbet af {year} været et stigende pres på {m_depl}, og der er derfor behov for at "
    "justere {n_de}.",
    "Formålet med sagen er at give {body} et overblik over {m_depl} inden for {area_name}.",
    "Sagen blev udsat på sidste møde, og forvaltningen har nu indhentet de ønskede oplysninger.",
    "Kommunen har modtaget {n_a} fra {org}, som ønsker at gennemføre {m_a} i {town}.",
    "Med vedtagelsen af budgettet for {year} blev det besluttet at se nærmere på {m_depl}.",
)
SAGSFREMSTILLING = (  # fits any topic
    "{n_de} omfatter i alt {antal} {m_pl} i {town}, og der er afsat {beløb} kr. til formålet i "
    "budgettet for {year}.",
    "Sagen har været drøftet i det lokale MED-udvalg, som ikke havde bemærkninger.",
    "Projektet gennemføres i samarbejde med {org} og forventes afsluttet i {month} {year1}.",
    "Der henvises i øvrigt til den vedlagte redegørelse, hvor de enkelte {m_pl} er beskrevet "
    "nærmere.",
    "Administrationen har undersøgt tre mulige modeller og anbefaler model {model}, som giver "
    "den bedste balance mellem service og økonomi.",
    "Der er tale om {n_a}, som løber frem til udgangen af {year4}.",
    "{org} har tilkendegivet, at man gerne vil indgå i et samarbejde om {n_de}.",
    "Borgerne er inddraget gennem {small} borgermøder og en digital spørgeundersøgelse med "
    "{antal} besvarelser.",
    "Sagen har været forelagt {advisory}, hvis udtalelse er vedlagt.",
    "Det fremgår af {n_de}, at {m_depl} skal evalueres hvert andet år.",
    "En tilsvarende model er indført i flere nabokommuner med gode erfaringer.",
    "Der er udarbejdet en tidsplan, hvor {n_de} forventes endeligt vedtaget i {month} {year1}.",
    "Ændringen har ingen konsekvenser for personalenormeringen.",
    "{n_de} er udarbejdet i dialog med {org} og de berørte parter.",
    "Forvaltningen har gennemgået {m_depl} og vurderer, at der er behov for en samlet plan.",
    "Erfaringerne fra de seneste år viser, at {m_depl} kan løses mere effektivt i samarbejde på "
    "tværs af forvaltningerne.",
    "Sagen blev første gang drøftet på et temamøde den {dato}, hvor {body} gav udtryk for et "
    "ønske om at styrke indsatsen i landdistrikterne.",
    "Forvaltningen har i forbindelse med sagen indhentet erfaringer fra {org}.",
    "Der lægges op til, at {m_depl} fremover samles i én enhed med fælles ledelse.",
    "Forslaget vil blive evalueret efter to år, og resultatet forelægges {body}.",
    "Det vurderes, at {n_de} vil bidrage til at nå målene i kommunens vision for {year4}.",
    "Af hensyn til tidsplanen er det nødvendigt, at der træffes beslutning på dette møde.",
    "Henvendelsen er besvaret foreløbigt, og ansøgeren er orienteret om sagens videre forløb.",
    "{n_de} har været drøftet med de faglige organisationer, som bakker op om forslaget.",
)
SPECIFIC: dict[str, tuple[str, ...]] = {  # sentences that only fit some topics (see GROUPS)
    "plan": (
        "Forslaget har været i offentlig høring i perioden fra {dato} til {dato2}, og der er i "
        "høringsperioden indkommet {small} høringssvar.",
        "Høringssvarene vedrører især trafik, parkering og bebyggelsens højde og er samlet i et "
        "notat, der er vedlagt som bilag.",
        "Forvaltningen vurderer, at høringen ikke giver anledning til væsentlige ændringer i "
        "{n_de}.",
        "Lokalplanen giver mulighed for op til {small} boliger i højst {etager} etager, og "
        "bebyggelsesprocenten må ikke overstige {pct} for området som helhed.",
        "Boligerne opføres som almene familieboliger med en gennemsnitlig størrelse på {kvm} m².",
        "Høringen af {n_de} blev annonceret på kommunens hjemmeside og i lokalavisen.",
        "Området er i kommuneplanen udlagt til {purpose}, og lokalplanen er derfor i "
        "overensstemmelse med kommuneplanen.",
        "Der er gennemført en miljøscreening, som viser, at planen ikke kræver en miljøvurdering.",
    ),
    "finance": (
        "Budgettet bygger på de økonomiske rammer, som Økonomiudvalget vedtog den {dato}, og "
        "indeholder en pris- og lønfremskrivning på {pct} procent.",
        "I budgetterne for overslagsårene er der indregnet en forventet merudgift på {beløb} kr. "
        "årligt.",
        "Bevillingen søges til dækning af udgifter til rådgivning, projektering og udførelse.",
        "Regnskabet for {year_prev} viser et samlet mindreforbrug på {beløb} kr. i forhold til det "
        "korrigerede budget.",
        "Overførslerne svarer til {pct} procent af budgettet og vedrører primært forsinkede "
        "anlægsprojekter.",
        "Ved opgørelsen pr. {qdate} forventes et merforbrug på {beløb} kr. på {area_name}.",
        "Forvaltningen foreslår, at merforbruget finansieres ved omprioriteringer inden for "
        "udvalgets egen ramme.",
        "Bevillingerne til {area_name} har de seneste år været under pres, særligt på grund af "
        "flere {m_pl}.",
    ),
    "care": (
        "Ældreplejen oplever et stigende antal borgere med behov for hjemmehjælp, genoptræning og "
        "sygepleje.",
        "Tilsynet blev gennemført som et anmeldt besøg den {dato} og gav ikke anledning til påbud.",
        "Antallet af borgere over 80 år forventes at stige med {pct} procent frem mod {year4}.",
        "Der er i dag {small} ledige plejeboliger, og ventetiden er i gennemsnit {small} dage.",
    ),
    "school": (
        "Der er i skoleåret {year}/{year1} indskrevet {antal} elever på skolerne, hvilket er "
        "{small} flere end året før.",
        "Institutionerne har i dag plads til {antal} børn, og prognosen viser et behov for "
        "yderligere {small} pladser inden {year4}.",
        "Elevtallet på {school} er faldende, og skolen har i dag {antal} elever.",
        "Skolebestyrelserne har udtalt sig positivt om forslaget.",
    ),
    "climate": (
        "Klimahandleplanen indeholder {small} konkrete indsatser, der skal reducere udledningen af "
        "CO2 med {pct} procent frem mod 2030.",
        "Kommunens samlede CO2-udledning er siden 2010 faldet med {pct} procent.",
        "Projektet skal sikre mod oversvømmelser ved skybrud og stormflod.",
        "Den nye ordning indebærer, at husstandene sorterer affaldet i {small} fraktioner.",
    ),
    "traffic": (
        "Trafiktællinger viser, at der i gennemsnit kører ca. {antal} køretøjer i døgnet på "
        "strækningen, heraf {pct} procent lastbiler.",
        "De eksisterende {m_pl} er slidte, og en tilstandsvurdering viser et efterslæb på "
        "{beløb} kr.",
        "Vejene i kommunen har et samlet efterslæb på vedligeholdelse, særligt på de mindre veje "
        "i landdistrikterne.",
        "Politiet har ingen indvendinger mod den foreslåede hastighedsbegrænsning.",
    ),
    "work": (
        "Ledigheden i kommunen var i {month} {year} på {pctdec} procent, hvilket er lavere end "
        "landsgennemsnittet.",
        "Kommunen forventes i {year1} at modtage {small} flygtninge, og der er behov for at finde "
        "egnede boliger i {town}.",
        "Jobcentret har i {year} haft kontakt med {antal} borgere på kontanthjælp.",
        "Integrationsrådet har fremhævet betydningen af sprogundervisning og fritidsjob.",
    ),
    "culture": (
        "Foreningerne har i alt {antal} medlemmer, heraf {pct} procent under 25 år.",
        "Bygningen er fra 1970'erne og trænger til en gennemgribende renovering.",
        "Tilskuddet fordeles efter de kriterier, som udvalget vedtog den {dato}.",
    ),
    "admin": (
        "Kontrakten udløber den {dato2}, og der skal derfor gennemføres et nyt udbud.",
        "Sygefraværet var i {year_prev} på {pctdec} procent.",
        "Den nuværende løsning er forældet og lever ikke op til kravene til informationssikkerhed.",
    ),
}
GROUPS: dict[str, tuple[str, ...]] = {  # topic -> groups of specific sentences it may use
    "Lokalplan": ("plan",),
    "Kommuneplan": ("plan",),
    "Byggeri": ("plan",),
    "Boliger": ("plan", "work"),
    "Økonomi": ("finance",),
    "Budget": ("finance",),
    "Regnskab": ("finance",),
    "Anlæg": ("finance", "traffic"),
    "Ejendomme": ("finance", "plan"),
    "Ældrepleje": ("care",),
    "Sundhed": ("care",),
    "Forebyggelse": ("care", "school"),
    "Psykiatri": ("care",),
    "Handicap": ("care",),
    "Socialpolitik": ("care", "work"),
    "Skole": ("school",),
    "Dagtilbud": ("school",),
    "Børn og unge": ("school",),
    "Klima": ("climate",),
    "Miljø": ("climate", "plan"),
    "Natur": ("climate",),
    "Affald": ("climate",),
    "Spildevand": ("climate", "finance"),
    "Trafik": ("traffic",),
    "Veje": ("traffic",),
    "Kollektiv trafik": ("traffic",),
    "Beskæftigelse": ("work",),
    "Integration": ("work",),
    "Integrationspolitik": ("work",),
    "Erhverv": ("work", "plan"),
    "Turisme": ("culture",),
    "Kultur": ("culture",),
    "Idræt": ("culture",),
    "Fritid": ("culture",),
    "Bibliotek": ("culture",),
    "Landdistrikter": ("culture", "traffic"),
    "Digitalisering": ("admin",),
    "Personale": ("admin",),
    "Udbud": ("admin",),
    "Styrelse": ("admin",),
    "Beredskab": ("admin",),
}
LOVGRUNDLAG = (
    "Sagen behandles efter {law}.",
    "Det følger af {law}, at kommunalbestyrelsen træffer beslutning i sagen.",
    "{Law} og de tilhørende bekendtgørelser.",
)
OEKONOMI = (
    "Sagen har ingen økonomiske konsekvenser.",
    "Udgiften på {beløb} kr. finansieres af kassebeholdningen.",
    "Der søges en anlægsbevilling på {beløb} kr. samt frigivelse af et rådighedsbeløb på "
    "{beløb2} kr.",
    "Merudgiften på {beløb} kr. årligt indarbejdes i budgettet for {year1}-{year4}.",
    "Udgifterne afholdes inden for den eksisterende ramme på {area_name}.",
    "Der gives en tillægsbevilling på {beløb} kr., som finansieres af puljen til {m_pl}.",
)
HOERING = (
    "Sagen har været sendt i høring hos {advisory} og de berørte bestyrelser. Høringssvarene er "
    "vedlagt.",
    "{advisory} har afgivet høringssvar, hvori rådet støtter forslaget, men ønsker fokus på "
    "{m_depl}.",
    "Der er ikke indkommet høringssvar.",
)
RECOMMENDATIONS = (
    "{n_de} godkendes",
    "{n_de} sendes i offentlig høring i {uger} uger",
    "{n_de} vedtages endeligt",
    "der gives en tillægsbevilling på {beløb} kr. til {n_de}",
    "udgiften finansieres af kassebeholdningen",
    "orienteringen tages til efterretning",
    "sagen oversendes til {other_body}",
    "forvaltningen bemyndiges til at indgå {m_a} med {org}",
    "der meddeles anlægsbevilling på {beløb} kr.",
    "høringssvarene tages til efterretning",
)
SIMPLE_DECISIONS = (
    "Godkendt.",
    "Indstillingen godkendt.",
    "Taget til efterretning.",
    "Orienteringen taget til efterretning.",
    "Udsat.",
    "Udsat til næste møde.",
    "Godkendt som indstillet.",
    "Drøftet.",
)
CONDITIONAL_DECISIONS = (
    "Godkendt med den ændring, at {m_de} revurderes i {year1}.",
    "Godkendt, idet {body} ønsker en status på sagen i {month} {year1}.",
    "Indstillingen godkendt. {body} ønsker, at {advisory} inddrages i det videre arbejde.",
    "Udsat. Forvaltningen bedes belyse konsekvenserne for {m_depl} nærmere.",
)
CLOSED_TITLES = (
    "Køb af ejendom i {town}",
    "Salg af grund på {street}, {town}",
    "Personalesag",
    "Udbud af {service} - tildeling af kontrakt",
    "Erstatningssag",
    "Lukket punkt: Ejendomssag",
    "Forlig i voldgiftssag",
    "Ansættelse af direktør for {area_name}",
)
CLOSED_DECISIONS = ("Godkendt.", "Indstillingen godkendt.", "Orienteringen taget til efterretning.")
ATTACHMENT_TITLES = (
    "Høringssvar samlet",
    "Notat om {n_de}",
    "Kortbilag",
    "Tidsplan",
    "Budgetnotat {year}",
    "Udtalelse fra {advisory}",
    "Redegørelse",
    "Økonomisk oversigt",
    "Forslag til {n_de}",
)
MEDDELELSER = (
    "Orientering om {n_de} i {town}",
    "Status på {m_depl}",
    "Henvendelse fra {org}",
    "Invitation til temamøde den {dato}",
    "Kvartalsrapport for {area_name}",
)

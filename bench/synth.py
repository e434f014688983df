#!/usr/bin/env python3
"""Generate a reproducible synthetic archive of Danish council minutes for benchmarks.

Usage::

    python bench/synth.py OUTDIR --items N [--seed 1] [--bodies B] [--years Y] [--quiet]

Writes ``OUTDIR/<body-slug>/body.yml`` and ``OUTDIR/<body-slug>/<YYYY-MM-DD>.yml`` (one file per
meeting, keys exactly as in the meeting-file contract) until about N agenda items exist, plus
small placeholder PDFs in ``OUTDIR/<body-slug>/bilag/`` for attachments given as files.

The same seed and arguments give byte-identical output: every random choice comes from
``random.Random`` instances seeded from the arguments, never from the global generator or the clock.
Only the standard library and PyYAML are used.
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

END_YEAR = 2025
MAX_YEARS = 20
BASE_MEETINGS_PER_YEAR = 10
MEAN_ITEMS = 12
WEEKS = [w for w in range(2, 51) if not 27 <= w <= 31]  # meeting weeks: no summer, no Christmas
ORGANISATION = "Sønderå Kommune"
PROGRESS_EVERY = 1000
CLOSED_SHARE = 0.05
ATTACHMENT_URL = "https://dokumenter.example.org/bilag/"
MAX_CASE_DAYS = 3 * 365

# A tiny valid-enough PDF used for every attachment written as a file.
PLACEHOLDER_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


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


@dataclass(frozen=True)
class BodySpec:
    """A council body: where, when and about what it meets."""

    slug: str
    name: str
    kind: str  # council | finance | committee | advisory
    weekday: int  # ISO weekday, 1 = Monday
    start: str
    minutes: int  # usual duration
    location: str
    topics: tuple[str, ...]
    description: str
    successors: tuple[str, ...] = ("byraadet",)  # where its cases may go next


BODIES: tuple[BodySpec, ...] = (
    BodySpec(
        "byraadet",
        "Byrådet",
        "council",
        3,
        "17:00",
        180,
        "Byrådssalen, Rådhuset",
        tuple(TOPICS),
        "Byrådet er kommunens øverste politiske myndighed og har 27 medlemmer.",
        ("oekonomiudvalget",),
    ),
    BodySpec(
        "oekonomiudvalget",
        "Økonomiudvalget",
        "finance",
        2,
        "15:00",
        120,
        "Borgmesterens mødelokale, Rådhuset",
        (
            "Økonomi",
            "Budget",
            "Regnskab",
            "Anlæg",
            "Ejendomme",
            "Personale",
            "Digitalisering",
            "Erhverv",
            "Styrelse",
            "Udbud",
            "Beredskab",
            "Landdistrikter",
        ),
        "Økonomiudvalget varetager den umiddelbare forvaltning af kommunens økonomi og "
        "personaleforhold.\n\nUdvalget har 9 medlemmer og ledes af borgmesteren.",
    ),
    BodySpec(
        "teknik-og-miljoeudvalget",
        "Teknik- og Miljøudvalget",
        "committee",
        1,
        "08:00",
        150,
        "Mødelokale 1, Rådhuset",
        (
            "Lokalplan",
            "Kommuneplan",
            "Byggeri",
            "Klima",
            "Miljø",
            "Natur",
            "Trafik",
            "Veje",
            "Kollektiv trafik",
            "Affald",
            "Spildevand",
            "Boliger",
            "Anlæg",
        ),
        "Teknik- og Miljøudvalget behandler sager om planlægning, byggeri, veje, natur og miljø.",
    ),
    BodySpec(
        "social-og-sundhedsudvalget",
        "Social- og Sundhedsudvalget",
        "committee",
        2,
        "08:30",
        120,
        "Mødelokale 2, Rådhuset",
        (
            "Ældrepleje",
            "Sundhed",
            "Forebyggelse",
            "Psykiatri",
            "Handicap",
            "Socialpolitik",
            "Økonomi",
            "Udbud",
        ),
        "Social- og Sundhedsudvalget har ansvaret for ældreområdet, sundhed og det "
        "specialiserede socialområde.",
    ),
    BodySpec(
        "boern-og-unge-udvalget",
        "Børne- og Ungeudvalget",
        "committee",
        3,
        "08:00",
        120,
        "Mødelokale 3, Rådhuset",
        ("Skole", "Dagtilbud", "Børn og unge", "Forebyggelse", "Anlæg", "Økonomi"),
        "Børne- og Ungeudvalget behandler sager om skoler, dagtilbud og familieområdet.",
    ),
    BodySpec(
        "integrationsraadet",
        "Integrationsrådet",
        "advisory",
        4,
        "17:00",
        120,
        "Korsgade, Mødelokale 1, 1. sal",
        ("Integration", "Integrationspolitik", "Beskæftigelse", "Boliger", "Fritid"),
        "Integrationsrådet rådgiver byrådet om integrationspolitikken og består af "
        "repræsentanter for foreninger og byrådet.",
        ("social-og-sundhedsudvalget",),
    ),
    BodySpec(
        "kultur-og-fritidsudvalget",
        "Kultur- og Fritidsudvalget",
        "committee",
        4,
        "15:30",
        120,
        "Kulturhuset, mødelokale A",
        ("Kultur", "Idræt", "Fritid", "Bibliotek", "Turisme", "Landdistrikter"),
        "Kultur- og Fritidsudvalget behandler sager om kultur, idræt, biblioteker og "
        "folkeoplysning.",
    ),
    BodySpec(
        "beskaeftigelsesudvalget",
        "Beskæftigelsesudvalget",
        "committee",
        1,
        "14:00",
        120,
        "Jobcentret, mødelokale 2",
        ("Beskæftigelse", "Integration", "Erhverv", "Økonomi", "Socialpolitik"),
        "Beskæftigelsesudvalget har ansvaret for jobcentret, ydelser og virksomhedssamarbejde.",
    ),
    BodySpec(
        "plan-og-klimaudvalget",
        "Plan- og Klimaudvalget",
        "committee",
        4,
        "08:00",
        120,
        "Mødelokale 4, Rådhuset",
        ("Klima", "Lokalplan", "Kommuneplan", "Natur", "Spildevand"),
        "Plan- og Klimaudvalget behandler sager om planlægning og klimatilpasning.",
    ),
    BodySpec(
        "handicapraadet",
        "Handicaprådet",
        "advisory",
        2,
        "16:00",
        120,
        "Sundhedshuset, mødelokale 1",
        ("Handicap", "Socialpolitik", "Trafik"),
        "Handicaprådet rådgiver byrådet i handicappolitiske spørgsmål.",
        ("social-og-sundhedsudvalget",),
    ),
    BodySpec(
        "aeldreraadet",
        "Ældrerådet",
        "advisory",
        1,
        "09:30",
        120,
        "Plejecenter Solbakken, café",
        ("Ældrepleje", "Sundhed", "Kollektiv trafik"),
        "Ældrerådet er valgt af kommunens borgere over 60 år og rådgiver byrådet om ældrepolitik.",
        ("social-og-sundhedsudvalget",),
    ),
    BodySpec(
        "erhvervs-og-turismeudvalget",
        "Erhvervs- og Turismeudvalget",
        "committee",
        5,
        "08:30",
        90,
        "Erhvervshuset",
        ("Erhverv", "Turisme", "Landdistrikter", "Digitalisering"),
        "Erhvervs- og Turismeudvalget arbejder for vækst, turisme og udvikling i hele kommunen.",
    ),
)


# --------------------------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------------------------


class Quoted(str):
    """A string always written in double quotes (times)."""


class Flow(dict):  # type: ignore[type-arg]
    """A mapping written in flow style on one line ({name: ..., party: V})."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper with literal blocks for multi-line text, quoted times and flow mappings."""


class _CDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The same with libyaml's emitter (same bytes as _Dumper, about 8 times faster)."""


def _repr_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Write multi-line strings as literal blocks (``|``), others as PyYAML decides."""
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _repr_quoted(dumper: yaml.SafeDumper, data: Quoted) -> yaml.ScalarNode:
    """Write a Quoted string in double quotes."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')


def _repr_flow(dumper: yaml.SafeDumper, data: Flow) -> yaml.MappingNode:
    """Write a Flow mapping in flow style, keys in insertion order."""
    return dumper.represent_mapping("tag:yaml.org,2002:map", list(data.items()), flow_style=True)


for _cls in (_Dumper, _CDumper):
    _cls.add_representer(str, _repr_str)
    _cls.add_representer(Quoted, _repr_quoted)
    _cls.add_representer(Flow, _repr_flow)
DUMPERS: dict[bool, type] = {False: _CDumper, True: _Dumper}  # key: pure Python wanted


def dump_yaml(data: dict[str, Any], pure: bool = False) -> bytes:
    """Serialise like ``yaml.safe_dump(allow_unicode=True, sort_keys=False)``, as UTF-8 bytes.

    Uses libyaml's emitter when PyYAML has it, unless ``pure`` asks for the Python one.
    """
    text = yaml.dump(
        data,
        Dumper=DUMPERS[pure],
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return text.encode("utf-8")


# --------------------------------------------------------------------------------------------
# Text generation
# --------------------------------------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)\}")


def danish_date(d: date) -> str:
    """Format a date the Danish way: ``12. marts 2024``."""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def kroner(rng: random.Random) -> str:
    """A plausible amount with Danish thousands separators: ``1.250.000``."""
    value = rng.choice((rng.randrange(50, 1000), rng.randrange(1000, 40000))) * 1000
    return f"{value:,}".replace(",", ".")


def capitalise(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def _past(ctx: TextContext) -> date:
    """A date some weeks before the meeting, the same for the whole item."""
    if ctx.past is None:
        ctx.past = ctx.meeting - timedelta(days=ctx.rng.randrange(14, 200))
    return ctx.past


SlotFn = Callable[["TextContext"], str]
SLOTS: dict[str, SlotFn] = {
    "n_a": lambda c: c.noun.a,
    "n_sg": lambda c: c.noun.sg,
    "n_de": lambda c: c.noun.de,
    "n_pl": lambda c: c.noun.pl,
    "n_depl": lambda c: c.noun.depl,
    "m_a": lambda c: c.noun2.a,
    "m_de": lambda c: c.noun2.de,
    "m_pl": lambda c: c.noun2.pl,
    "m_depl": lambda c: c.noun2.depl,
    "body": lambda c: c.body.name,
    "body_gen": lambda c: genitive(c.body.name),
    "other_body": lambda c: c.other_body,
    "year": lambda c: str(c.meeting.year),
    "year1": lambda c: str(c.meeting.year + 1),
    "year4": lambda c: str(c.meeting.year + 4),
    "year11": lambda c: str(c.meeting.year + 12),
    "year_prev": lambda c: str(c.meeting.year - 1),
    "dato": lambda c: danish_date(_past(c)),
    "dato2": lambda c: danish_date(_past(c) + timedelta(weeks=c.rng.choice((4, 6, 8)))),
    "qdate": lambda c: (
        c.rng.choice(("31. marts", "30. juni", "30. september")) + f" {c.meeting.year}"
    ),
    "month": lambda c: c.rng.choice(MONTHS),
    "beløb": lambda c: kroner(c.rng),
    "beløb2": lambda c: kroner(c.rng),
    "antal": lambda c: str(c.rng.randrange(40, 4000)),
    "small": lambda c: str(c.rng.randrange(2, 40)),
    "pct": lambda c: str(c.rng.randrange(2, 45)),
    "pctdec": lambda c: f"{c.rng.randrange(1, 9)},{c.rng.randrange(10)}",
    "model": lambda c: c.rng.choice("ABC"),
    "etager": lambda c: str(c.rng.randrange(2, 6)),
    "kvm": lambda c: str(c.rng.randrange(55, 110)),
    "uger": lambda c: c.rng.choice(("6", "8")),
    "n2": lambda c: str(c.rng.randrange(1, 60)),
    "n4": lambda c: str(c.rng.randrange(1001, 1400)),
    "no": lambda c: str(c.rng.randrange(1, 140)),
    "units": lambda c: str(c.rng.randrange(12, 80)),
    "par": lambda c: str(c.rng.randrange(1, 180)),
}
# Slots drawn anew at every use; all others keep their first value within an item.
FRESH_SLOTS = frozenset(
    [
        "antal",
        "small",
        "pct",
        "pctdec",
        "month",
        "etager",
        "kvm",
        "n2",
        "no",
        "par",
        "beløb2",
        "area_name",
        "law",
        "sender",
    ]
)
POOLS: dict[str, tuple[str, ...]] = {
    "town": tuple(TOWNS),
    "street": tuple(STREETS),
    "road": ROADS,
    "purpose": PURPOSES,
    "property": PROPERTIES,
    "school": SCHOOLS,
    "center": CENTERS,
    "hall": HALLS,
    "lake": LAKES,
    "forest": FORESTS,
    "event": EVENTS,
    "area": AREAS,
    "area_name": AREA_NAMES,
    "board": BOARDS,
    "service": SERVICES,
    "project": PROJECTS,
    "org": ORGS,
    "advisory": ADVISORY,
    "law": LAWS,
    "sender": SENDERS,
}


@dataclass
class TextContext:
    """Everything a template slot may refer to while writing one agenda item."""

    rng: random.Random
    meeting: date
    body: BodySpec
    noun: Noun
    noun2: Noun
    other_body: str
    cache: dict[str, str] = field(default_factory=dict)
    past: date | None = None

    def fill(self, template: str) -> str:
        """Replace every ``{slot}``, recursively (slot values may contain slots)."""
        for _ in range(3):
            if "{" not in template:
                break
            template = _SLOT.sub(lambda m: self.slot(m.group(1)), template)
        return template

    def slot(self, name: str) -> str:
        """A slot's value, stable within the item; ``{Name}`` capitalises ``{name}``."""
        if name[:1].isupper():
            return capitalise(self.slot(name[:1].lower() + name[1:]))
        if name in self.cache:
            return self.cache[name]
        if name in SLOTS:
            value = SLOTS[name](self)
        elif name in POOLS:
            value = self.rng.choice(POOLS[name])
        else:
            raise KeyError(f"unknown template slot {{{name}}}")
        if name not in FRESH_SLOTS:
            self.cache[name] = value
        return value


def genitive(name: str) -> str:
    """Danish genitive: ``Byrådet`` -> ``Byrådets``."""
    return name if name.endswith(("s", "x", "z")) else name + "s"


def paragraph(ctx: TextContext, templates: tuple[str, ...], low: int, high: int) -> str:
    """A paragraph of ``low``..``high`` distinct sentences drawn from ``templates``."""
    return section(ctx, templates, 1, low, high)


def section(
    ctx: TextContext, templates: tuple[str, ...], paragraphs: int, low: int, high: int
) -> str:
    """Paragraphs of ``low``..``high`` sentences each, no sentence twice; multi-line ends in \\n."""
    sizes = [ctx.rng.randint(low, high) for _ in range(paragraphs)]
    pool = list(dict.fromkeys(ctx.rng.sample(templates, min(len(templates), sum(sizes)))))
    parts = []
    for size in sizes:
        chosen, pool = pool[:size], pool[size:]
        if chosen:
            parts.append(" ".join(capitalise(ctx.fill(t)) for t in chosen))
    return "\n\n".join(parts) + ("\n" if len(parts) > 1 else "")


def indstilling(ctx: TextContext) -> str:
    """The Indstilling section: who recommends what, as a numbered list or one sentence."""
    sender = ctx.fill(ctx.rng.choice(SENDERS))
    recs = [ctx.fill(t) for t in ctx.rng.sample(RECOMMENDATIONS, ctx.rng.randint(1, 3))]
    if len(recs) == 1:
        return f"{sender} indstiller, at {recs[0]}."
    lines = "\n".join(f"{i}. {rec}" for i, rec in enumerate(recs, 1))
    return f"{sender} indstiller, at\n\n{lines}\n"


def sentences_for(topic: str) -> tuple[str, ...]:
    """Sagsfremstilling sentences that suit a topic: the generic ones plus its groups'."""
    if topic not in _SENTENCE_CACHE:
        extra = tuple(s for g in GROUPS.get(topic, ()) for s in SPECIFIC[g])
        _SENTENCE_CACHE[topic] = SAGSFREMSTILLING + extra + extra  # weight specific ones up
    return _SENTENCE_CACHE[topic]


_SENTENCE_CACHE: dict[str, tuple[str, ...]] = {}


def sections(ctx: TextContext, topic: str) -> dict[str, str]:
    """The item's sections in the order of the minutes."""
    r = ctx.rng
    pool = sentences_for(topic)
    out: dict[str, str] = {}
    if r.random() < 0.2:
        out["Resumé"] = paragraph(ctx, pool, 1, 2)
    if r.random() < 0.85:
        out["Anledning"] = section(ctx, ANLEDNING, r.randint(1, 2), 1, 3)
    if r.random() < 0.9:
        out["Sagsfremstilling"] = section(ctx, pool, r.randint(1, 4), 2, 6)
    if r.random() < 0.25:
        out["Lovgrundlag"] = paragraph(ctx, LOVGRUNDLAG, 1, 1)
    if r.random() < 0.45:
        out["Økonomi"] = paragraph(ctx, OEKONOMI, 1, 2)
    if r.random() < 0.15:
        out["Udtalelser og høring"] = paragraph(ctx, HOERING, 1, 2)
    if r.random() < 0.95 or not out:
        out["Indstilling"] = indstilling(ctx)
    return out


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A named person, with a party letter for politicians."""

    name: str
    party: str | None = None


@dataclass
class Term:
    """One election period: the council, substitutes, body memberships and minute takers."""

    council: list[Person]
    substitutes: dict[str, list[Person]]
    members: dict[str, list[tuple[Person, str]]] = field(default_factory=dict)
    minute_takers: dict[str, str] = field(default_factory=dict)


class People:
    """Creates unique Danish names and the members of every body per election term."""

    def __init__(self, rng: random.Random, bodies: list[BodySpec]) -> None:
        """Remember the generator and the bodies whose members we appoint."""
        self.rng = rng
        self.bodies = bodies
        self.used: set[str] = set()
        self.terms: dict[int, Term] = {}

    def new_name(self) -> str:
        """A Danish name not used before."""
        r = self.rng
        while True:
            parts = [r.choice(FIRST_NAMES)]
            if r.random() < 0.3:
                parts.append(r.choice(MIDDLE_NAMES))
            parts.append(r.choice([s for s in SURNAMES if s not in parts]))
            name = " ".join(parts)
            if name not in self.used:
                self.used.add(name)
                return name

    def term(self, year: int) -> Term:
        """The term covering ``year`` (terms start 2002, 2006, ...), created on first use."""
        start = year - (year - 2002) % 4
        if start not in self.terms:
            self.terms[start] = self._new_term(self.terms.get(start - 4))
        return self.terms[start]

    def _new_term(self, previous: Term | None) -> Term:
        """Elect a council (some re-elected), then appoint bodies and minute takers."""
        r = self.rng
        seats = r.choice((25, 27, 29, 31))
        letters = sorted(
            r.choices(list(PARTIES), weights=list(PARTIES.values()), k=seats),
            key=lambda p: list(PARTIES).index(p),
        )
        pool = {
            p: [x for x in (previous.council if previous else []) if x.party == p] for p in PARTIES
        }
        council = [self._elect(party, pool[party]) for party in letters]
        subs = {p: [Person(self.new_name(), p) for _ in range(3)] for p in dict.fromkeys(letters)}
        term = Term(council=council, substitutes=subs)
        for body in self.bodies:
            term.members[body.slug] = self._appoint(body, council)
            term.minute_takers[body.slug] = self.new_name()
        return term

    def _elect(self, party: str, incumbents: list[Person]) -> Person:
        """Re-elect an incumbent of the party (60 %) or elect a newcomer."""
        if incumbents and self.rng.random() < 0.6:
            return incumbents.pop(self.rng.randrange(len(incumbents)))
        return Person(self.new_name(), party)

    def _appoint(self, body: BodySpec, council: list[Person]) -> list[tuple[Person, str]]:
        """Members of one body with roles; the largest party's first member is mayor."""
        r = self.rng
        mayor = council[0]
        if body.kind == "council":
            people = council[:]
        elif body.kind == "finance":
            people = [mayor] + r.sample(council[1:], 8)
        elif body.kind == "advisory":
            people = [Person(self.new_name()) for _ in range(r.randint(7, 9))] + r.sample(
                council, 2
            )
        else:
            people = r.sample(council, 7)
        roles = ["formand", "næstformand"] + ["medlem"] * (len(people) - 2)
        if body.kind not in ("council", "finance"):
            r.shuffle(people)
        return list(zip(people, roles, strict=True))


# --------------------------------------------------------------------------------------------
# Journal numbers and cases
# --------------------------------------------------------------------------------------------


class Journals:
    """Issues journal numbers in several real-world shapes, unique within the archive."""

    def __init__(self, rng: random.Random) -> None:
        """Start per-year sequence counters."""
        self.rng = rng
        self.seq: dict[tuple[str, int], int] = {}
        self.issued = 0

    def _next(self, kind: str, year: int, start: int) -> int:
        """Next sequence number of ``kind`` in ``year``."""
        key = (kind, year)
        self.seq[key] = self.seq.get(key, start + self.rng.randrange(start)) + self.rng.randint(
            1, 40
        )
        return self.seq[key]

    def issue(self, topic: Topic, year: int) -> str:
        """A journal number for a case opened in ``year``: mostly KLE, some other shapes."""
        self.issued += 1
        x = self.rng.random()
        if x < 0.78:
            facet = self.rng.choice(("G01", "P20", "A00", "K07", "P15", "G00", "S00"))
            return f"{topic.kle}-{facet}-{self._next('kle', year, 500)}-{year % 100:02d}"
        if x < 0.90:
            return f"{year % 100:02d}/{self._next('short', year, 10000):05d}"
        if x < 0.97:
            return f"{self.rng.choice((306, 312, 420))}-{year}-{self._next('long', year, 20000)}"
        if x < 0.99:
            return f"{topic.kle[:5]}G00 - {year}/{self._next('mixed', year, 500):05d}"
        return str(self._next("plain", year, 200000))


@dataclass
class Case:
    """A matter (sag) that may be treated several times, in one or two bodies."""

    journal: str | None
    title: str
    topic: Topic
    topics: list[str]
    noun: Noun
    noun2: Noun
    opened: date
    plan: list[tuple[str, int]]  # remaining treatments: (body slug, days after the previous)
    home: str = ""  # the body that opened the case
    stage: int = -1


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


@dataclass
class Stats:
    """What was written."""

    bodies: int = 0
    meetings: int = 0
    items: int = 0
    closed: int = 0
    attachments: int = 0
    bytes: int = 0
    first: date | None = None
    last: date | None = None
    journals: int = 0


def choose_sizes(items: int, bodies: int | None, years: int | None) -> tuple[int, int, int]:
    """Number of bodies, meetings per body and year, and first year for about ``items`` items.

    Defaults: 3 bodies at 1,000 items rising to 8 at about 40,000; 10 meetings a year per body
    while that fits in 20 years, more meetings a year beyond that (50,000 items: 8 bodies,
    27 meetings a year, 20 years).
    """
    n_bodies = bodies or min(8, max(3, round(3 + math.log2(max(items, 1) / 1000))))
    n_bodies = min(n_bodies, len(BODIES))
    per_body_year = items / (n_bodies * MEAN_ITEMS)
    if years:
        per_year = max(1, min(len(WEEKS), round(per_body_year / years)))
    elif per_body_year / BASE_MEETINGS_PER_YEAR <= MAX_YEARS:
        per_year = BASE_MEETINGS_PER_YEAR
    else:
        per_year = min(len(WEEKS), math.ceil(per_body_year / MAX_YEARS))
    span = max(1, math.ceil(per_body_year / per_year))
    return n_bodies, per_year, END_YEAR - span + 1


def meeting_dates(body: BodySpec, year: int, per_year: int, seed: int) -> list[date]:
    """The body's meeting dates in ``year``: evenly spread weeks, on the body's weekday."""
    rng = random.Random(f"{seed}:{body.slug}:{year}")
    step = len(WEEKS) / per_year  # >= 1, as per_year <= len(WEEKS)
    jitter = (-1, 0, 0, 1) if step >= 3 else (0,)  # keeps the weeks distinct and in order
    idx = [math.floor((i + 0.5) * step) + rng.choice(jitter) for i in range(per_year)]
    return [date.fromisocalendar(year, WEEKS[i], body.weekday) for i in idx]


@dataclass(frozen=True)
class Options:
    """What to generate."""

    items: int
    seed: int = 1
    bodies: int | None = None  # default: by size
    years: int | None = None  # default: by size
    quiet: bool = False  # no progress lines
    pure_yaml: bool = False  # PyYAML's Python emitter even if libyaml is there


class Generator:
    """Writes the archive meeting by meeting, in date order."""

    def __init__(self, outdir: Path, opts: Options) -> None:
        """Plan sizes and set up the random sources."""
        self.outdir = outdir
        self.opts = opts
        self.target = opts.items
        self.seed = opts.seed
        n_bodies, self.per_year, self.first_year = choose_sizes(opts.items, opts.bodies, opts.years)
        self.bodies = list(BODIES[:n_bodies])
        self.by_slug = {b.slug: b for b in self.bodies}
        self.rng = random.Random(opts.seed)
        self.people = People(self.rng, self.bodies)
        self.journals = Journals(self.rng)
        self.due: dict[str, list[tuple[date, int, Case]]] = {b.slug: [] for b in self.bodies}
        self.counter = 0
        self.numbers: dict[tuple[str, int], int] = {}
        self.titles: set[str] = set()  # titles used in the current meeting
        self.stats = Stats(bodies=n_bodies)

    # -- schedule ---------------------------------------------------------------------------

    def dates(self, body: BodySpec, year: int) -> list[date]:
        """Meeting dates of a body in a year."""
        return meeting_dates(body, year, self.per_year, self.seed)

    def schedule(self) -> Iterator[tuple[date, BodySpec, date]]:
        """Every meeting (date, body, next date of that body) in date order, year after year."""
        order = {b.slug: i for i, b in enumerate(self.bodies)}
        year = self.first_year
        while True:
            rows = []
            for body in self.bodies:
                days = self.dates(body, year) + self.dates(body, year + 1)[:1]
                rows += [
                    (d, order[body.slug], body, nxt) for d, nxt in zip(days, days[1:], strict=False)
                ]
            for d, _, body, nxt in sorted(rows, key=lambda row: (row[0], row[1])):
                yield d, body, nxt
            year += 1

    # -- cases ------------------------------------------------------------------------------

    def new_case(self, body: BodySpec, day: date, closed: bool = False) -> Case:
        """Open a case in ``body`` with a plan of later treatments (up to 3 years)."""
        r = self.rng
        topic = TOPICS[r.choice(body.topics)]
        extra = [t for t in topic.related if t in TOPICS] or list(body.topics)
        topics = [topic.name] + r.sample(extra, min(len(extra), r.choice((0, 0, 1, 1, 2))))
        nouns = [NOUNS[k] for k in topic.nouns]
        ctx = self._ctx(body, day, nouns[0], nouns[-1])
        title = ctx.fill(r.choice(CLOSED_TITLES if closed else topic.titles))
        for _ in range(3):  # avoid two items with the same title in one meeting
            if title not in self.titles:
                break
            title = ctx.fill(r.choice(CLOSED_TITLES if closed else topic.titles))
        self.titles.add(title)
        journal = (
            self.journals.issue(topic, day.year) if r.random() < (0.8 if closed else 0.95) else None
        )
        plan = [] if closed else self._plan(body)
        return Case(
            journal,
            title,
            topic,
            list(dict.fromkeys(topics)),
            nouns[0],
            r.choice(related_nouns(topic)),
            day,
            plan,
            body.slug,
        )

    def _plan(self, body: BodySpec) -> list[tuple[str, int]]:
        """Later treatments: 0-7 more, sometimes alternating with a second body."""
        r = self.rng
        more = r.choices(range(8), weights=(40, 25, 12, 8, 6, 4, 3, 2))[0]
        second = [s for s in body.successors if s in self.by_slug]
        other = second[0] if second and r.random() < 0.3 else None
        plan: list[tuple[str, int]] = []
        where = body.slug
        for _ in range(more):
            if other and where == body.slug and r.random() < 0.7:
                where = other
                plan.append((where, r.randint(5, 35)))
            else:
                where = body.slug
                plan.append((where, r.randint(30, 330)))
        return plan

    def schedule_next(self, case: Case, day: date) -> None:
        """Queue the case's next treatment, if any, in the body that will treat it."""
        if not case.plan:
            return
        slug, gap = case.plan.pop(0)
        self.counter += 1
        heapq.heappush(self.due[slug], (day + timedelta(days=gap), self.counter, case))

    def due_cases(self, body: BodySpec, day: date, limit: int) -> list[Case]:
        """Up to ``limit`` queued cases due in this body by ``day`` (stale ones dropped)."""
        queue, out = self.due[body.slug], []
        while queue and queue[0][0] <= day and len(out) < limit:
            _, _, case = heapq.heappop(queue)
            if (day - case.opened).days <= MAX_CASE_DAYS:
                out.append(case)
        return out

    # -- items ------------------------------------------------------------------------------

    def _ctx(self, body: BodySpec, day: date, noun: Noun, noun2: Noun) -> TextContext:
        """A fresh text context for one item."""
        others = [b.name for b in self.bodies if b.slug != body.slug] or [body.name]
        return TextContext(self.rng, day, body, noun, noun2, self.rng.choice(others))

    def number(self, body: BodySpec, day: date) -> int:
        """Next item number: continuous through the year per body."""
        key = (body.slug, day.year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        return self.numbers[key]

    def case_item(
        self, case: Case, body: BodySpec, day: date, participants: list[Flow]
    ) -> dict[str, Any]:
        """An agenda item treating ``case`` at this meeting."""
        if body.slug == case.home or case.stage < 0:
            case.stage += 1  # a second body treats the stage its home body just treated
        stage = case.topic.stages[min(case.stage, len(case.topic.stages) - 1)]
        item: dict[str, Any] = {"number": self.number(body, day)}
        item["title"] = f"{case.title} - {stage}" if stage else case.title
        if case.journal:
            item["journal"] = case.journal
        item["topics"] = case.topics
        ctx = self._ctx(body, day, case.noun, case.noun2)
        item["sections"] = sections(ctx, case.topic.name)
        forward = case.plan[0][0] if case.plan and case.plan[0][0] != body.slug else None
        item["decision"] = self.decision(ctx, body, participants, forward)
        attachments = self.attachments(ctx, body, day, item["number"])
        if attachments:
            item["attachments"] = attachments
        return item

    def closed_item(self, body: BodySpec, day: date) -> dict[str, Any]:
        """A closed item: number, title, journal, topics and decision only."""
        case = self.new_case(body, day, closed=True)
        item: dict[str, Any] = {"number": self.number(body, day), "title": case.title}
        if case.journal:
            item["journal"] = case.journal
        item["topics"] = case.topics[:1]
        item["closed"] = True
        item["decision"] = self.rng.choice(CLOSED_DECISIONS)
        self.stats.closed += 1
        return item

    def standard_item(self, body: BodySpec, day: date, kind: str) -> dict[str, Any]:
        """Godkendelse af dagsorden, Meddelelser or Eventuelt."""
        r = self.rng
        number = self.number(body, day)
        if kind == "dagsorden":
            return {
                "number": number,
                "title": "Godkendelse af dagsorden",
                "topics": ["Dagsorden"],
                "sections": {"Indstilling": "Formanden indstiller, at dagsordenen godkendes."},
                "decision": "Godkendt.",
            }
        if kind == "meddelelser":
            ctx = self._ctx(body, day, r.choice(NOUN_LIST), r.choice(NOUN_LIST))
            lines = "\n".join(f"- {ctx.fill(t)}" for t in r.sample(MEDDELELSER, r.randint(2, 4)))
            return {
                "number": number,
                "title": "Meddelelser",
                "topics": ["Meddelelser"],
                "sections": {"Sagsfremstilling": lines + "\n"},
                "decision": "Orienteringen taget til efterretning.",
            }
        return {
            "number": number,
            "title": "Eventuelt",
            "decision": r.choice(("Intet.", "Drøftet.")),
        }

    def decision(
        self, ctx: TextContext, body: BodySpec, participants: list[Flow], forward: str | None
    ) -> str:
        """The Beslutning: simple, conditional, with a vote, or with a protocol remark.

        ``forward`` is the slug of the body that treats the case next, if another one.
        """
        r = ctx.rng
        x = r.random()
        if forward and body.kind != "council" and x < 0.5:
            name = self.by_slug[forward].name
            return r.choice(
                (f"Anbefales over for {name}.", f"Oversendes til {name} med anbefaling.")
            )
        if x < 0.55:
            return r.choice(SIMPLE_DECISIONS)
        if x < 0.7:
            return ctx.fill(r.choice(CONDITIONAL_DECISIONS))
        present = [p for p in participants if p.get("attendance") in ("present", "substitute")]
        parties = list(dict.fromkeys(p["party"] for p in present if p.get("party")))
        if x < 0.9 and len(parties) >= 3:
            return vote(r, parties, len(present))
        politicians = [p for p in present if p.get("party")]
        if x < 0.95 and politicians:
            who = r.choice(politicians)
            return (
                f"{who['name']} ({who['party']}) deltog ikke i behandlingen af sagen på grund "
                f"af inhabilitet.\n\nGodkendt.\n"
            )
        if parties:
            return (
                f"Godkendt.\n\nProtokolbemærkning fra {r.choice(parties)}: Partiet kan ikke "
                f"støtte forslaget, da {r.choice(REASONS)}.\n"
            )
        return r.choice(SIMPLE_DECISIONS)

    def attachments(self, ctx: TextContext, body: BodySpec, day: date, number: int) -> list[Flow]:
        """0-3 attachments; some as placeholder PDFs in ``bilag/``, most as URLs."""
        r = ctx.rng
        if r.random() > 0.35:
            return []
        out = []
        for k in range(1, r.randint(1, 3) + 1):
            title = ctx.fill(r.choice(ATTACHMENT_TITLES))
            if r.random() < 0.3:
                rel = f"bilag/{day.isoformat()}-punkt-{number}-{k}.pdf"
                self.write(self.outdir / body.slug / rel, PLACEHOLDER_PDF)
                out.append(Flow(title=title, file=rel))
            else:
                out.append(
                    Flow(title=title, url=f"{ATTACHMENT_URL}{r.randrange(10**6, 10**7)}.pdf")
                )
        self.stats.attachments += len(out)
        return out

    # -- meetings ---------------------------------------------------------------------------

    def participants(self, body: BodySpec, day: date) -> list[Flow]:
        """Members with attendance; an excused politician sometimes has a substitute."""
        r = self.rng
        term = self.people.term(day.year)
        out, subs = [], []
        for person, role in term.members[body.slug]:
            x = r.random()
            attendance = "present" if x < 0.88 else "absent" if x < 0.92 else "excused"
            out.append(person_entry(person, role, attendance))
            pool = term.substitutes.get(person.party or "", [])
            if attendance == "excused" and pool and r.random() < 0.5:
                sub = r.choice(pool)
                if all(s["name"] != sub.name for s in subs):
                    subs.append(
                        Flow(
                            name=sub.name,
                            party=sub.party,
                            role="medlem",
                            attendance="substitute",
                            substitute_for=person.name,
                        )
                    )
        return out + subs

    def meeting(self, body: BodySpec, day: date, nxt: date) -> dict[str, Any]:
        """One meeting file's content."""
        r = self.rng
        end_minutes = r.randrange(body.minutes // 2, body.minutes + 30, 15)
        participants = self.participants(body, day)
        data: dict[str, Any] = {
            "date": day,
            "start": Quoted(body.start),
            "end": Quoted(add_minutes(body.start, end_minutes)),
            "location": body.location,
            "status": "held",
            "minute_taker": self.people.term(day.year).minute_takers[body.slug],
            "participants": participants,
        }
        data["items"] = self.items(body, day, participants)
        data["next_meeting"] = Flow(date=nxt, start=Quoted(body.start), location=body.location)
        return data

    def items(self, body: BodySpec, day: date, participants: list[Flow]) -> list[dict[str, Any]]:
        """The agenda: dagsorden, recurring and new cases, closed items, meddelelser/eventuelt."""
        r = self.rng
        self.titles = set()
        total = int(round(r.triangular(6, 18, MEAN_ITEMS)))
        head = ["dagsorden"] if r.random() < 0.7 else []
        tail = [r.choice(("meddelelser", "eventuelt"))] if r.random() < 0.5 else []
        slots = total - len(head) - len(tail)
        n_closed = sum(1 for _ in range(slots) if r.random() < CLOSED_SHARE)
        cases = self.due_cases(body, day, slots - n_closed)
        cases += [self.new_case(body, day) for _ in range(slots - n_closed - len(cases))]
        r.shuffle(cases)
        out = [self.standard_item(body, day, k) for k in head]
        for case in cases:
            out.append(self.case_item(case, body, day, participants))
            self.schedule_next(case, day)
        out += [self.closed_item(body, day) for _ in range(n_closed)]
        out += [self.standard_item(body, day, k) for k in tail]
        return out

    # -- output -----------------------------------------------------------------------------

    def write(self, path: Path, content: bytes) -> None:
        """Write bytes, creating folders, and count them."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.stats.bytes += len(content)

    def write_bodies(self) -> None:
        """Write every body's body.yml."""
        for body in self.bodies:
            data = {
                "name": body.name,
                "organisation": ORGANISATION,
                "description": body.description,
            }
            self.write(self.outdir / body.slug / "body.yml", dump_yaml(data, self.opts.pure_yaml))

    def run(self) -> Stats:
        """Generate meetings in date order until the target number of items is reached."""
        started = time.perf_counter()
        self.write_bodies()
        for day, body, nxt in self.schedule():
            if self.stats.items >= self.target:
                break
            data = self.meeting(body, day, nxt)
            path = self.outdir / body.slug / f"{day.isoformat()}.yml"
            if path.exists():
                raise RuntimeError(f"synth: two meetings of {body.slug} on {day}")
            self.write(path, dump_yaml(data, self.opts.pure_yaml))
            self.count(day, len(data["items"]), started)
        self.stats.journals = self.journals.issued
        return self.stats

    def count(self, day: date, items: int, started: float) -> None:
        """Update statistics and print a progress line every PROGRESS_EVERY meetings."""
        s = self.stats
        s.meetings += 1
        s.items += items
        s.first = s.first or day
        s.last = day
        if not self.opts.quiet and s.meetings % PROGRESS_EVERY == 0:
            print(
                f"synth: {s.meetings} meetings, {s.items} items, up to {day}, "
                f"{s.bytes / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )


def related_nouns(topic: Topic) -> list[Noun]:
    """Nouns of the topic and its related topics (for the item's second noun)."""
    keys = list(topic.nouns)
    for name in topic.related:
        keys += [k for k in TOPICS[name].nouns if k not in keys] if name in TOPICS else []
    return [NOUNS[k] for k in keys]


def person_entry(person: Person, role: str, attendance: str) -> Flow:
    """A participant mapping: name, party (if any), role, attendance."""
    entry = Flow(name=person.name)
    if person.party:
        entry["party"] = person.party
    entry["role"] = role
    entry["attendance"] = attendance
    return entry


def vote(rng: random.Random, parties: list[str], present: int) -> str:
    """A decision with a split vote among the parties present."""
    rng.shuffle(parties)
    cut = rng.randint(max(1, len(parties) // 2), len(parties) - 1)
    yes, no = sorted(parties[:cut], key=party_order), sorted(parties[cut:], key=party_order)
    if rng.random() < 0.6:
        return (
            f"Et flertal ({'+'.join(yes)}) godkender indstillingen.\n\n"
            f"Et mindretal ({'+'.join(no)}) stemte imod, da {rng.choice(REASONS)}.\n"
        )
    n_no = rng.randint(1, max(1, present // 3))
    return (
        f"For stemte: {', '.join(yes)} ({present - n_no})\n\n"
        f"Imod stemte: {', '.join(no)} ({n_no})\n\nIndstillingen er dermed godkendt.\n"
    )


def party_order(letter: str) -> int:
    """Sort parties in the usual ballot order."""
    return list(PARTIES).index(letter)


def add_minutes(hhmm: str, minutes: int) -> str:
    """``"17:00"`` plus minutes, as ``"HH:MM"`` (capped at 23:45)."""
    h, m = map(int, hhmm.split(":"))
    total = min(h * 60 + m + minutes, 23 * 60 + 45)
    return f"{total // 60:02d}:{total % 60:02d}"


def generate(outdir: Path, opts: Options) -> Stats:
    """Write a synthetic archive into ``outdir`` (new or empty) and return statistics."""
    if outdir.exists() and any(outdir.iterdir()):
        raise SystemExit(f"synth: {outdir} is not empty; choose a new folder")
    outdir.mkdir(parents=True, exist_ok=True)
    return Generator(outdir, opts).run()


def summary(stats: Stats, outdir: Path, seconds: float) -> str:
    """The one-line summary printed at the end."""
    s = stats
    return (
        f"synth: {s.bodies} bodies, {s.meetings} meetings, {s.items} items ({s.closed} closed, "
        f"{s.journals} journal numbers, {s.attachments} attachments), {s.first} to {s.last}, "
        f"{s.bytes / 1e6:.1f} MB written to {outdir} in {seconds:.1f} s"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line arguments."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir", type=Path, help="folder to create (must be new or empty)")
    p.add_argument("--items", type=int, required=True, help="about this many agenda items")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument(
        "--bodies",
        type=int,
        choices=range(1, len(BODIES) + 1),
        metavar="B",
        help=f"number of bodies (default 3-8 by size, at most {len(BODIES)})",
    )
    p.add_argument("--years", type=int, help="spread over this many years (default by size)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument(
        "--pure-yaml", action="store_true", help="use PyYAML's Python emitter (slower; same bytes)"
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run from the command line and print a summary to stderr."""
    args = parse_args(argv)
    if args.items < 1:
        raise SystemExit("synth: --items must be at least 1")
    opts = Options(args.items, args.seed, args.bodies, args.years, args.quiet, args.pure_yaml)
    started = time.perf_counter()
    stats = generate(args.outdir, opts)
    print(summary(stats, args.outdir, time.perf_counter() - started), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The council bodies of the synthetic archive: where, when and about what each one meets.

Pure data, in the order in which bodies are added as the archive grows.
"""

from __future__ import annotations

from dataclasses import dataclass

from vocabulary import TOPICS

ORGANISATION = "Sønderå Kommune"


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

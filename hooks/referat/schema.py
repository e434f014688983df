"""The one description of the meeting-file format.

The loader, `referat check`, the JSON Schema for editors and the Danish format page are all made
from the records below. Help texts are Danish because the secretariat reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from .model import OUTCOMES, Attendance, Status

# Kinds of value a field may hold.
TEXT = "text"  # plain text on one line: titles, names, places
MARKDOWN = "markdown"  # Markdown text, never raw HTML
DATE = "date"  # YYYY-MM-DD
TIME = "time"  # "HH:MM"
BOOL = "bool"  # true / false
NUMBER = "number"  # 31, "4.01", "1.a": kept as written
COUNT = "count"  # a whole number, 0 or more
CHOICE = "choice"  # one of `choices`
TEXT_LIST = "text_list"  # [a, b]
RECORD = "record"  # a mapping described by `record`
RECORD_LIST = "record_list"  # a list of mappings described by `record`
SECTIONS = "sections"  # heading -> Markdown, in order


@dataclass(frozen=True)
class Field:
    """One key of a record."""

    key: str
    kind: str
    help: str
    required: bool = False
    example: str = ""
    choices: tuple[str, ...] = ()
    default: str | bool | None = None
    record: Record | None = None


@dataclass(frozen=True)
class Record:
    """A YAML mapping with a fixed set of keys."""

    name: str
    help: str
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


ATTENDANCE: tuple[Attendance, ...] = get_args(Attendance)
STATUS: tuple[Status, ...] = get_args(Status)

PARTICIPANT = Record("participant", "En deltager i mødet.", (
    Field("name", TEXT, "Personens navn.", required=True, example="Lise Østermark"),
    Field("party", TEXT, "Partiets bogstav, hvis personen er valgt for et parti.", example="V"),
    Field("role", TEXT, "Rollen i organet, fx formand, næstformand eller medlem.", example="formand"),
    Field("attendance", CHOICE, "Fremmøde: present (mødt), absent (fraværende), excused (afbud) "
          "eller substitute (stedfortræder).", choices=ATTENDANCE, default="present"),
    Field("substitute_for", TEXT, "For en stedfortræder: navnet på den, personen møder for.",
          example="Karina Byskov Viborg"),
))

ATTACHMENT = Record("attachment", "Et bilag til punktet.", (
    Field("title", TEXT, "Bilagets titel, som den står i referatet.", required=True,
          example="Budget november 2025"),
    Field("file", TEXT, "Stien til filen, regnet fra mødefilens mappe. Filen ligger i organets "
          "mappe, fx i en undermappe bilag/.", example="bilag/budget-2025-11.pdf"),
    Field("url", TEXT, "En internetadresse (https://...) til bilaget, hvis det ligger et andet sted.",
          example="https://www.example.dk/bilag/budget.pdf"),
))

VOTE_SIDE = Record("vote_side", "Dem, der stemte på én måde: partiernes bogstaver og/eller "
                   "medlemmernes navne, og antallet af stemmer, hvis det er talt op.", (
    Field("parties", TEXT_LIST, "Partiernes bogstaver, som de står i referatet. Hvert parti skal "
          "have en deltager i mødet.", example="[A, V, C]"),
    Field("names", TEXT_LIST, "Medlemmernes navne, som de står under participants.",
          example="[Lise Østermark]"),
    Field("count", COUNT, "Antallet af stemmer. Står der kun navne, er det antallet af navne, og "
          "så må count ikke være mindre.", example="7"),
))

VOTES = Record("votes", "En afstemning om punktet: for, imod og undlod. Check afviser et parti "
               "eller et navn, der ikke er blandt mødets deltagere, og stemmetal, der ikke går op.", (
    Field("for", RECORD, "Dem, der stemte for.", record=VOTE_SIDE),
    Field("against", RECORD, "Dem, der stemte imod.", record=VOTE_SIDE),
    Field("abstain", RECORD, "Dem, der undlod at stemme.", record=VOTE_SIDE),
))

REMARK = Record("remark", "En protokolbemærkning.", (
    Field("by", TEXT, "Hvem bemærkningen er fra: et partis bogstav eller et medlems navn, som "
          "blandt mødets deltagere.", required=True, example="Ø"),
    Field("text", MARKDOWN, "Bemærkningen, som den står i referatet (Markdown).", required=True,
          example="Enhedslisten kan ikke støtte forslaget, da det forringer servicen."),
))

ITEM = Record("item", "Et punkt på dagsordenen.", (
    Field("number", NUMBER, "Punktets nummer som i referatet: 31, \"4.01\" eller \"1.a\". Sæt "
          "anførselstegn om numre med punktum. Numrene skal være forskellige inden for et møde, "
          "og de indgår i punktets adresse.", required=True, example="31"),
    Field("title", TEXT, "Punktets titel.", required=True, example="Godkendelse af dagsorden"),
    Field("journal", TEXT, "Sagens journalnummer, præcis som i sagssystemet. Punkter med samme "
          "journalnummer samles på sagens side.", example="15.00.00-G01-2536-21"),
    Field("topics", TEXT_LIST, "Emner, som læserne kan finde punktet under.",
          example="[Økonomi, Integrationspolitik]"),
    Field("closed", BOOL, "true for et lukket punkt: kun titel og beslutning offentliggøres "
          "(Ankestyrelsen: beslutninger fra lukkede møder skal offentliggøres), og filen må ikke "
          "indeholde sections eller attachments, for repositoriet kan være offentligt. journal og "
          "topics må stå i filen, men offentliggøres ingen steder (hverken på punktets side, "
          "sagens side, emnesider eller i søgningen), for de ville knytte det lukkede punkt til "
          "sagens offentlige forløb og kan afsløre, hvem sagen handler om; check giver en "
          "advarsel.", default=False, example="false"),
    Field("sections", SECTIONS, "Punktets afsnit i referatets rækkefølge, med overskriften som "
          "nøgle og teksten (Markdown) som værdi, fx Anledning, Indstilling, Sagsfremstilling.",
          example="{Indstilling: \"1. At dagsorden godkendes\"}"),
    Field("decision", MARKDOWN, "Beslutningen (Markdown). Den vises fremhævet og er det, folk "
          "søger efter.", example="Godkendt"),
    Field("attachments", RECORD_LIST, "Punktets bilag.", record=ATTACHMENT),
    Field("outcome", TEXT, "Beslutningens udfald med ét ord eller to: "
          + ", ".join(OUTCOMES) + ". Et organ kan tilføje sine egne i body.yml (outcomes). "
          "Beslutningens tekst står fortsat i decision.", example="godkendt"),
    Field("votes", RECORD, "Afstemningen, hvis der blev stemt.", record=VOTES),
    Field("absent_from_item", TEXT_LIST, "Deltagere i mødet, der ikke deltog i behandlingen af "
          "netop dette punkt (fx \"var forhindret i at deltage\" eller inhabil), med navnene som "
          "under participants.", example="[Liv Gro Jensen]"),
    Field("remarks", RECORD_LIST, "Protokolbemærkninger til punktet.", record=REMARK),
))

NEXT_MEETING = Record("next_meeting", "Næste møde, som det er meddelt i referatet.", (
    Field("date", DATE, "Datoen, ÅÅÅÅ-MM-DD.", required=True, example="2026-01-21"),
    Field("start", TIME, "Starttidspunkt, \"TT:MM\".", example="\"17:00\""),
    Field("end", TIME, "Sluttidspunkt, \"TT:MM\".", example="\"19:00\""),
    Field("location", TEXT, "Mødestedet.", example="Jobcentret"),
    Field("note", MARKDOWN, "En bemærkning om mødet (Markdown).",
          example="Mødet holdes sammen med Integrationsteamet."),
))

UNPLACED = Record("unplaced", "En linje fra kilden, som `referat import` ikke kunne placere.", (
    Field("line", NUMBER, "Linjens nummer i kilden (i den udtrukne tekst for en PDF).", example="12"),
    Field("text", TEXT, "Linjens tekst, som den stod.", required=True,
          example="Mødet blev optaget på lyd"),
))

MEETING = Record("meeting", "Et møde i et organ: én fil meetings/<organ>/<ÅÅÅÅ-MM-DD>.yml. Ingen "
                 "tekst må indeholde et CPR-nummer (det er en fejl), og e-mailadresser og "
                 "telefonnumre giver en advarsel: skriv hellere myndighedens fælles adresse eller "
                 "henvis til en kontaktformular.", (
    Field("date", DATE, "Mødets dato, ÅÅÅÅ-MM-DD. Den skal stå som filens navn.", required=True,
          example="2025-11-26"),
    Field("start", TIME, "Starttidspunkt, \"TT:MM\" i anførselstegn.", example="\"17:00\""),
    Field("end", TIME, "Sluttidspunkt, \"TT:MM\" i anførselstegn.", example="\"19:00\""),
    Field("location", TEXT, "Mødestedet.", example="Korsgade, Mødelokale 1, 1. sal"),
    Field("status", CHOICE, "held (afholdt, med referat), planned (planlagt, kun dagsorden) "
          "eller cancelled (aflyst).", choices=STATUS, default="held"),
    Field("minute_taker", TEXT, "Referentens navn.", example="Alice Flink"),
    Field("participants", RECORD_LIST, "Mødets deltagere og fremmøde.", record=PARTICIPANT),
    Field("items", RECORD_LIST, "Dagsordenens punkter i rækkefølge.", required=True, record=ITEM),
    Field("next_meeting", RECORD, "Næste møde.", record=NEXT_MEETING),
    Field("unplaced", RECORD_LIST, "Tekst fra kilden, som importen ikke kunne placere. Den vises "
          "ingen steder på sitet; `referat check` advarer om den, og `referat check --strict` "
          "fejler, indtil hver linje er flyttet til sit felt eller slettet. Slet så feltet.",
          record=UNPLACED),
))

BODY = Record("body", "Et organ (råd, udvalg, bestyrelse): filen meetings/<organ>/body.yml.", (
    Field("name", TEXT, "Organets navn, som det vises på sitet.", required=True,
          example="Integrationsrådet"),
    Field("organisation", TEXT, "Kommunen eller myndigheden, organet hører under.",
          example="Holstebro Kommune"),
    Field("description", MARKDOWN, "En kort beskrivelse af organet (Markdown)."),
    Field("outcomes", TEXT_LIST, "Udfald, organet bruger ud over standardudfaldene "
          "(" + ", ".join(OUTCOMES) + ").", example="[henvist til byrådet]"),
    Field("member_pages", BOOL, "false slår siderne for organets medlemmer fra. Siderne laves "
          "kun ud fra deltagerne i offentlige møder, aldrig ud fra navne i en tekst.",
          default=True, example="false"),
))

"""The Danish page that teaches the secretariat the meeting-file format, made from the schema."""

from __future__ import annotations

from . import schema as s
from .slugs import heading_id

KIND_LABELS = {
    s.TEXT: "tekst",
    s.MARKDOWN: "Markdown",
    s.DATE: "dato, ÅÅÅÅ-MM-DD",
    s.TIME: "klokkeslæt, \"TT:MM\"",
    s.BOOL: "true eller false",
    s.NUMBER: "nummer som skrevet",
    s.COUNT: "helt tal, 0 eller mere",
    s.TEXT_LIST: "liste af tekst",
    s.SECTIONS: "overskrift: tekst",
}

INTRO = """\
# Mødefilens format

Hvert møde er én fil i mappen `meetings/`, i en mappe for organet:
`meetings/<organ>/<ÅÅÅÅ-MM-DD>.yml`. Organets navn står i `meetings/<organ>/body.yml`, og bilag
ligger i organets mappe, fx i `meetings/<organ>/bilag/`. Filens navn er mødets adresse på sitet, så
den ændres ikke, når en tekst rettes.

Filerne er skrevet i YAML. Tekstfelter som `decision` og afsnittene i `sections` er Markdown:
tomme linjer deler afsnit, `1.` og `-` laver lister, og `**fed**` bliver fed. HTML vises som
almindelig tekst og bliver aldrig til kode på sitet. Et link skrives med sin fulde adresse,
`[teksten](https://...)` eller `mailto:`; en fil lægges under `attachments` i stedet for at linkes.

Denne side er lavet ud fra samme beskrivelse, som `referat check` bruger. Ukendte felter er fejl,
fordi en stavefejl i et feltnavn ellers ville få teksten til at forsvinde.

## Et eksempel

```yaml
date: 2025-11-26
start: "17:00"
location: Korsgade, Mødelokale 1, 1. sal
status: held
minute_taker: Alice Flink
participants:
  - {name: Lise Østermark, party: V, role: formand, attendance: present}
items:
  - number: 31
    title: Godkendelse af dagsorden
    journal: 15.00.00-G01-2536-21
    topics: [Dagsorden]
    sections:
      Indstilling: |
        Formanden for Integrationsrådet indstiller til Integrationsrådet:

        1. At dagsorden godkendes
    decision: Godkendt
    attachments:
      - {title: Budget november 2025, file: bilag/budget-2025-11.pdf}
next_meeting: {date: 2026-01-21, start: "17:00", location: Jobcentret}
```

Sæt anførselstegn om klokkeslæt (`"17:00"`), om punktnumre med punktum (`"4.01"`) og om tekst, der
indeholder kolon efterfulgt af mellemrum. Længere tekster skrives efter `|` på de følgende linjer,
rykket ind.
"""

OUTRO = """\
## Tjek filerne

Kør `referat check` i projektets mappe. Kommandoen læser alle mødefiler og skriver hvert problem på
én linje med fil, linje og felt, fx:

```text
meetings/integrationsraadet/2025-11-26.yml:14: items[2].title: missing; add 'title: ...'
```

Den samme kontrol kører, når sitet bygges, og intet offentliggøres, så længe en fil har fejl.

## Hjælp i editoren

Mappen `schema/` indeholder en JSON Schema for mødefiler og for `body.yml`. En editor med en YAML
language server (fx Visual Studio Code med udvidelsen YAML) foreslår felterne og markerer fejl, når
filen begynder med linjen

```yaml
# yaml-language-server: $schema=../../schema/meeting.schema.json
```
"""


def record_table(record: s.Record) -> str:
    """A table of a record's fields: key, kind, required and help."""
    rows = ["| Felt | Type | Påkrævet | Beskrivelse |", "| --- | --- | --- | --- |"]
    for field in record.fields:
        rows.append(f"| `{field.key}` | {kind_label(field)} | {'ja' if field.required else 'nej'} "
                    f"| {describe(field)} |")
    return "\n".join(rows)


def kind_label(field: s.Field) -> str:
    if field.kind == s.CHOICE:
        return "en af " + ", ".join(f"`{c}`" for c in field.choices)
    if field.record is not None:
        link = f"[{field.record.name}](#{heading_id(field.record.name)})"
        return f"liste, se {link}" if field.kind == s.RECORD_LIST else f"se {link}"
    return KIND_LABELS[field.kind]


def describe(field: s.Field) -> str:
    text = field.help
    if field.default is not None:
        text += f" Standard: `{str(field.default).lower()}`."
    if field.example and field.kind not in (s.RECORD, s.RECORD_LIST):
        text += f" Eksempel: `{field.key}: {field.example}`."
    return text.replace("|", "\\|")


def records() -> list[s.Record]:
    """Every record, in the order a reader meets them: found by walking the schema, so a new
    record cannot be left out of the page."""
    found: list[s.Record] = []

    def walk(record: s.Record) -> None:
        found.append(record)
        for field in record.fields:
            if field.record is not None and field.record not in found:
                walk(field.record)

    walk(s.MEETING)
    walk(s.BODY)
    return found


def render() -> str:
    """The whole page as Markdown."""
    parts = [INTRO]
    for record in records():
        parts.append(f"## {record.name}\n\n{record.help}\n\n{record_table(record)}\n")
    parts.append(OUTRO)
    return "\n".join(parts)

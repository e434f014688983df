"""The words minutes use: section headings, decision headings, closed markers and case numbers.

Danish first, with the English councils' words beside them. Matching is case-insensitive and
ignores a trailing colon, so "BESLUTNING:" and "Beslutning" are the same heading.
"""

from __future__ import annotations

import re

from .profiles import decision_headings

SECTION_HEADINGS = (
    "resume", "resumé", "sagsresume", "sagsresumé", "kort resume", "anledning", "baggrund", "sagsforløb",
    "sagsfremstilling", "sagsbeskrivelse", "beskrivelse", "beslutningstema", "kompetence",
    "kompetencefordeling",
    "lovgrundlag", "retsgrundlag", "økonomi", "økonomiske konsekvenser", "bevillingsmæssige konsekvenser",
    "udtalelser og høring", "høring", "høringssvar", "udtalelse", "udtalelser", "indstilling",
    "administrationens indstilling", "forvaltningens indstilling", "direktionens indstilling",
    "vurdering", "forvaltningens vurdering", "administrationens vurdering", "konsekvenser",
    "kommunikation", "tidsplan", "videre proces", "sagens indhold", "sagens baggrund", "formål",
    "personaleforhold", "miljøvurdering", "handicappolitik", "bæredygtighed", "klimakonsekvenser",
    "orientering", "sagens kerne", "supplerende sagsfremstilling", "tidligere behandling",
    "tidligere beslutninger",
    "sagens tidligere behandling", "tidligere politisk behandling", "bemærkninger", "drøftelse",
    "indstilling om", "det foreslås",  # Københavns beslutningsprotokol: 'Indstilling om,' / 'Det foreslås,'
    "problemstilling", "løsning",  # Københavns Kommune's items (eDoc)
    "fagudvalgets indstilling", "udvalgets indstilling",
    "purpose", "purpose of report", "summary", "background", "report", "recommendation",
    "recommendations", "financial implications", "legal implications", "options", "consultation",
    "risk", "risks", "reasons for recommendation", "equalities implications", "introduction",
    "reason for decisions", "reason for decision", "reasons for the decision", "reasons for decisions",
    "implementation of decisions", "implementation of decision",  # ModernGov's decision record
)
DECISION_HEADINGS = ("beslutning", "afgørelse", "udvalgets beslutning", "byrådets beslutning",
                     "kommunalbestyrelsens beslutning", "rådets beslutning", "beslutning/bemærkninger",
                     "decision", "resolved", "resolution", "resolutions", "decisions")
ATTACHMENT_HEADINGS = ("bilag", "bilagsoversigt", "vedlagte bilag", "attachments", "appendices",
                       "appendix", "background papers", "supporting documents")
# "Beslutning i Økonomiudvalget den 4. marts 2024", "Beslutning fra Byrådet 20-03-2024",
# "Beslutning Teknik- og Miljøudvalget den 11-08-2021", "Regionsrådets beslutning den 24. april 2024",
# "Kommunalbestyrelsens møde 28. november 2005 Punkt 1" (the body's record of the item, as
# PDF minutes of the 2000s print it above the decision)
DECISION_IN = re.compile(r"^(?:(?:beslutning|afgørelse|indstilling)\s+(?:i|fra|af)\s+\S.*"
                         r"|[a-zæøå-]+s\s+møde\s+(?:den\s+)?\d{1,2}\.\s*[a-zæøå]+\s+\d{4}\s+punkt\s+\d{1,3}"
                         r"|(?:beslutning|afgørelse)\s+[^.,;!?]{2,60}?\s(?:den|d\.)\s+"
                         r"\d{1,2}[.\-/ ]\S*(?:\s+\S+){0,2}"
                         r"|[a-zæøå-]+s\s+(?:beslutning|afgørelse)\s+(?:den|d\.)\s+\S.*)$",
                         re.IGNORECASE)
RESOLVED = re.compile(r"^(?:it was\s+|proposed,?\s+seconded,?\s+and\s+)?(?:unanimously\s+)?RESOLVED\b",
                      re.IGNORECASE)
HEADING_COLON = re.compile(r"^(?P<head>[^:]{2,60}?)\s*:\s*(?P<rest>.*)$")

CLOSED = re.compile(r"\s*(?:[-–:]\s*)?"
                    r"(?:\((?:lukket(?: punkt| sag)?|closed|exempt|confidential|fortroligt?)\)"
                    r"|\b(?:lukket punkt|lukket sag|lukket|closed item|exempt item|exempt|fortroligt?)\b"
                    r"(?=\s*[-–:)]?\s*$|\s*[-–:]))\s*[-–:]?\s*", re.IGNORECASE)

def heading_key(text: str) -> str:
    """A heading as matched against the vocabulary: lower case, without colon, bold or number."""
    text = text.strip().strip("*_").strip()
    text = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text)
    return re.sub(r"\s+", " ", text.rstrip(":").strip()).lower().removesuffix(",")


def is_section_heading(text: str) -> bool:
    return heading_key(text) in SECTION_HEADINGS


def is_decision_heading(text: str) -> bool:
    key = heading_key(text)
    if key in DECISION_HEADINGS or key in decision_headings():
        return True
    return bool(DECISION_IN.match(key) and len(key) < 120 and not key.startswith("indstilling"))


def is_attachment_heading(text: str) -> bool:
    return heading_key(text) in ATTACHMENT_HEADINGS

"""A decision's outcome, read from its words: its first words ("Godkendt."), a line that is only
an outcome, or a sentence saying what became of the item ("Indstillingen blev herefter godkendt",
"It was therefore RESOLVED that ... be approved", "Motion carried").

Only the item's own outcome counts: what became of an amendment ("Ændringsforslaget blev
forkastet") or of a side proposal is not the item's. Where the sentences disagree, no outcome is
given and the reason goes under "check by hand".
"""

from __future__ import annotations

import re

# Udfald af beslutningens første ord; kun når det er klart.
OPENINGS = (("indstillingen godkendt", "godkendt"), ("godkendt med ændringer", "godkendt med ændringer"),
            ("godkendt", "godkendt"), ("taget til efterretning", "taget til efterretning"),
            ("udsat", "udsat"), ("afvist", "afvist"), ("anbefales ikke", "ikke anbefalet"),
            ("anbefales", "anbefalet"), ("oversendt", "oversendt"), ("drøftet", "drøftet"),
            ("tiltrådt", "tiltrådt"), ("carried", "godkendt"), ("resolved", "godkendt"),
            ("lost", "afvist"), ("rejected", "afvist"), ("deferred", "udsat"),
            ("noted", "taget til efterretning"))
# The participle a sentence about the item ends in, and the outcome it names.
PARTICIPLES = {"godkendt": "godkendt", "vedtaget": "godkendt", "tiltrådt": "tiltrådt",
               "forkastet": "afvist", "afvist": "afvist", "udsat": "udsat",
               "taget til efterretning": "taget til efterretning", "anbefalet": "anbefalet",
               "oversendt": "oversendt", "drøftet": "drøftet", "trukket": "trukket",
               "bortfaldet": "bortfaldet"}
# What the item is called in such a sentence (not "ændringsforslaget", an amendment).
SUBJECT = (r"(?:indstillingen|forslaget|medlemsforslaget|beslutningsforslaget|sagen|punktet|"
           r"dagsordenen|dagsordnen|referatet|budgettet|planen|lokalplanen|orienteringen)")
ABOUT = re.compile(rf"(?<![\wæøå]){SUBJECT}\s+(?:blev|er|bliver)\s+"
                   r"(?:herefter\s+|derefter\s+|således\s+|hermed\s+|dermed\s+|endeligt?\s+)?"
                   rf"({'|'.join(PARTICIPLES)})\b", re.IGNORECASE)
# "Et flertal (A+V+C) godkender indstillingen": what the body (or its majority) did with it.
ACTS = {"godkender": "godkendt", "godkendte": "godkendt", "tiltræder": "tiltrådt", "tiltrådte": "tiltrådt",
        "anbefaler": "anbefalet", "anbefalede": "anbefalet", "vedtog": "godkendt",
        "forkastede": "afvist", "afviste": "afvist"}
ACTS.update({"drøftede": "drøftet", "udsatte": "udsat", "oversendte": "oversendt"})
VERBS = "|".join(ACTS)
ACTED = re.compile(rf"\b(?:(?:{VERBS})\s+(?:herefter\s+)?(?:indstillingen|forslaget|medlemsforslaget)\b|"
                   rf"(?:udvalget|rådet|byrådet|bestyrelsen|kommunalbestyrelsen|[\wæøå]+(?:udvalget|rådet))\s+"
                   rf"(?:herefter\s+)?(?:{VERBS})\b)", re.IGNORECASE)
VERB = re.compile(rf"(?i)\b({VERBS})\b")
# "Udvalget tog meddelelserne til efterretning."
NOTED = re.compile(r"(?i)\btog\s+(?:[\wæøå]+\s+){1,5}?til efterretning\b")
# A line that is an outcome and nothing else: "Godkendt." under the roll call.
ALONE_WORDS = sorted(set(PARTICIPLES) | {"anbefales", "anbefales ikke"}, key=len, reverse=True)
ALONE = re.compile(r"(?m)(?:^[ \t]*|(?<=[.)]\s))(" + "|".join(w.capitalize() for w in ALONE_WORDS) + r")\.?"
                   r"[ \t]*(?=$|[A-ZÆØÅ])")
# English: "(It was) RESOLVED that ...", "Motion carried", "The amendment was lost".
RESOLVED = re.compile(r"(?<![\w-])resolved\b", re.IGNORECASE)
MOTION = re.compile(r"\b(amendment|motion|recommendation|proposal|resolution)\s+(?:was\s+)?"
                    r"(carried|lost|fell|defeated)\b", re.IGNORECASE)
# "... seconded by Cllr Baron and carried." / "CARRIED" on its own (not "work carried out").
BARE = re.compile(r"(?im)(?:\band\s+|^\s*)(carried|lost|defeated)\b(?!\s+(?:out|over|forward))")


def outcome(text: str) -> tuple[str | None, str | None]:
    """The outcome, and a line for "check by hand" when the words disagree."""
    start = text.strip().lower()
    for words, value in OPENINGS:
        if re.match(rf"{re.escape(words)}\b", start):
            return value, None
    found = sentences(text)
    if len(set(found)) > 1:  # a discussion comes before the decision: the decision counts
        found = [f for f in found if f != "drøftet"]
    if len(set(found)) > 1:
        return None, (f"the decision names more than one outcome ({', '.join(dict.fromkeys(found))}); "
                      "outcome left out: write the item's by hand")
    return (found[0] if found else None), None


def sentences(text: str) -> list[str]:
    """The outcomes the decision's sentences name for the item, in order."""
    found = [PARTICIPLES[m.group(1).lower()] for m in ABOUT.finditer(text)]
    found += [ACTS[VERB.findall(m.group(0))[0].lower()] for m in ACTED.finditer(text)]
    found += ["taget til efterretning" for _ in NOTED.finditer(text)]
    for m in ALONE.finditer(text):
        word = m.group(1).lower()
        found.append({"anbefales": "anbefalet", "anbefales ikke": "ikke anbefalet"}.get(word)
                     or PARTICIPLES[word])
    for m in MOTION.finditer(text):
        if m.group(1).lower() != "amendment":
            found.append("godkendt" if m.group(2).lower() == "carried" else "afvist")
    found += ["godkendt" if m.group(1).lower() == "carried" else "afvist" for m in BARE.finditer(text)]
    if not found and RESOLVED.search(text):
        found.append("godkendt")
    return found

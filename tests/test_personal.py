"""Personal data: a CPR number stops the check and the build; e-mail addresses and phone numbers
are warnings that `--strict` turns into failures. Each is found in every text field, on its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from referat.cli import main
from referat.engine import build_site
from referat.loader import load
from referat.personal import find
from sites import mkdocs_build

# Each text field of a meeting file and of body.yml, with a placeholder for its value.
MEETING = """\
# yaml-language-server: $schema=../../schema/meeting.schema.json
date: 2025-11-26
location: {location}
minute_taker: {minute_taker}
participants:
  - name: {name}
    party: {party}
    role: {role}
    attendance: substitute
    substitute_for: {substitute_for}
items:
  - number: 1
    title: {title}
    journal: {journal}
    topics: [Økonomi, {topic}]
    sections:
      {heading}: |
        Forvaltningen har gennemgået sagen.

        {section}
    decision: >
      Godkendt med
      {decision}
    attachments:
      - title: {attachment}
        url: https://www.example.dk/{url}
next_meeting:
  date: 2026-01-21
  location: {next_location}
  note: {note}
"""
BODY = "name: {body_name}\norganisation: {organisation}\ndescription: |\n  Rådet.\n  {description}\n"
CLEAN = {"location": "Rådhuset", "minute_taker": "Alice Flink", "name": "Lise Østermark",
         "party": "V", "role": "formand", "substitute_for": "Bo Jensen", "title": "Budget",
         "journal": "15.00.00-G01-2536-21", "topic": "Budget", "heading": "Sagsfremstilling",
         "section": "Der er et mindreforbrug.", "decision": "bemærkninger.", "attachment": "Bilag",
         "url": "bilag.pdf", "next_location": "Jobcentret", "note": "Husk budgettet.",
         "body_name": "Rådet", "organisation": "Holstebro Kommune", "description": "Det rådgiver."}
FIELDS = {"location": "location", "minute_taker": "minute_taker", "name": "participants[1].name",
          "party": "participants[1].party", "role": "participants[1].role",
          "substitute_for": "participants[1].substitute_for", "title": "punkt 1 (items[1]).title",
          "journal": "punkt 1 (items[1]).journal", "topic": "punkt 1 (items[1]).topics[2]",
          "heading": "punkt 1 (items[1]).sections.{heading}",
          "section": "punkt 1 (items[1]).sections.Sagsfremstilling",
          "decision": "punkt 1 (items[1]).decision",
          "attachment": "punkt 1 (items[1]).attachments[1].title",
          "url": "punkt 1 (items[1]).attachments[1].url", "next_location": "next_meeting.location",
          "note": "next_meeting.note", "body_name": "name", "organisation": "organisation",
          "description": "description"}
BODY_FIELDS = {"body_name", "organisation", "description"}
DATA = {"cpr": ("Sag 010190-1234", "0101901234.pdf"),
        "cpr, spaced": ("CPR-nr. 010203 1234", None),  # a URL holds no space
        "email": ("Skriv til lise.oestermark@holstebro.dk", "skriv?til=lise.oestermark@holstebro.dk"),
        "email, hidden": ("Skriv til lise (at) holstebro.dk", None),
        "phone": ("Ring på 97 42 12 00", None)}  # in a URL, digits are an id: left alone


def write_meeting(root: Path, field: str = "", value: str = "") -> Path:
    """A meetings folder with one meeting whose `field` holds `value`, every other field clean."""
    values = CLEAN | ({field: value} if field else {})
    folder = root / "raadet"
    folder.mkdir(parents=True)
    (folder / "body.yml").write_text(BODY.format(**values), encoding="utf-8")
    (folder / "2025-11-26.yml").write_text(MEETING.format(**values), encoding="utf-8")
    return root


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_the_clean_meeting_has_no_problems(tmp_path: Path) -> None:
    _, problems = load(write_meeting(tmp_path), display_root=tmp_path)
    assert problems == []


CASES = [(kind, field) for kind in DATA for field in FIELDS
         if not (field == "url" and DATA[kind][1] is None)]


@pytest.mark.parametrize("kind, field", CASES)
def test_personal_data_is_found_in_every_text_field_on_its_line(tmp_path: Path, kind: str,
                                                                 field: str) -> None:
    text, in_url = DATA[kind]
    value = in_url if field == "url" else text
    _, problems = load(write_meeting(tmp_path, field, value), display_root=tmp_path)
    file = tmp_path / "raadet" / ("body.yml" if field in BODY_FIELDS else "2025-11-26.yml")
    expected_field = FIELDS[field].format(heading=value)
    assert [(p.path, p.field, p.level) for p in problems] == [
        (file.relative_to(tmp_path).as_posix(), expected_field,
         "error" if kind.startswith("cpr") else "warning")], [str(p) for p in problems]
    assert problems[0].line == line_of(file, value)


def test_a_cpr_number_is_not_repeated_in_the_message(tmp_path: Path) -> None:
    _, problems = load(write_meeting(tmp_path, "title", "Sag 010190-1234"), display_root=tmp_path)
    assert "1234" not in problems[0].message and "010190-xxxx" in problems[0].message
    assert problems[0].message.endswith("remove it")


def test_contact_details_say_what_to_do_instead(tmp_path: Path) -> None:
    root = write_meeting(tmp_path, "note", "Ring på 97 42 12 00")
    _, problems = load(root, display_root=tmp_path)
    at = line_of(root / "raadet/2025-11-26.yml", "Ring på")
    assert str(problems[0]).startswith(f"raadet/2025-11-26.yml:{at}: next_meeting.note: warning: "
                                       "a phone number (97 42 12 00) is personal data")
    assert "remove it, or replace it with a contact form" in problems[0].message


def test_a_number_split_over_lines_names_the_fields_line(tmp_path: Path) -> None:
    root = write_meeting(tmp_path, "note", '"Ring på 97 42\\n12 00"')
    _, problems = load(root, display_root=tmp_path)
    at = line_of(root / "raadet/2025-11-26.yml", "note:")
    assert [(p.field, p.line) for p in problems] == [("next_meeting.note", at)]
    assert "(97 42 12 00)" in problems[0].message  # one line, whatever the file's breaks


@pytest.mark.parametrize("text, kind", [
    ("010190-1234", "cpr"), ("0101901234", "cpr"), ("CPR-nr.: 311299-4321", "cpr"),
    ("født 290200-4123", "cpr"),  # 29 February 2000: the serial digit 4 puts 00 in 2000
    ("010190\u20131234", "cpr"), ("bilag/0101901234.pdf", "cpr"),
    ("CPR-nr. 010203 1234", "cpr"), ("010203\u00a01234", "cpr"), ("borger 311299 4321 søger", "cpr"),
    ("010203 - 1234", "cpr"), ("(010203 1234)", "cpr"),
    ("lise@holstebro.dk", "email"), ("mailto:bo.jensen@example.com", "email"),
    ("søren.ærø@kommune.dk", "email"),
    ("navn (at) kommune.dk", "email"), ("navn[at]kommune.dk", "email"), ("navn {at} kommune.dk", "email"),
    ("navn snabel-a kommune dk", "email"), ("navn (snabel-a) kommune (punktum) dk", "email"),
    ("lise.oestermark [at] holstebro [dot] dk", "email"), ("lise at holstebro dot dk", "email"),
    ("lise AT holstebro DOT dk", "email"), ("lise@holstebro dot dk", "email"),
    ("lise @ holstebro.dk", "email"),
    ("lise<at>holstebro.dk", "email"), ("lise punktum oestermark snabel-a holstebro punktum dk", "email"),
    ("navn (at) mail.holstebro.gov.uk", "email"),
    ("97 42 12 00", "phone"), ("+45 9742 1200", "phone"), ("+4597421200", "phone"),
    ("0045 97 42 12 00", "phone"), ("97421200", "phone"), ("9742 1200", "phone"),
    ("tlf. 97-42-12-00", "phone"), ("Mobil: 20304050", "phone"), ("+45 20-30-40-50", "phone"),
])
def test_personal_data_is_found(text: str, kind: str) -> None:
    assert [f.kind for f in find(f"Se {text}, tak.")] == [kind]


@pytest.mark.parametrize("text", [
    "15.00.00-G01-2536-21", "306-2013-54105", "15.20G00 - 2013/01963", "20/33839", "299835",
    "IU 30/2004", "290223-4123",  # 29 February 2023 does not exist
    "310299-1234", "320190-1234", "011390-1234",  # impossible dates
    "12345678901", "2.500.000 kr.", "kr. 25000000", "25000000 kr.", "1.234.567", "26.11.2025",
    "2025-11-26", "20251126", "26112025", "kl. 17.00-19.00", "budget 2025 2026", "CVR 29189919",
    "CVR-nr. 29189919", "SE-nr. 29189919", "konto 3112345678", "post@holstebro.dk",
    "kontakt@example.dk", "https://www.example.dk/dokument?id=97421200", "Korsgade 2, 7500 Holstebro",
    "12 34 56 78",  # Danish numbers do not start with 1
    "a@b",
    # Spaced numbers that are not one CPR number: a run of numbers, an impossible date, a bank account
    "12 010203 1234", "010203 1234 5678", "2024 010203 1234", "beløb 150000 2500", "konto 010203 1234",
    "320190 1234", "290223 4123", "1 250 000 kr.", "kr. 250 000 1.250.000",
    "2025 2026 2027", "sag 24/1187 0101", "uge 47 2025 010203",
    # Words around an 'at' that make no address
    "post (at) holstebro.dk", "kontakt[at]kommune.dk", "Vi mødes (at) Rådhuset. Se dagsorden",
    "tryk snabel-a og se", "besluttede at kommune.dk lukkes", "for at sætte punktum se",
    "husk at sætte punktum, se", "Lise Østermark (A) holstebro.dk", "snabel-a", "det er at se dot",
    "[at](https://www.example.dk)", "at holstebro.dk", "(at) 2025",
])
def test_journal_numbers_amounts_and_dates_are_not_personal_data(text: str) -> None:
    assert find(f"Se {text}, tak.") == []


def run_check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout + result.stderr


def test_check_passes_with_warnings_and_strict_fails_on_them(tmp_path: Path) -> None:
    root = write_meeting(tmp_path, "location", "Rådhuset, tlf. 97421200")
    code, out = run_check(str(root))
    at = line_of(root / "raadet/2025-11-26.yml", "location:")
    assert code == 0 and f":{at}: location: warning: a phone number (97421200)" in out
    assert "1 warning in 1 file" in out
    code, out = run_check("--strict", str(root))
    assert code == 1 and f":{at}: location: warning: a phone number (97421200)" in out
    assert "0 errors and 1 warning in 1 file." in out


def test_check_fails_on_a_cpr_number(tmp_path: Path) -> None:
    root = write_meeting(tmp_path, "section", "Borger 0101901234 søger.")
    code, out = run_check(str(root))
    at = line_of(root / "raadet/2025-11-26.yml", "Borger")
    assert code == 1
    assert f":{at}: punkt 1 (items[1]).sections.Sagsfremstilling: a CPR number (010190-xxxx)" in out
    assert "1 error in 1 file" in out and "Traceback" not in out


@pytest.mark.parametrize("written", ["010190-1234", "010190 1234"])
def test_a_cpr_number_stops_the_build_and_nothing_is_published(tmp_path: Path, written: str) -> None:
    # The check runs when the files are read, before any output (pages, search, feeds, data) is made.
    root = write_meeting(tmp_path / "meetings", "decision", f"kopi til {written}.")
    site = tmp_path / "site"
    result = mkdocs_build(site, root)
    assert result.returncode != 0
    at = line_of(root / "raadet/2025-11-26.yml", "kopi til")
    assert (f"raadet/2025-11-26.yml:{at}: punkt 1 (items[1]).decision: a CPR number "
            "(010190-xxxx)") in result.stderr
    assert "nothing was built" in result.stderr
    assert not site.exists() or not any(site.iterdir())


def test_a_warning_is_printed_and_the_strict_build_goes_on(tmp_path: Path) -> None:
    root = write_meeting(tmp_path / "meetings", "role", "formand, lise@holstebro.dk")
    site = tmp_path / "site"
    result = mkdocs_build(site, root)
    assert result.returncode == 0, result.stderr
    at = line_of(root / "raadet/2025-11-26.yml", "role:")
    assert (f"raadet/2025-11-26.yml:{at}: participants[1].role: warning: an e-mail address "
            "(lise@holstebro.dk)") in result.stderr
    assert (site / "raadet" / "2025-11-26" / "index.html").is_file()


# ---------------------------------------------------------------- properties
PROPERTIES = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def fixed(width: int) -> st.SearchStrategy[str]:
    return st.integers(0, 10 ** width - 1).map(lambda n: f"{n:0{width}d}")


# A CPR number's serial digit says the century: 0-3 the 1900s, 4 and 9 also 2000-2036.
births = st.one_of(st.tuples(st.dates(dt.date(1900, 1, 1), dt.date(1999, 12, 31)), st.integers(0, 3)),
                   st.tuples(st.dates(dt.date(2000, 1, 1), dt.date(2036, 12, 31)), st.sampled_from([4, 9])))
JOINS = ["", "-", "\u2013", " ", "\u00a0", " - "]


@PROPERTIES
@given(birth=births, serial=fixed(3), join=st.sampled_from(JOINS),
       around=st.sampled_from([("Sag ", " behandles."), ("(", ")"), ("CPR-nr.: ", ""), ("", ", tak")]))
def test_every_cpr_number_is_found_however_it_is_joined(birth: tuple[dt.date, int], serial: str, join: str,
                                                        around: tuple[str, str]) -> None:
    date, century_digit = birth
    number = f"{date:%d%m%y}{join}{century_digit}{serial}"
    found = find(f"{around[0]}{number}{around[1]}")
    assert [(f.kind, f.text) for f in found] == [("cpr", number)]


# What minutes are full of: journal numbers in every shape design.md names, dates, times,
# amounts (with points or spaces between thousands), case numbers and years side by side.
NOT_PERSONAL = st.one_of(
    st.builds("{}.{}.{}-{}{}-{}-{}".format, fixed(2), fixed(2), fixed(2), st.sampled_from("ABCGP"),
              fixed(2), st.integers(1, 99999), fixed(2)),
    st.builds("{}-{}-{}".format, fixed(3), st.integers(1990, 2030), fixed(5)),
    st.builds("{}.{}G{} - {}/{}".format, fixed(2), fixed(2), fixed(2), st.integers(1990, 2030), fixed(5)),
    st.builds("{}/{}".format, fixed(2), st.integers(1, 99999)), fixed(6),
    st.builds("IU {}/{}".format, st.integers(1, 99), st.integers(1990, 2030)),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")), st.dates().map(dt.date.isoformat),
    st.times().map(lambda t: f"kl. {t:%H.%M}"),
    st.integers(0, 10 ** 12).map(lambda n: f"{n:,} kr.".replace(",", ".")),
    st.integers(0, 10 ** 12).map(lambda n: f"{n:,} kr.".replace(",", " ")),
    st.integers(0, 10 ** 7).map(lambda n: f"{n} kr."),
    st.builds("{} {}".format, st.integers(1900, 2099), st.integers(1900, 2099)),
    st.builds("sag {}/{} af {}".format, fixed(2), st.integers(1, 9999), st.dates().map(dt.date.isoformat)),
)


@PROPERTIES
@example(texts=["010203", "1234 kr."], joins=" ")  # a six-digit case number, then an amount
@given(texts=st.lists(NOT_PERSONAL, min_size=1, max_size=4),
       joins=st.sampled_from([" ", ", ", " og ", "; ", " (at) ", " at ", " snabel-a "]))
def test_journal_numbers_dates_and_amounts_are_never_personal_data(texts: list[str], joins: str) -> None:
    text = f"Sagen {joins.join(texts)} blev behandlet."
    assert find(text) == []


@pytest.mark.parametrize("written", ["CPR-nr. 010203 1234", "CPR-nr. 0102031234", "010203-1234"])
def test_a_cpr_number_however_written_stops_every_output_of_the_engine(tmp_path: Path,
                                                                      written: str) -> None:
    # Pages, search records, feeds, calendars and data files all come from one model, made only
    # when no file has an error: one check at load time holds for all of them.
    root = write_meeting(tmp_path, "note", written)
    site = build_site(root, "Referater", display_root=tmp_path)
    assert site.outputs == ()
    assert [(p.field, p.level) for p in site.problems] == [("next_meeting.note", "error")]


def test_a_hidden_e_mail_address_is_a_warning_and_the_outputs_are_made(tmp_path: Path) -> None:
    root = write_meeting(tmp_path, "note", "Skriv til lise (at) holstebro.dk")
    site = build_site(root, "Referater", display_root=tmp_path)
    assert site.outputs != ()
    assert [(p.field, p.level) for p in site.problems] == [("next_meeting.note", "warning")]
    assert "an e-mail address (lise (at) holstebro.dk)" in site.problems[0].message

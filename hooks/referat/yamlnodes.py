"""Parse YAML text into nodes that keep their line numbers.

Values are read from the nodes' raw text later, by the schema, so YAML 1.1 surprises (an unquoted
`no` read as false, `17:00` read as a number of seconds) never happen.
"""

from __future__ import annotations

import yaml
from yaml.nodes import Node

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

HINTS = {
    "mapping values are not allowed": "a text that contains ': ' must be in quotes, or written "
    "as a block after '|'",
    "could not find expected ':'": "every line of a mapping needs 'key: value'; check the "
    "indentation of the lines above",
    "expected a single document": "a meeting file holds one document: remove the extra '---'",
}


class SyntaxProblem(Exception):
    """The text is not YAML; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str) -> Node | None:
    """The document's root node, or None for an empty file. Raises SyntaxProblem."""
    try:
        return yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        # libyaml marks an error at the end of a file without a final newline on the line after it.
        at = min(_line_of(error), text.count("\n") + 1)
        raise SyntaxProblem(at, _describe(error, _text_line(text, at))) from None
    except yaml.reader.ReaderError as error:  # control characters, often pasted from a PDF
        at = text.count("\n", 0, error.position) + 1
        raise SyntaxProblem(at, f"control character {error.character:#04x} is not allowed in "
                            "YAML; delete it (it often comes along when copying from a PDF)") from None
    except yaml.YAMLError as error:
        raise SyntaxProblem(1, f"not valid YAML: {str(error).splitlines()[0]}") from None


def _text_line(text: str, at: int) -> str:
    lines = text.splitlines()
    return lines[at - 1] if 0 < at <= len(lines) else ""


def _line_of(error: yaml.MarkedYAMLError) -> int:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else 1


def _describe(error: yaml.MarkedYAMLError, source_line: str) -> str:
    text = " ".join(part for part in (error.context, error.problem) if part)
    if "\t" in source_line or "tab" in text:
        return f"not valid YAML: {text}; indent with spaces, not tabs"
    hint = next((h for key, h in HINTS.items() if key in text), "check the quoting and the "
                "indentation on this line and the one above")
    return f"not valid YAML: {text}; {hint}"


def line(node: Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1

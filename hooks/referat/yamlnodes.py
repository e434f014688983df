"""Parse YAML text into nodes that keep their line numbers.

Values are read from the nodes' raw text later, by the schema, so YAML 1.1 surprises (an unquoted
`no` read as false, `17:00` read as a number of seconds) never happen.

The nodes are composed here from the parser's events, in a loop, not by PyYAML's composer: that
one recurses once per level, so a deeply nested file crashed the interpreter with no message. The
loop stops at MAX_DEPTH, before libyaml has read much further, and it refuses what a meeting file
never needs and an attacker uses: aliases (a few lines that expand to gigabytes, or refer to
themselves), merge keys, and tags (`!!python/object`, `!foo`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A meeting file nests five levels (items, an item, its attachments, one attachment); twenty
# leave room for any sensible file and stop a hostile one after a few hundred bytes.
MAX_DEPTH = 20
MAX_PROBLEMS = 50  # refused aliases and tags listed per file; the rest are counted
YAML_TAG = "tag:yaml.org,2002:"

HINTS = {
    "mapping values are not allowed": "a text that contains ': ' must be in quotes, or written "
    "as a block after '|'",
    "could not find expected ':'": "every line of a mapping needs 'key: value'; check the "
    "indentation of the lines above",
    "expected a single document": "a meeting file holds one document: remove the extra '---'",
}


class SyntaxProblem(Exception):
    """The text is not YAML a meeting file may hold; `line` is 1-based. `found` lists every
    such problem of the file, this one first."""

    def __init__(self, line: int, message: str,
                 found: Iterable[tuple[int, str]] = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.found = [(line, message), *found]


def parse(text: str) -> Node | None:
    """The document's root node, or None for an empty file. Raises SyntaxProblem."""
    composer = Composer()
    try:
        for event in yaml.parse(text, Loader=Loader):
            composer.add(event)
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
    if composer.problems:
        first, *others = composer.found()
        raise SyntaxProblem(*first, found=others)
    return composer.root


class Composer:
    """Builds nodes from parser events with an explicit stack; collects what is refused."""

    def __init__(self) -> None:
        self.root: Node | None = None
        self.open: list[tuple[Node, list[Node]]] = []  # collections being built, and their items
        self.documents: list[yaml.Mark] = []
        self.problems: list[tuple[int, str]] = []
        self.skipped = 0
        # The tag PyYAML gives an untagged node ('...:null' for an empty value); untyped in stubs.
        self.resolve = cast(Callable[..., str], yaml.resolver.Resolver().resolve)

    def add(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.start_document(event)
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.AliasEvent):
            self.refuse(event, f"an alias (*{event.anchor}) repeats a value given elsewhere, and "
                        "aliases can make a small file expand without end; write the value out "
                        "where it is used")
            self.attach(ScalarNode(YAML_TAG + "null", "", *marks(event)))
        elif isinstance(event, yaml.CollectionStartEvent):
            self.start_collection(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            node, items = self.open.pop()
            is_list = isinstance(node, SequenceNode)
            node.value = items if is_list else list(zip(items[::2], items[1::2], strict=True))
            node.end_mark = marks(event)[1]
            self.attach(node)

    def start_document(self, event: yaml.DocumentStartEvent) -> None:
        if self.documents:
            raise yaml.composer.ComposerError("expected a single document in the stream",
                                              self.documents[0], "but found another document",
                                              marks(event)[0])
        self.documents.append(marks(event)[0])

    def scalar(self, event: yaml.ScalarEvent) -> None:
        self.check_tag(event)
        tag = event.tag or self.resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, *marks(event), event.style)
        if self.is_key() and event.value == "<<" and not event.style:
            self.refuse(event, "a merge key ('<<') copies keys from elsewhere; write the keys "
                        "out in this mapping")
        self.attach(node)

    def start_collection(self, event: yaml.CollectionStartEvent) -> None:
        if len(self.open) >= MAX_DEPTH:
            raise SyntaxProblem(marks(event)[0].line + 1, f"nested more than {MAX_DEPTH} levels "
                                "deep; a meeting file needs five at most: check the brackets and "
                                "the indentation here")
        self.check_tag(event)
        kind = MappingNode if isinstance(event, yaml.MappingStartEvent) else SequenceNode
        tag = event.tag or self.resolve(kind, None, (True, False))
        self.open.append((kind(tag, [], marks(event)[0], None, event.flow_style), []))

    def check_tag(self, event: yaml.NodeEvent) -> None:
        tag: str | None = getattr(event, "tag", None)  # an alias event has none
        if tag is None:
            return
        shown = "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag
        self.refuse(event, f"the tag '{shorten(shown)}' is not allowed: a meeting file holds "
                    "text, lists and mappings only; remove the tag (put the value in quotes if "
                    "it must stay text)")

    def is_key(self) -> bool:
        """Whether the next node is a key of the mapping being built."""
        return bool(self.open) and isinstance(self.open[-1][0], MappingNode) and \
            len(self.open[-1][1]) % 2 == 0

    def attach(self, node: Node) -> None:
        if self.open:
            self.open[-1][1].append(node)
        else:
            self.root = node

    def refuse(self, event: yaml.Event, message: str) -> None:
        """Record a problem once per line; after MAX_PROBLEMS, only count the rest."""
        found = (marks(event)[0].line + 1, message)
        if found in self.problems or self.skipped:
            self.skipped += found not in self.problems
        elif len(self.problems) == MAX_PROBLEMS:
            self.skipped = 1
        else:
            self.problems.append(found)

    def found(self) -> list[tuple[int, str]]:
        """The problems recorded, and a last line counting those left out."""
        if not self.skipped:
            return self.problems
        return [*self.problems, (self.problems[-1][0], f"and {self.skipped} more aliases, tags "
                                 "or merge keys below; they are refused as those above")]


def marks(event: yaml.Event) -> tuple[yaml.Mark, yaml.Mark]:
    """An event's start and end; the parser always sets them (the stubs allow None)."""
    return cast(yaml.Mark, event.start_mark), cast(yaml.Mark, event.end_mark)


def shorten(text: str, limit: int = 60) -> str:
    """A value as a message quotes it: cut to `limit` characters, so one problem stays one
    short line even when the value is megabytes long."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} characters)"


def _text_line(text: str, at: int) -> str:
    lines = text.splitlines()
    return lines[at - 1] if 0 < at <= len(lines) else ""


def _line_of(error: yaml.MarkedYAMLError) -> int:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else 1


def _describe(error: yaml.MarkedYAMLError, source_line: str) -> str:
    text = shorten(" ".join(part for part in (error.context, error.problem) if part), 300)
    if "\t" in source_line or "tab" in text:
        return f"not valid YAML: {text}; indent with spaces, not tabs"
    hint = next((h for key, h in HINTS.items() if key in text), "check the quoting and the "
                "indentation on this line and the one above")
    return f"not valid YAML: {text}; {hint}"


def line(node: Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1

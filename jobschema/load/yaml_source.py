"""Read YAML into plain dicts and lists that remember where each key and value was written.

This is the only module that reads YAML. It builds values straight from the parser's events (the C
parser when PyYAML has it), skipping PyYAML's Python composer and constructor, which dominate the cost
of loading thousands of small files. Building it ourselves also lets us report duplicate keys, refuse
alias bombs and over-deep nesting, and give every later error a ``file:line:col``.
"""

from __future__ import annotations

import yaml
from yaml.resolver import Resolver

from ..errors import LoadError

try:  # the C parser keeps marks too and parses several times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 200_000  # values built from one file, aliases expanded; bounds memory on alias bombs
MAX_BYTES = 16 * 1024 * 1024

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
_IMPLICIT = Resolver.yaml_implicit_resolvers  # first character -> [(tag, regexp)], as SafeLoader resolves


class Pos:
    """A 1-based position in a file."""

    __slots__ = ("file", "line", "col")

    def __init__(self, file: str, line: int, col: int):
        self.file, self.line, self.col = file, line, col

    def error(self, message: str, hint: str | None = None) -> LoadError:
        return LoadError(message, self.file, self.line, self.col, hint)

    def __repr__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class YDict(dict):
    """A mapping that can say where it, each key and each value was written."""

    _file: str
    _mark: tuple[int, int]
    _kmarks: dict
    _vmarks: dict

    @property
    def pos(self) -> Pos:
        return Pos(self._file, *self._mark)

    def kpos(self, key) -> Pos:
        mark = self._kmarks.get(key)
        return Pos(self._file, *mark) if mark is not None else self.pos

    def vpos(self, key) -> Pos:
        mark = self._vmarks.get(key)
        return Pos(self._file, *mark) if mark is not None else self.kpos(key)


class YList(list):
    """A sequence that can say where it and each item was written."""

    _file: str
    _mark: tuple[int, int]
    _marks: list

    @property
    def pos(self) -> Pos:
        return Pos(self._file, *self._mark)

    def ipos(self, i: int) -> Pos:
        return Pos(self._file, *self._marks[i]) if 0 <= i < len(self._marks) else self.pos


_SCALAR_LOADER: yaml.SafeLoader | None = None


def _constructor() -> yaml.SafeLoader:
    """One shared PyYAML constructor for bool/int/float scalars; building one per file costs milliseconds."""
    global _SCALAR_LOADER
    if _SCALAR_LOADER is None:
        _SCALAR_LOADER = yaml.SafeLoader("")
    return _SCALAR_LOADER


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset. Counted from the text rather than taken from a mark:
    libyaml puts the end of a file without a final newline on a line after the last, which no editor shows."""
    offset = min(offset, len(text))
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _resolve_plain(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1] if value else "", ()):
        if regexp.match(value):
            return tag
    for tag, regexp in _IMPLICIT.get(None, ()):
        if regexp.match(value):
            return tag
    return STR


_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SCALAR_EVENT, _ALIAS_EVENT = yaml.ScalarEvent, yaml.AliasEvent
_PLAIN: dict[str, object] = {}  # plain scalar text -> its value: the same few hundred words fill every file
_PLAIN_MAX = 50_000
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")


class _Builder:
    """Turns the event stream of one document into YDict/YList/scalars.

    One loop with an explicit stack rather than a call per value: a table file is a few hundred
    events, and the calls, ``peek_event`` and ``isinstance`` tests were most of the cost of loading
    thousands of them. Every value still gets its (line, col) mark; the checks and messages are the
    same as a recursive reading would give, in the same order."""

    def __init__(self, loader, file: str, text: str = ""):
        self.loader = loader
        self.file = file
        self.count = 0
        self.anchors: dict[str, tuple[object, int]] = {}  # anchor -> (value, values inside it)
        # libyaml also breaks lines at NEL, LS and PS, which editors do not: then count from the offset
        self.text = text if any(c in text for c in _OTHER_BREAKS) else None

    def err(self, mark: tuple[int, int], message: str, hint: str | None = None) -> LoadError:
        return LoadError(message, self.file, mark[0], mark[1], hint)

    def _tick(self, mark: tuple[int, int], n: int = 1) -> None:
        self.count += n
        if self.count > MAX_NODES:
            raise self.err(mark, f"document expands to more than {MAX_NODES} values",
                           "anchors and aliases that multiply like this are refused")

    def value(self):
        """Build the value whose first event is next; returns (value, mark)."""
        get = self.loader.get_event
        file = self.file
        anchors = self.anchors
        # open containers: [value, mark, anchor, count at start, pending key, its mark, has key]
        stack: list[list] = []
        while True:
            event = get()
            kind = type(event)
            if kind is _SEQ_END or kind is _MAP_END:
                frame = stack.pop()
                value, mark = frame[0], frame[1]
                if frame[2] is not None:
                    anchors[frame[2]] = (value, self.count - frame[3])
            else:
                m = event.start_mark
                mark = (m.line + 1, m.column + 1) if self.text is None else _offset_position(self.text, m.index)
                if len(stack) > MAX_DEPTH:
                    raise self.err(mark, f"nesting deeper than {MAX_DEPTH} levels")
                if kind is _SCALAR_EVENT:
                    self.count += 1
                    if self.count > MAX_NODES:
                        self._tick(mark, 0)
                    if event.implicit[0] and not event.style and event.tag is None:
                        text = event.value
                        try:
                            value = _PLAIN[text]
                        except KeyError:
                            value = self._scalar(event, mark)
                            if len(_PLAIN) < _PLAIN_MAX:
                                _PLAIN[text] = value
                    else:
                        value = self._scalar(event, mark)
                    if event.anchor is not None:
                        anchors[event.anchor] = (value, 1)
                elif kind is _MAP_START:
                    self._check_tag(event.tag, MAP, mark)
                    start = self.count
                    self._tick(mark)
                    value = YDict()
                    value._file, value._mark, value._kmarks, value._vmarks = file, mark, {}, {}
                    stack.append([value, mark, event.anchor, start, None, None, False])
                    continue
                elif kind is _SEQ_START:
                    self._check_tag(event.tag, SEQ, mark)
                    start = self.count
                    self._tick(mark)
                    value = YList()
                    value._file, value._mark, value._marks = file, mark, []
                    stack.append([value, mark, event.anchor, start, None, None, False])
                    continue
                elif kind is _ALIAS_EVENT:
                    if event.anchor not in anchors:
                        raise self.err(mark, f"unknown alias *{event.anchor}")
                    value, size = anchors[event.anchor]
                    self._tick(mark, size)
                else:  # pragma: no cover - the parser guarantees one of the above here
                    raise self.err(mark, f"unexpected YAML event {kind.__name__}")
            if not stack:
                return value, mark
            parent = stack[-1]
            container = parent[0]
            if type(container) is YList:
                container.append(value)
                container._marks.append(mark)
            elif parent[6]:  # the value of the pending key
                key = parent[4]
                container[key] = value
                container._kmarks[key] = parent[5]
                container._vmarks[key] = mark
                parent[6] = False
            else:  # a key
                if isinstance(value, (dict, list)):
                    raise self.err(mark, "a mapping key must be a plain value")
                if value in container:
                    raise self.err(mark, f"duplicate key {value!r}",
                                   f"first given at line {container._kmarks[value][0]}")
                parent[4], parent[5], parent[6] = value, mark, True

    def _check_tag(self, tag: str | None, expected: str, mark: tuple[int, int]) -> None:
        if tag not in (None, "!", expected):
            raise self.err(mark, f"unsupported YAML tag {tag!r}")

    def _scalar(self, event, mark: tuple[int, int]):
        tag = event.tag
        plain = event.implicit[0] and tag in (None, "!") and not event.style
        if tag in (None, "!"):
            tag = _resolve_plain(event.value) if plain else STR
        if tag == STR or tag == "tag:yaml.org,2002:value":
            return event.value
        if tag == "tag:yaml.org,2002:merge":
            raise self.err(mark, "merge keys (<<) are not supported", "write the keys out")
        if tag == NULL:
            return None
        if tag == TIMESTAMP:
            return event.value  # keep dates as the text written
        if tag in (BOOL, INT, FLOAT):
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
            try:
                return _constructor().construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError) as exc:
                raise self.err(mark, f"cannot read value {event.value!r}: {exc}") from None
        raise self.err(mark, f"unsupported YAML tag {tag!r}")


def load_yaml(path: str, display: str | None = None, data: bytes | None = None):
    """Load one YAML document from ``path`` into YDict/YList/scalars; raise ``LoadError`` on anything bad."""
    name = display or path
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise LoadError(f"cannot read file: {exc.strerror}", name) from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB", name, 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError("file is not valid UTF-8", name, line, col, "save it as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = _Loader(text)
    try:
        loader.get_event()  # stream start
        if isinstance(loader.peek_event(), yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        value, _ = _Builder(loader, name, text).value()
        loader.get_event()  # document end
        extra = loader.get_event()
        if not isinstance(extra, yaml.StreamEndEvent):
            line, col = _offset_position(text, extra.start_mark.index)
            raise LoadError("the file holds more than one YAML document", name, line, col,
                            "remove the '---' separator")
        return value
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        if mark is not None:
            raise LoadError(f"invalid YAML: {problem}", name, *_offset_position(text, mark.index)) from None
        raise LoadError(f"invalid YAML: {problem}", name) from None
    except yaml.reader.ReaderError as exc:  # a control character; PyYAML gives only its offset in the text
        line, col = _offset_position(text, exc.position)
        raise LoadError(f"invalid YAML: control character #x{exc.character:04x} is not allowed", name, line, col,
                        "remove it, or write it as an escape in a double-quoted string") from None
    except yaml.YAMLError as exc:
        raise LoadError(f"invalid YAML: {' '.join(str(exc).split())}", name) from None
    except RecursionError:
        raise LoadError(f"nesting deeper than {MAX_DEPTH} levels", name) from None
    finally:
        loader.dispose()

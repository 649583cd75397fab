"""A cache of what loading a tables/ folder built, one file per folder, keyed by each file's content.

Loading thousands of table files is dominated by the YAML parser and the table builder, so the built
YAML values (with their positions) and, for files that built without an error, the model ``Table`` are
kept in ``$XDG_CACHE_HOME/jobschema/yaml-<hash of the folder path>.marshal``. An entry is used only when
the file's bytes hash to the digest stored with it (a table also needs the same module namespace), and
the whole cache is ignored when PyYAML's version or the source of ``load/`` or ``model/`` changed, so it
never serves stale data. Cross-file checks (``validate.py``) run on every load.
A cache file that cannot be read or has the wrong shape is treated as empty and rewritten.
``JOBSCHEMA_NO_CACHE=1`` turns it off; small folders (fewer than ``MIN_FILES`` files) never use it.
``QueryCache`` keeps, the same way, which view queries of a views/ folder parsed as valid queries.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile

from ..model import objects
from .yaml_source import YDict, YList

FORMAT = 1
MIN_FILES = 50  # below this, parsing is faster than reading and writing a cache file
_KEY: str | None = None


def _code_key() -> str:
    """What the cached values depend on besides the files: the loader's and the model's source (every
    ``load/*.py`` and ``model/*.py``) and PyYAML's version."""
    global _KEY
    if _KEY is None:
        import yaml

        h = hashlib.blake2b(digest_size=16)
        pkg = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        for sub in ("load", "model"):
            folder = os.path.join(pkg, sub)
            for fn in sorted(os.listdir(folder)):
                if fn.endswith(".py"):
                    with open(os.path.join(folder, fn), "rb") as fh:
                        h.update(fn.encode() + b"\0" + fh.read())
        _KEY = f"{FORMAT}:{yaml.__version__}:{getattr(yaml, '__with_libyaml__', False)}:{h.hexdigest()}"
    return _KEY


def cache_dir() -> str | None:
    if os.environ.get("JOBSCHEMA_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "jobschema")


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


# -- encoding: YDict/YList → tuples marshal can write, and back ----------------------------------------

def encode(value):
    if isinstance(value, YDict):
        keys = tuple(value)
        return ("d", value._mark, keys, tuple(encode(value[k]) for k in keys),
                tuple(value._kmarks.get(k) for k in keys), tuple(value._vmarks.get(k) for k in keys))
    if isinstance(value, YList):
        return ("l", value._mark, tuple(encode(v) for v in value), tuple(value._marks))
    return value  # a scalar: str, int, float, bool or None (never a tuple)


def decode(value, file: str):
    if type(value) is not tuple:
        return value
    if value[0] == "d":
        _, mark, keys, values, kmarks, vmarks = value
        d = YDict(zip(keys, [decode(v, file) if type(v) is tuple else v for v in values], strict=True))
        d._file, d._mark = file, mark
        d._kmarks = {k: m for k, m in zip(keys, kmarks, strict=True) if m is not None}
        d._vmarks = {k: m for k, m in zip(keys, vmarks, strict=True) if m is not None}
        return d
    _, mark, items, marks = value
    out = YList([decode(v, file) if type(v) is tuple else v for v in items])
    out._file, out._mark, out._marks = file, mark, list(marks)
    return out


# -- encoding: the model's frozen dataclasses → lists marshal can write, and back ------------------------

_CLASSES: dict[str, tuple[type, tuple[str, ...]]] = {}


def _classes() -> dict[str, tuple[type, tuple[str, ...]]]:
    if not _CLASSES:
        import dataclasses

        for value in vars(objects).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value):
                _CLASSES[value.__name__] = (value, tuple(f.name for f in dataclasses.fields(value)))
    return _CLASSES


_SCALARS = (str, int, float, bool, type(None))


def encode_model(value):
    """A model object as nested lists (dataclasses) and tuples; raises TypeError on anything else."""
    t = type(value)
    if t in _SCALARS:
        return value
    if t is tuple:
        return tuple(encode_model(v) for v in value)
    known = _classes().get(t.__name__)
    if known is None or known[0] is not t:
        raise TypeError(f"cannot cache a {t.__name__}")
    return [t.__name__, *(encode_model(getattr(value, name)) for name in known[1])]


_NESTED = (list, tuple)
_DECODERS: dict[str, object] = {}


def _decoder(name: str):
    """A function that builds one object of class ``name`` from its encoded list, with one line per field:
    at 200,000 objects for 3,000 tables, a loop over the field names costs a sixth more."""
    cls, names = (_CLASSES or _classes())[name]
    lines = ["def decode(value):",
             f"    if len(value) != {len(names) + 1}:",
             "        raise ValueError('cached object has the wrong number of fields')",
             "    obj = new(cls)  # the values were validated when the object was first built",
             "    fields = obj.__dict__"]
    for i, field in enumerate(names, 1):
        lines += [f"    v = value[{i}]", f"    fields[{field!r}] = decode_model(v) if type(v) in nested else v"]
    lines.append("    return obj")
    scope = {"new": object.__new__, "cls": cls, "decode_model": decode_model, "nested": _NESTED}
    exec("\n".join(lines), scope)  # the source is built above from the model's field names only
    _DECODERS[name] = scope["decode"]
    return scope["decode"]


def decode_model(value):
    """``encode_model`` undone."""
    t = type(value)
    if t is tuple:
        return tuple([decode_model(v) if type(v) in _NESTED else v for v in value])
    if t is not list:
        return value
    name = value[0]
    return (_DECODERS.get(name) or _decoder(name))(value)


def _cache_file(folder: str, n_files: int, prefix: str) -> str | None:
    """Where the cache of ``folder`` lives (``<prefix>-<hash of its path>.marshal``), or None when the
    folder is too small to be worth it or caching is off."""
    base = cache_dir() if n_files >= MIN_FILES else None
    if base is None:
        return None
    name = hashlib.blake2b(os.path.abspath(folder).encode(), digest_size=12).hexdigest()
    return os.path.join(base, f"{prefix}-{name}.marshal")


def cache_file(folder: str, n_files: int) -> str | None:
    """Where the folder cache of a ``tables/`` folder of ``n_files`` files lives, if it is used at all."""
    return _cache_file(folder, n_files, "yaml")


def _read(path: str, key: str, kind: type):
    """The payload stored under ``key`` in ``path``, or None when it is missing, corrupt, of another kind
    or written by other code."""
    try:
        with open(path, "rb") as fh:
            stored, payload = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return payload if stored == key and isinstance(payload, kind) else None


def _write(path: str, key: str, payload) -> None:
    """Replace ``path`` atomically (temp file + rename); a read-only or full cache location only costs speed."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".cache-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps((key, payload)))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


class FolderCache:
    """The cached values of one folder's files; ``get``/``put`` by file name and content digest."""

    def __init__(self, folder: str, n_files: int):
        # file name -> (content digest, marshalled YAML value, module namespace, marshalled table or None)
        self.dirty = False
        self.path = _cache_file(folder, n_files, "yaml")
        self.entries: dict[str, tuple] = (_read(self.path, _code_key(), dict) if self.path else None) or {}

    @classmethod
    def detached(cls, record: bool) -> FolderCache:
        """A cache that reads and writes no file: off, or (``record``) collecting the entries built, for a
        worker process's share of a cold folder that the folder's own cache takes with ``add``."""
        self = cls.__new__(cls)
        self.dirty, self.path, self.entries = False, "" if record else None, {}
        return self

    def _hit(self, name: str, dig: bytes):
        hit = self.entries.get(name)
        if type(hit) is not tuple or len(hit) != 4 or hit[0] != dig:
            return None
        return hit

    def get(self, name: str, dig: bytes, display: str):
        """The YAML value of file ``name`` whose content has digest ``dig``: (value, True) or (None, False)."""
        hit = self._hit(name, dig)
        if hit is None:
            return None, False
        try:
            return decode(marshal.loads(hit[1]), display), True
        except (ValueError, TypeError, IndexError, EOFError, KeyError):  # damaged: parse the file again
            return None, False

    def table(self, name: str, dig: bytes, namespace: str):
        """The table built from file ``name`` (same content, same module namespace, built without errors)."""
        hit = self._hit(name, dig)
        if hit is None or hit[2] != namespace or hit[3] is None:
            return None
        try:
            return decode_model(marshal.loads(hit[3]))
        except (ValueError, TypeError, IndexError, EOFError, KeyError):
            return None

    def put(self, name: str, dig: bytes, value, namespace: str | None = None, table=None) -> None:
        if self.path is None:
            return
        try:
            built = marshal.dumps(encode_model(table)) if table is not None else None
        except (TypeError, ValueError):  # something the encoding does not know: keep only the YAML value
            built = None
        self.entries[name] = (dig, marshal.dumps(encode(value)), namespace, built)
        self.dirty = True

    def add(self, entries: dict[str, tuple]) -> None:
        """Entries a recording ``detached`` cache built, kept as if ``put`` had been called here."""
        if self.path is not None and entries:
            self.entries.update(entries)
            self.dirty = True

    def prune(self, names: set[str]) -> None:
        for name in set(self.entries) - names:
            del self.entries[name]
            self.dirty = True

    def save(self) -> None:
        if self.path and self.dirty:  # a recorder's path is "": nothing of its own to write
            _write(self.path, _code_key(), self.entries)


class QueryCache:
    """The digests of a views/ folder's queries that parsed as valid queries (per dialect), so a load whose
    query texts are unchanged does not parse them again: at 300 views that parse is about 0.15 s. Only
    valid results are kept (a problem is worked out again to report it), and the whole file is ignored
    when the code key or sqlglot's version changed."""

    def __init__(self, folder: str, n_files: int):
        self.valid: set[bytes] = set()
        self.seen: set[bytes] = set()
        self.dirty = False
        self.path = _cache_file(folder, n_files, "queries")
        if self.path is not None:
            self.valid = set(_read(self.path, self._key(), frozenset) or ())

    @staticmethod
    def _key() -> str:
        import sqlglot

        return f"{_code_key()}:{sqlglot.__version__}"

    @staticmethod
    def _digest(text: str, dialect: str) -> bytes:
        return digest(dialect.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))

    def known_valid(self, text: str, dialect: str) -> bool:
        """True when ``text`` parsed as a valid ``dialect`` query in an earlier load."""
        if self.path is None:
            return False
        dig = self._digest(text, dialect)
        if dig in self.valid:
            self.seen.add(dig)
            return True
        return False

    def add_valid(self, text: str, dialect: str) -> None:
        if self.path is None:
            return
        dig = self._digest(text, dialect)
        self.seen.add(dig)
        if dig not in self.valid:
            self.valid.add(dig)
            self.dirty = True

    def save(self) -> None:
        """Write the queries seen in this load when they differ from the file's (so it never grows stale)."""
        if self.path is not None and (self.dirty or self.seen != self.valid):
            _write(self.path, self._key(), frozenset(self.seen))

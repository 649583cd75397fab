"""The rule registry: codes are claimed once, at import, and never reused.

The codes themselves live in ``jobschema.codes``, the one table audit codes are claimed in too; this
module keeps the rule classes behind the lint codes.

A rule is a class with a code, a title, a rationale, a fix hint and a docstring that *is* its published
documentation (docs/rules.md is rendered from it). It declares what it looks at (``target``): ``"table"``
rules get one table at a time with its module and project, ``"module"`` rules one module (its views and
functions), ``"migration"`` rules get one parsed migration
file. A duplicate code, or a code reused from a retired alias, fails at import time.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import codes
from ..dialects.base import names as dialect_names
from ..finding import Finding, Location, Severity
from ..report import RuleInfo
from . import rules
from .capable import having, known

TARGETS = ("table", "module", "migration", "suppression")  # each is a family of ``codes.FAMILIES``


class RegistryError(codes.CodeError):
    """A rule declared wrongly: a programming error, raised at import."""


class Rule:
    """Base of every lint rule. Subclasses set the class attributes and implement ``check``."""

    code: str = ""
    name: str = ""  # dotted, stable: "schema.fk_without_index"
    title: str = ""  # one line, shown in reports
    rationale: str = ""  # why it matters
    fix: str = ""  # what to do about it
    target: str = "table"
    severity: Severity = Severity.ERROR
    aliases: tuple[str, ...] = ()  # retired codes that now mean this rule
    # the dialect capabilities the rule is about; () for every dialect. Migration rules read only those
    # dialects' files; schema rules run on files for any dialect, but lint --dsn only on those dialects' catalogs
    needs: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()  # capabilities that make the rule moot (the server closes the gap itself)
    inspiration: str = ""  # the linter or guidance the rule comes from (docs/rules.md cites it)
    catalog: bool = True  # schema rules: whether a live catalog shows what it checks (lint --dsn runs it)

    @classmethod
    def reads(cls) -> tuple[str, ...]:
        """The dialects whose migration files, or (schema rules) live catalogs, the rule reads: every
        registered dialect that has the capabilities the rule ``needs`` and none it ``lacks`` (asked of the
        registry, never by name)."""
        names = dialect_names()
        for flag in cls.needs:
            names = having(flag, names)
        for flag in cls.lacks:
            names = tuple(n for n in names if n not in having(flag, names))
        return names

    def finding(self, path: str, message: str, location: Location | None = None, *,
                expected: str | None = None, actual: str | None = None, module: str | None = None,
                hint: str | None = None, **data) -> Finding:
        return Finding(code=self.code, severity=self.severity, path=path, message=message, expected=expected,
                       actual=actual, location=location, hint=hint or self.fix, module=module, data=data)

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


_RULES: dict[str, type[Rule]] = {}
_ALIASES: dict[str, str] = {}
_NAMES: dict[str, str] = {}
_LOADED = False


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: claim the rule's code (and aliases); a second claim raises ``RegistryError``."""
    code = cls.code
    where = f"{cls.__module__}.{cls.__qualname__}"
    if cls.target not in TARGETS:
        raise RegistryError(f"{where}: unknown target {cls.target!r}")
    module_code = cls.__module__.rsplit(".", 1)[-1].split("_", 1)[0].upper()
    if cls.__module__.startswith("jobschema.lint.rules.") and module_code != code:
        raise RegistryError(f"{where}: module name must start with {code.lower()}_")
    if not cls.name or cls.name in _NAMES:
        raise RegistryError(f"{where}: rule name {cls.name!r} missing or already used")
    for attr in ("title", "rationale", "fix"):
        if not getattr(cls, attr):
            raise RegistryError(f"{where}: rule needs a {attr}")
    if not (cls.__doc__ or "").strip():
        raise RegistryError(f"{where}: rule needs a docstring (it is the documentation)")
    unknown = [flag for flag in (*cls.needs, *cls.lacks) if not known(flag)]
    if unknown:
        raise RegistryError(f"{where}: needs or lacks names no dialect capability: {', '.join(unknown)}")
    for c in (code, *cls.aliases):  # every check before any claim: a refused rule claims nothing
        why = codes.problem(c, cls.target, where)
        if why:
            raise RegistryError(why)
    for c in (code, *cls.aliases):
        codes.claim(c, cls.title if c == code else f"{cls.title} (retired alias of {code})", cls.target, where)
    _RULES[code] = cls
    _NAMES[cls.name] = code
    for alias in cls.aliases:
        _ALIASES[alias] = code
    return cls


def load_all() -> None:
    """Import every rule module under ``jobschema.lint.rules`` once."""
    global _LOADED
    if _LOADED:
        return

    for info in sorted(pkgutil.walk_packages(rules.__path__, rules.__name__ + "."), key=lambda i: i.name):
        importlib.import_module(info.name)
    _LOADED = True


def all_rules() -> list[type[Rule]]:
    load_all()
    return [_RULES[c] for c in sorted(_RULES)]


def get(code: str) -> type[Rule]:
    """The rule for a code or a retired alias; ``KeyError`` when unknown."""
    load_all()
    code = code.upper()
    return _RULES[_ALIASES.get(code, code)]


def resolve(selector: str) -> str:
    """Canonical form of a selector: a code, an alias (→ its code), a prefix ("JS1", "JS") or a rule name."""
    load_all()
    s = selector.strip()
    if s in _NAMES:
        return _NAMES[s]
    up = s.upper()
    if up in _ALIASES:
        return _ALIASES[up]
    if up == "ALL":
        return "JS"
    if re.fullmatch(r"JS\d{0,3}", up) and any(c.startswith(up) for c in _RULES):
        return up
    known = ", ".join(sorted(_RULES))
    raise KeyError(f"unknown rule selector {selector!r} (codes: {known}; prefixes like JS1 select a family)")


def known_code(code: str) -> bool:
    load_all()
    return code.upper() in _RULES or code.upper() in _ALIASES


@dataclass(frozen=True)
class Selection:
    """Which rules run and at which severity: ruff-style select/ignore where the longer match wins."""

    select: tuple[str, ...] = ("JS",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    @staticmethod
    def build(select: Iterable[str] | None = None, ignore: Iterable[str] = (),
              severity: dict[str, str] | None = None) -> Selection:
        sel = tuple(resolve(s) for s in (select if select is not None else ("JS",)))
        ign = tuple(resolve(s) for s in ignore)
        sev = []
        for key, value in (severity or {}).items():
            try:
                sev.append((resolve(key), Severity(str(value).lower())))
            except ValueError:
                raise KeyError(f"severity of {key} must be error, warning or info, not {value!r}") from None
        return Selection(sel, ign, tuple(sev))

    def enabled(self, code: str) -> bool:
        best_sel = max((len(s) for s in self.select if code.startswith(s)), default=-1)
        best_ign = max((len(s) for s in self.ignore if code.startswith(s)), default=-1)
        return best_sel >= 0 and best_sel > best_ign

    def severity_of(self, rule: type[Rule]) -> Severity:
        best: tuple[int, Severity] | None = None
        for prefix, sev in self.severity:
            if rule.code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), sev)
        return best[1] if best else rule.severity

    def rules(self, target: str | None = None) -> Iterator[type[Rule]]:
        for r in all_rules():
            if (target is None or r.target == target) and self.enabled(r.code):
                yield r


def rule_info(codes: Iterable[str]) -> dict[str, RuleInfo]:
    """What a report says about each lint code besides its findings: title, help text, name, default level."""
    out: dict[str, RuleInfo] = {}
    for code in sorted(set(codes)):
        if known_code(code):
            r = get(code)
            out[code] = RuleInfo(code, r.title, f"{r.rationale} {r.fix}", r.name, r.severity.value)
    return out

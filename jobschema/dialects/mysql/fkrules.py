"""Foreign key rules between the model and InnoDB: the model's "no action" is the engine's default (MariaDB
stores it as RESTRICT, MySQL as NO ACTION); a NO ACTION written out is stored apart from it on MariaDB, which
prints it in ``SHOW CREATE TABLE`` where it leaves its default out."""

from __future__ import annotations

from ...model.objects import ForeignKey


def fk_rule(rule: str | None, spelled: bool = False, maria: bool = True) -> str:
    """The rule as the server stores it: "no action" left to the engine is its default (MariaDB: RESTRICT,
    MySQL: NO ACTION), while a NO ACTION written out is stored as NO ACTION; SET DEFAULT is refused (the
    renderer leaves the rule out)."""
    low = (rule or "no action").lower()
    if low == "set default":
        low, spelled = "no action", False
    if low == "no action" and not spelled:
        return "restrict" if maria else "no action"
    return low


def fk_rules(fk: ForeignKey, maria: bool = True) -> tuple[str, str]:
    """(on_delete, on_update) of ``fk`` as the server stores them."""
    return (fk_rule(fk.on_delete, "on_delete" in fk.no_action_spelled, maria),
            fk_rule(fk.on_update, "on_update" in fk.no_action_spelled, maria))


def model_rules(stored_delete: str, stored_update: str, maria: bool) -> dict[str, object]:
    """A live key's rules for the model: the engine's default stored rule is the model's default "no action";
    a NO ACTION that is not the default was written out."""
    default = "restrict" if maria else "no action"
    out: dict[str, object] = {}
    spelled = []
    for field, stored in (("on_delete", stored_delete.lower()), ("on_update", stored_update.lower())):
        if stored == default:
            out[field] = "no action"
        else:
            out[field] = stored
            if stored == "no action":
                spelled.append(field)
    out["no_action_spelled"] = tuple(spelled)
    return out

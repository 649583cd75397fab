from __future__ import annotations

from ...registry import Rule, register


@register
class InvalidSuppression(Rule):
    """A suppression that suppresses nothing: no reason, or an unknown rule code.

    Suppressions are how a team records *why* a rule does not apply. One without a reason hides the
    decision, and one naming a code no rule owns (a typo, usually) silently suppresses nothing while
    looking as if it did. Such a comment is reported instead of honoured.

    **Anti-pattern**

    ```sql
    -- jobschema:ignore JS202
    CREATE INDEX idx_jobs_status ON jobs (status);
    ```

    **Best practice**

    ```sql
    -- jobschema:ignore JS202 jobs is created empty by the previous release; nothing to lock
    CREATE INDEX idx_jobs_status ON jobs (status);
    ```

    In YAML, `lint: {ignore: [JS103], reason: ...}`: the loader refuses a missing reason, and this rule
    reports codes that no rule owns.
    """

    code = "JS001"
    name = "suppression.invalid"
    title = "Suppression without a reason or with an unknown code"
    rationale = "A suppression must say why the rule does not apply, and name a rule that exists."
    fix = "Write '-- jobschema:ignore CODE why it does not apply' with a code from docs/rules.md."
    target = "suppression"

    def check(self, *args):  # reported by the runner while it reads suppressions
        return ()

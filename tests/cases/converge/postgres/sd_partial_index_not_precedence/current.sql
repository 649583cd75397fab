-- NOT binds tighter than AND: the two predicates differ only in where the parentheses are
CREATE TABLE payouts (id bigint PRIMARY KEY, state text, amount numeric);
CREATE INDEX payouts_unusual_idx ON payouts (id) WHERE NOT (state = 'paid' AND amount > 500);

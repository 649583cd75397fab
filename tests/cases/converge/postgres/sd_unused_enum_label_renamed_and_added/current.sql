-- an enum type no column uses loses a label and gains two: made again with the recorded labels
CREATE TYPE ledger_state AS ENUM ('open', 'held');

-- an enum type no column uses has one label spelled otherwise: the fix makes the type again, as it would
-- for a used one (the rows of no column hold the old label)
CREATE TYPE shipment_phase AS ENUM ('packed', 'in_transit', 'delivered');

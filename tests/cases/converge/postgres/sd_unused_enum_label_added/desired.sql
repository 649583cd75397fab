-- an enum type no column uses gains labels before, between and after its own: added in place
CREATE TYPE alarm_level AS ENUM ('none', 'low', 'medium', 'high', 'critical');

CREATE TABLE task_log (task_id int NOT NULL, day date NOT NULL, note text) PARTITION BY RANGE (day);
CREATE TABLE task_log_q1 PARTITION OF task_log FOR VALUES FROM ('2030-01-01') TO ('2030-04-01');
CREATE TABLE task_log_q2 (task_id int NOT NULL, day date NOT NULL, note text, archived boolean);

-- The server's identity: the version predicates in version.py are computed from it.
SELECT VERSION() AS version, @@version_comment AS version_comment

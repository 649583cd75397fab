-- Which of the requested namespaces exist, and the server version.
SELECT n.nspname AS name, current_setting('server_version') AS server_version
FROM pg_namespace n
WHERE n.nspname = ANY (%(namespaces)s)
ORDER BY n.nspname

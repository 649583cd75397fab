"""Rules over migration SQL files (JS2xx): each gets one statement at a time with the file's lifespans."""

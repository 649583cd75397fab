-- after skeema internal/tengo/testdata/check-maria.sql (CHECKs added, inline and named, with escaped quotes, backslashes and long strings)
CREATE TABLE guarded (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, low int CHECK (low < 100), high int, tag varchar(100), path varchar(30) NOT NULL DEFAULT '',
    CONSTRAINT low_below_high CHECK (low < high), CHECK (high >= low),
    CONSTRAINT tag_not_reserved CHECK (tag != 'it\'s a reserved tag written long enough to pass sixty-four bytes of text' AND length(tag) > 3),
    CONSTRAINT path_not_root CHECK (path <> 'C:\\root\\dir'));

-- 0003_packed_tokens: a document's own tokens are stored packed, as the file stores them since
-- its migration 0005 (labels.PackedTokens): for each token in text order, the code points
-- from the end of the token before to its start, then its length less one, each an unsigned
-- LEB128 varint; NULL for none, the empty bytea for the empty list. A copy moves the column
-- between a file and a server as it is. The JSON [{"start":..,"end":..},...] written before
-- was checked as it was written, so every value reads as a list of tokens in order.
CREATE FUNCTION pg_temp.tawsim_pack_tokens(toks text) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    packed bytea := ''::bytea;
    prev   bigint := 0;
    t      jsonb;
    v      bigint;
BEGIN
    IF toks IS NULL THEN
        RETURN NULL;
    END IF;
    FOR t IN SELECT jsonb_array_elements(toks::jsonb) LOOP
        FOREACH v IN ARRAY ARRAY[(t->>'start')::bigint - prev, (t->>'end')::bigint - (t->>'start')::bigint - 1] LOOP
            WHILE v >= 128 LOOP
                packed := packed || set_byte('\x00'::bytea, 0, (v % 128 + 128)::int);
                v := v / 128;
            END LOOP;
            packed := packed || set_byte('\x00'::bytea, 0, v::int);
        END LOOP;
        prev := (t->>'end')::bigint;
    END LOOP;
    RETURN packed;
END
$$;

ALTER TABLE documents ALTER COLUMN tokens TYPE bytea USING pg_temp.tawsim_pack_tokens(tokens);

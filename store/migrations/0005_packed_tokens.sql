-- 0005_packed_tokens: a document's own tokens are stored packed (labels.PackedTokens): a BLOB
-- holding, for each token in text order, the code points from the end of the token before
-- to its start, then its length less one, each an unsigned LEB128 varint. The JSON
-- [{"start":..,"end":..},...] it replaces took about thirty bytes a token, three times the
-- text of a CoNLL document, and SQLite and the driver copy a value whole as they write and
-- read it: a document of six million tokens took 170 MB of JSON, where it takes 12 MB so.
--
-- tawsim_pack_tokens(tokens, runes) is a function of the store's writer connection (Go,
-- store/tokens.go): the JSON packed, or NULL when the value is not a list of tokens in order
-- inside the text, or is the empty list (x'' then). A value it cannot read stays as it was,
-- text, which check reports as damaged.
UPDATE documents SET tokens = coalesce(
        tawsim_pack_tokens(tokens, runes),
        CASE WHEN json_valid(tokens) AND json_type(tokens) = 'array' AND json_array_length(tokens) = 0 THEN x'' END,
        tokens)
WHERE typeof(tokens) = 'text';

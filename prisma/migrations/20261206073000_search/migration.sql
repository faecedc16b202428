-- Search finds people, files and skills together (issue 14, item 6). Names and file names are
-- searched by word prefix ("Dent" finds Harvey Dent, not "Incident"; "Park" finds Byungjin Park,
-- not "Apache Spark") through one GIN-indexed array per application: every prefix (1–24
-- characters) of every word of the name ('n:har') and of the file name ('f:cv'). A search word
-- becomes one element ('n:dent'), so a search is an indexed containment test (@>), with no
-- extension needed (pg_trgm is not installed everywhere). A trigger keeps the array current
-- whoever writes the row (intake, the worker, merges, seeds, the benchmark's bulk INSERT). It reads
-- the file name from "ResumeFile", so that row must be written by an earlier statement (as every
-- writer does): a file inserted by the same statement (one WITH … INSERT) is not visible to it.

-- The words of a name or file name: camelCase split, lower-cased, common accents folded, split at
-- anything that is not a letter or digit.
CREATE FUNCTION search_words(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(word), '{}') FROM regexp_split_to_table(
    translate(
      lower(regexp_replace(coalesce(value, ''), '([a-z])([A-Z])', '\1 \2', 'g')),
      'àáâãäåāăąçćčďèéêëēėęěìíîïīįıłñńňòóôõöøōőřśšşťùúûüūůűųýÿžźżß',
      'aaaaaaaaacccdeeeeeeeeiiiiiiilnnnoooooooorsssttuuuuuuuuyyzzzs'
    ),
    '[^[:alnum:]]+'
  ) AS word WHERE word <> ''
$$;

-- Every prefix (1 to 24 characters) of every word, tagged with its field ('n:har', 'f:cv').
CREATE FUNCTION search_prefixes(field text, value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT field || ':' || left(word, n)), '{}')
  FROM unnest(search_words(value)) word, generate_series(1, least(length(word), 24)) n
$$;

-- A search's words as the elements search_prefixes stores for them ('n:dent'); '{}' for none.
CREATE FUNCTION search_query(field text, query text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT field || ':' || left(word, 24)), '{}') FROM unnest(search_words(query)) word
$$;

-- An application's search elements: its name's (unless the name is only the file name, as before
-- a résumé is read or when it names nobody) and its file name's without the extension.
CREATE FUNCTION application_search_tokens(display_name text, file_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT search_prefixes('n', CASE WHEN display_name IS DISTINCT FROM file_name THEN display_name END)
    || search_prefixes('f', regexp_replace(coalesce(file_name, ''), '\.[[:alnum:]]{1,5}$', ''))
$$;

ALTER TABLE "Application" ADD COLUMN "searchTokens" TEXT[] NOT NULL DEFAULT '{}';

CREATE FUNCTION application_search_tokens_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchTokens" := application_search_tokens(
    NEW."displayName",
    (SELECT "originalName" FROM "ResumeFile" WHERE id = NEW."resumeFileId")
  );
  RETURN NEW;
END
$$;

CREATE TRIGGER "Application_searchTokens"
BEFORE INSERT OR UPDATE OF "displayName", "resumeFileId", "searchTokens" ON "Application"
FOR EACH ROW EXECUTE FUNCTION application_search_tokens_trigger();

UPDATE "Application" a SET "searchTokens" = application_search_tokens(a."displayName", rf."originalName")
FROM "ResumeFile" rf WHERE rf.id = a."resumeFileId";

CREATE INDEX "Application_searchTokens_idx" ON "Application" USING GIN ("searchTokens");

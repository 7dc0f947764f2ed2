-- How many institutions' names hold each word, folded as atlas_fold folds names. Affiliation matching
-- (lib/data/open/match.ts) looks a part up for typos by its uncommon words only: a word that hundreds of names hold
-- ("council" in "… Council for Higher Education", "children" in "… Children's Hospital") leads the trigram index to
-- all of them, each compared with the part (80 ms on the world database), and tells nothing apart. A static list of
-- common words cannot know which words a registry's names repeat; these counts do.
-- A materialized view, refreshed after every bulk load of names (prisma/directory/load.ts): a name added one at a
-- time between refreshes only has its words counted later, and a word the view does not know is taken as uncommon,
-- so a stale count never hides a name from matching.
CREATE MATERIALIZED VIEW atlas_name_words AS
  SELECT w AS word, count(DISTINCT n."institutionId")::int AS names
  FROM "InstitutionName" n CROSS JOIN LATERAL unnest(string_to_array(atlas_fold(n.name), ' ')) AS w
  WHERE w <> ''
  GROUP BY w;

-- REFRESH … CONCURRENTLY needs a unique index; the lookups read by word.
CREATE UNIQUE INDEX atlas_name_words_word_idx ON atlas_name_words (word);

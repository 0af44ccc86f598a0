-- Similar-idea suggestions moved to an index in the server's memory, one per challenge or space
-- (src/ideas/similar_index.hpp): FTS5 scored every idea of the table that shared a word and
-- only then kept the scope's, ~100 ms a request at 200,000 ideas. The full-text table and the
-- triggers that kept it in step go; what stays are two numbers per space: one moves with
-- every idea inserted or updated in it, so each node knows when its index is out of date; the
-- other also with votes, comments, interest and authors, for the cached idea lists.
DROP TRIGGER ideas_fts_insert;
DROP TRIGGER ideas_fts_delete;
DROP TRIGGER ideas_fts_update;
DROP TABLE ideas_fts;

CREATE TABLE idea_space_versions (
    space_id INTEGER PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
    text_version INTEGER NOT NULL,  -- titles, descriptions, visibility: the similar-ideas index
    list_version INTEGER NOT NULL   -- anything an idea list shows (counts, status, authors too)
);

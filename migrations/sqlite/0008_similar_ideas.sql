-- Similar-idea suggestions moved to an index in the server's memory, one per challenge or space
-- (src/ideas/similar_index.hpp): FTS5 scored every idea of the table that shared a word and
-- only then kept the scope's, ~100 ms a request at 200,000 ideas. The full-text table and the
-- triggers that kept it in step go; what stays is a number per space that moves with every
-- idea inserted or updated in it, so each node knows when its index is out of date.
DROP TRIGGER ideas_fts_insert;
DROP TRIGGER ideas_fts_delete;
DROP TRIGGER ideas_fts_update;
DROP TABLE ideas_fts;

CREATE TABLE idea_search_versions (
    space_id INTEGER PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
    version INTEGER NOT NULL
);

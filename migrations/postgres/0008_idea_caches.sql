-- Similar-idea suggestions moved to an index in the server's memory, one per challenge or space
-- (src/ideas/similar_index.hpp), the same on both engines. The tsvector column and its GIN
-- index go; what stays are two numbers per space: one moves with every idea inserted or
-- updated in it, so each node knows when its index is out of date; the other also with votes,
-- comments, interest and authors, for the cached idea lists.
DROP INDEX ideas_search;
ALTER TABLE ideas DROP COLUMN search;

CREATE TABLE idea_space_versions (
    space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
    text_version BIGINT NOT NULL,  -- titles, descriptions, visibility: the similar-ideas index
    list_version BIGINT NOT NULL   -- anything an idea list shows (counts, status, authors too)
);

-- Similar-idea suggestions moved to an index in the server's memory, one per challenge or space
-- (src/ideas/similar_index.hpp), the same on both engines. The tsvector column and its GIN
-- index go; what stays is a number per space that moves with every idea inserted or updated
-- in it, so each node knows when its index is out of date.
DROP INDEX ideas_search;
ALTER TABLE ideas DROP COLUMN search;

CREATE TABLE idea_search_versions (
    space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
    version BIGINT NOT NULL
);

-- Reads of ideas at scale (400 challenges, 200,000 ideas; bench/ideas/run.sh): a challenge's
-- ideas by votes or by interest are listed `ORDER BY <count> DESC, id DESC` (the keyset cursor
-- continues with `id < after`). The indexes of 0005 order ties by id ascending, so every list
-- sorted the tail of ties (most ideas have no votes and no interest) in a temporary B-tree;
-- these give the rows in the order asked for and the list stops after `limit + 1` of them.
DROP INDEX ideas_challenge_votes;
DROP INDEX ideas_challenge_interest;
CREATE INDEX ideas_challenge_votes ON ideas (challenge_id, vote_count DESC, id DESC);
CREATE INDEX ideas_challenge_interest ON ideas (challenge_id, interest_score DESC, id DESC);

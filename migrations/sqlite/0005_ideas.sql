-- Ideas and challenges (docs/design/ideas.md): challenges in spaces with a versioned
-- protocol, ideas with authors, build-on links, votes, comments, stakeholder interest,
-- internal reviews, attachments (metadata only: the bytes live in the data directory),
-- reports and the points ledger. Counts shown in sorted lists are denormalised onto ideas
-- and kept by the service in the same transaction as the row they count.

CREATE TABLE challenges (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    goals TEXT NOT NULL DEFAULT '[]',
    audience TEXT NOT NULL CHECK (audience IN ('internal','external','both')),
    sponsor_id INTEGER REFERENCES users (id),
    submission_opens TEXT NOT NULL,
    discussion_opens TEXT NOT NULL,
    voting_opens TEXT NOT NULL,
    review_opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    votes_per_person INTEGER NOT NULL DEFAULT 5,
    leaderboard INTEGER NOT NULL DEFAULT 1 CHECK (leaderboard IN (0, 1)),
    criteria TEXT NOT NULL DEFAULT '[]',
    fit TEXT,  -- the intake answers (JSON), or NULL when not answered
    protocol_version INTEGER NOT NULL DEFAULT 1,
    idea_count INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX challenges_space ON challenges (space_id, id);

CREATE TABLE challenge_protocols (
    challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    changed_by INTEGER REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (challenge_id, version)
);

CREATE TABLE ideas (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    challenge_id INTEGER REFERENCES challenges (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new','under_review','selected','in_project','parked','declined')),
    decline_reason TEXT,
    project_id INTEGER REFERENCES projects (id),
    merged_into INTEGER REFERENCES ideas (id),
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    moderation_note TEXT,
    moderated_by INTEGER REFERENCES users (id),
    vote_count INTEGER NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0,
    interest_score INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ideas_challenge_votes ON ideas (challenge_id, vote_count DESC, id);
CREATE INDEX ideas_challenge_interest ON ideas (challenge_id, interest_score DESC, id);
CREATE INDEX ideas_space ON ideas (space_id, id);
CREATE INDEX ideas_project ON ideas (project_id);

-- Full-text search over title and description for duplicate suggestions; kept in step with
-- ideas by the triggers below (external-content table: the text is stored once).
CREATE VIRTUAL TABLE ideas_fts USING fts5 (title, description, content = 'ideas', content_rowid = 'id');
CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER ideas_fts_update AFTER UPDATE OF title, description ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO ideas_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

CREATE TABLE idea_authors (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('author','co_author')),
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_authors_user ON idea_authors (user_id);

CREATE TABLE idea_links (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    builds_on_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (idea_id, builds_on_id),
    CHECK (idea_id <> builds_on_id)
);
CREATE INDEX idea_links_target ON idea_links (builds_on_id);

CREATE TABLE idea_votes (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    challenge_id INTEGER REFERENCES challenges (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_votes_user ON idea_votes (user_id, challenge_id);

CREATE TABLE idea_interest (
    id INTEGER PRIMARY KEY,
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    level TEXT NOT NULL CHECK (level IN ('curious','interested','committed')),
    noted_on TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('manual','interaction')),
    interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
    recorded_by INTEGER REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX idea_interest_idea ON idea_interest (idea_id, noted_on, id);
CREATE INDEX idea_interest_stakeholder ON idea_interest (stakeholder_id);

CREATE TABLE idea_reviews (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES users (id),
    scores TEXT NOT NULL DEFAULT '{}',
    note TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (idea_id, reviewer_id)
);

CREATE TABLE idea_attachments (
    id INTEGER PRIMARY KEY,
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX idea_attachments_idea ON idea_attachments (idea_id, id);
-- Files are stored once per content: a delete removes the file when no row uses it any more.
CREATE INDEX idea_attachments_sha256 ON idea_attachments (sha256);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES comments (id),
    body TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id),
    hostile INTEGER NOT NULL DEFAULT 0 CHECK (hostile IN (0, 1)),
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    moderation_note TEXT,
    moderated_by INTEGER REFERENCES users (id),
    helpful_count INTEGER NOT NULL DEFAULT 0,
    edited_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX comments_idea ON comments (idea_id, created_at, id);

CREATE TABLE comment_mentions (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE comment_helpful (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    object_type TEXT NOT NULL CHECK (object_type IN ('idea','comment')),
    object_id INTEGER NOT NULL,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    reason TEXT NOT NULL,
    reporter_id INTEGER REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
    resolution TEXT,
    resolved_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX reports_open ON reports (status, space_id, id);

-- One row per award; the unique key makes every award happen at most once.
CREATE TABLE points (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    challenge_id INTEGER REFERENCES challenges (id),
    reason TEXT NOT NULL,
    points INTEGER NOT NULL,
    object_type TEXT NOT NULL,
    object_id INTEGER NOT NULL,
    from_user_id INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (reason, object_type, object_id, user_id, from_user_id)
);
CREATE INDEX points_user ON points (user_id);
CREATE INDEX points_challenge ON points (challenge_id, user_id);

-- Identity, spaces, invitations, tokens and the event log.
-- Times are UTC text "YYYY-MM-DDTHH:MM:SS.mmmZ" (sorts in time order on both engines).

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('own','customer','partner','supplier','regulator','ngo','academia','other')),
    domain TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin','innovation_manager','member','external')),
    capabilities TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    last_sign_in_at TEXT
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    revoked_at TEXT
);
CREATE UNIQUE INDEX sessions_token ON sessions (token_hash);
CREATE INDEX sessions_user ON sessions (user_id, id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE spaces (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('community','project_room','challenge_area')),
    external_allowed INTEGER NOT NULL DEFAULT 1 CHECK (external_allowed IN (0, 1)),
    experimental INTEGER NOT NULL DEFAULT 0 CHECK (experimental IN (0, 1)),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE space_members (
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    space_role TEXT NOT NULL CHECK (space_role IN ('owner','moderator','member','guest')),
    added_at TEXT NOT NULL,
    PRIMARY KEY (space_id, user_id)
);
CREATE INDEX space_members_user ON space_members (user_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    email TEXT NOT NULL,
    display_name TEXT,
    space_role TEXT NOT NULL CHECK (space_role IN ('owner','moderator','member','guest')),
    organisation_id INTEGER REFERENCES organisations (id),
    token_hash TEXT NOT NULL,
    invited_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    accepted_user_id INTEGER REFERENCES users (id),
    revoked_at TEXT
);
CREATE UNIQUE INDEX invitations_token ON invitations (token_hash);
CREATE INDEX invitations_space ON invitations (space_id, id);

CREATE TABLE sign_in_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at TEXT NOT NULL,
    blocked_until TEXT
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    verb TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id INTEGER,
    space_id INTEGER REFERENCES spaces (id),
    visibility TEXT NOT NULL CHECK (visibility IN ('internal','space')),
    payload TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_actor ON events (actor_id, id);
CREATE INDEX events_object ON events (object_type, object_id, id);
CREATE INDEX events_space ON events (space_id, id);
CREATE INDEX events_verb ON events (verb, id);

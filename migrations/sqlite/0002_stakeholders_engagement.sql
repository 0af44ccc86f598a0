-- Stakeholders (the registry) and engagement (interactions, follow-ups, cadences,
-- expectations, capacity). Times are UTC text as in 0001; dates are "YYYY-MM-DD".
-- List-valued fields nobody filters on (links, value drivers, resources) are JSON text;
-- tags, team, spaces, affiliations and relations are rows so they can be queried (tags are
-- also kept comma-joined on the stakeholder row, so a list page needs one query).

CREATE TABLE stakeholders (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('organisation','person')),
    name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('customer','prospect','partner','supplier','regulator','ngo','academia',
                                       'internal_gatekeeper','internal_team','other')),
    internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    gatekeeper_area TEXT CHECK (gatekeeper_area IN ('legal','tax','hr','procurement','finance','security','compliance','other')),
    industry TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    size TEXT CHECK (size IN ('micro','small','medium','large','enterprise')),
    email TEXT,
    domain TEXT,
    tags TEXT NOT NULL DEFAULT '',
    links TEXT NOT NULL DEFAULT '[]',
    value_chain TEXT NOT NULL DEFAULT '',
    value_drivers TEXT NOT NULL DEFAULT '[]',
    resources TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    owner_id INTEGER REFERENCES users (id),
    level TEXT NOT NULL CHECK (level IN ('unaware','aware','interested','engaged','co_creating','advocate')),
    level_rank INTEGER NOT NULL,
    level_changed_at TEXT NOT NULL,
    emotion_valence INTEGER CHECK (emotion_valence BETWEEN -2 AND 2),
    emotion_intensity INTEGER CHECK (emotion_intensity BETWEEN 0 AND 3),
    emotion_observed_at TEXT,
    last_contact_at TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX stakeholders_name ON stakeholders (sort_name, id);
CREATE INDEX stakeholders_kind ON stakeholders (kind, sort_name, id);
CREATE INDEX stakeholders_owner ON stakeholders (owner_id, sort_name, id);
CREATE INDEX stakeholders_region ON stakeholders (region, sort_name, id);
CREATE INDEX stakeholders_level ON stakeholders (level_rank, id);
CREATE INDEX stakeholders_contact ON stakeholders (last_contact_at, id);
CREATE INDEX stakeholders_updated ON stakeholders (updated_at, id);
CREATE INDEX stakeholders_email ON stakeholders (email);
CREATE INDEX stakeholders_domain ON stakeholders (domain);
CREATE INDEX stakeholders_intensity ON stakeholders (emotion_intensity, id);

CREATE TABLE stakeholder_tags (
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (stakeholder_id, tag)
);
CREATE INDEX stakeholder_tags_tag ON stakeholder_tags (tag, stakeholder_id);

CREATE TABLE stakeholder_team (
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    PRIMARY KEY (stakeholder_id, user_id)
);
CREATE INDEX stakeholder_team_user ON stakeholder_team (user_id);

CREATE TABLE stakeholder_spaces (
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    PRIMARY KEY (stakeholder_id, space_id)
);
CREATE INDEX stakeholder_spaces_space ON stakeholder_spaces (space_id, stakeholder_id);

CREATE TABLE affiliations (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX affiliations_pair ON affiliations (person_id, organisation_id);
CREATE INDEX affiliations_organisation ON affiliations (organisation_id, person_id);

CREATE TABLE stakeholder_relations (
    id INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('supplies','partners_with','regulates','invests_in','influences','competes_with','other')),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX stakeholder_relations_triple ON stakeholder_relations (from_id, to_id, kind);
CREATE INDEX stakeholder_relations_to ON stakeholder_relations (to_id);

CREATE TABLE stakeholder_levels (
    id INTEGER PRIMARY KEY,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    level TEXT NOT NULL,
    previous TEXT,
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX stakeholder_levels_stakeholder ON stakeholder_levels (stakeholder_id, recorded_at, id);

CREATE TABLE stakeholder_emotions (
    id INTEGER PRIMARY KEY,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    valence INTEGER NOT NULL CHECK (valence BETWEEN -2 AND 2),
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 3),
    source TEXT NOT NULL CHECK (source IN ('interaction','observation','survey','other')),
    note TEXT NOT NULL DEFAULT '',
    observed_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX stakeholder_emotions_stakeholder ON stakeholder_emotions (stakeholder_id, observed_at, id);

CREATE TABLE stakeholder_needs (
    id INTEGER PRIMARY KEY,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('need','pain')),
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open','addressed','dropped')),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stakeholder_needs_stakeholder ON stakeholder_needs (stakeholder_id, created_at, id);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('call','video_call','meeting','visit','workshop','email','event','other')),
    mode TEXT NOT NULL CHECK (mode IN ('remote','in_person')),
    status TEXT NOT NULL CHECK (status IN ('planned','held','cancelled')),
    occurred_at TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX interactions_time ON interactions (occurred_at, id);
CREATE INDEX interactions_status ON interactions (status, occurred_at);

CREATE TABLE interaction_participants (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (interaction_id, user_id)
);
CREATE INDEX interaction_participants_user ON interaction_participants (user_id, interaction_id);

-- occurred_at and status are copied from the interaction so a stakeholder's timeline and
-- last contact come from one index.
CREATE TABLE interaction_stakeholders (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    status TEXT NOT NULL,
    interest TEXT CHECK (interest IN ('none','curious','interested','committed')),
    interest_topic TEXT NOT NULL DEFAULT '',
    valence INTEGER CHECK (valence BETWEEN -2 AND 2),
    intensity INTEGER CHECK (intensity BETWEEN 0 AND 3),
    PRIMARY KEY (interaction_id, stakeholder_id)
);
CREATE INDEX interaction_stakeholders_stakeholder ON interaction_stakeholders (stakeholder_id, occurred_at, interaction_id);

CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    owner_id INTEGER NOT NULL REFERENCES users (id),
    due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','done','cancelled')),
    effort_minutes INTEGER NOT NULL,
    stakeholder_id INTEGER REFERENCES stakeholders (id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT,
    reminded_due_soon_at TEXT,
    reminded_overdue_at TEXT
);
CREATE INDEX follow_ups_owner ON follow_ups (owner_id, status, due_on, id);
CREATE INDEX follow_ups_due ON follow_ups (status, due_on, id);
CREATE INDEX follow_ups_stakeholder ON follow_ups (stakeholder_id, created_at, id);
CREATE INDEX follow_ups_interaction ON follow_ups (interaction_id);

CREATE TABLE cadences (
    id INTEGER PRIMARY KEY,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    label TEXT NOT NULL,
    interval_kind TEXT NOT NULL CHECK (interval_kind IN ('weekly','biweekly','monthly','quarterly','custom')),
    every_days INTEGER,
    format TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    next_due_on TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cadences_due ON cadences (paused, next_due_on, id);
CREATE INDEX cadences_owner ON cadences (owner_id, next_due_on, id);
CREATE INDEX cadences_stakeholder ON cadences (stakeholder_id);

CREATE TABLE expectations (
    id INTEGER PRIMARY KEY,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    direction TEXT NOT NULL CHECK (direction IN ('we_promised','they_expect')),
    description TEXT NOT NULL,
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open','met','missed','dropped')),
    owner_id INTEGER REFERENCES users (id),
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX expectations_stakeholder ON expectations (stakeholder_id, created_at, id);
CREATE INDEX expectations_status ON expectations (status, id);

CREATE TABLE capacities (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 60),
    team TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX capacities_team ON capacities (team);

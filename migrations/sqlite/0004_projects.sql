-- Co-innovation projects: versioned frameworks, projects, gate reviews and KPI values.
-- A framework version's phases and KPIs are one JSON document (read whole, never queried
-- inside); a project's small nested state (kill criteria, exit-criteria checks, fit answers,
-- health signals) is JSON text too. Everything that is listed, filtered or counted is a column
-- or a row.

CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    current_version INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE framework_versions (
    framework_id INTEGER NOT NULL REFERENCES frameworks (id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    published_by INTEGER REFERENCES users (id),
    published_at TEXT NOT NULL,
    PRIMARY KEY (framework_id, version)
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    problem_statement TEXT NOT NULL,
    hypothesis TEXT NOT NULL,
    lead_id INTEGER NOT NULL REFERENCES users (id),
    sponsor_id INTEGER REFERENCES users (id),
    framework_id INTEGER NOT NULL REFERENCES frameworks (id),
    framework_version INTEGER NOT NULL,
    phase_key TEXT NOT NULL,
    phase_entered_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active','on_hold','stopped','completed')),
    kill_criteria TEXT NOT NULL DEFAULT '[]',
    criteria_checks TEXT NOT NULL DEFAULT '{}',
    fit TEXT NOT NULL DEFAULT '{}',
    fit_score INTEGER NOT NULL DEFAULT 0,
    budget_amount INTEGER,
    budget_currency TEXT,
    effort_days INTEGER,
    share_space_id INTEGER REFERENCES spaces (id),
    share_summary TEXT,
    shared_at TEXT,
    learned TEXT,
    do_differently TEXT,
    health_score INTEGER NOT NULL DEFAULT 100,
    health_level TEXT NOT NULL DEFAULT 'healthy',
    ask_first INTEGER NOT NULL DEFAULT 0 CHECK (ask_first IN (0, 1)),
    health_signals TEXT NOT NULL DEFAULT '[]',
    health_computed_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX projects_board ON projects (framework_id, status, phase_key, health_score, id);
CREATE INDEX projects_status ON projects (status, id);
CREATE INDEX projects_lead ON projects (lead_id, id);
CREATE INDEX projects_share ON projects (share_space_id);

CREATE TABLE project_team (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_team_user ON project_team (user_id);

CREATE TABLE project_stakeholders (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('customer','partner','supplier','gatekeeper','other')),
    commitment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, stakeholder_id)
);
CREATE INDEX project_stakeholders_stakeholder ON project_stakeholders (stakeholder_id);

CREATE TABLE project_needs (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    need_id INTEGER NOT NULL REFERENCES stakeholder_needs (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, need_id)
);

CREATE TABLE gate_reviews (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    from_phase TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested','decided')),
    body TEXT NOT NULL DEFAULT '{}',
    requested_by INTEGER REFERENCES users (id),
    requested_at TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('go','kill','hold','pivot')),
    to_phase TEXT,
    rationale TEXT,
    decided_by INTEGER REFERENCES users (id),
    decided_at TEXT
);
CREATE INDEX gate_reviews_project ON gate_reviews (project_id, id);
CREATE INDEX gate_reviews_status ON gate_reviews (status, id);
-- One open review per project: a second request loses with a constraint error (409).
CREATE UNIQUE INDEX gate_reviews_one_open ON gate_reviews (project_id) WHERE status = 'requested';

CREATE TABLE gate_review_decision_makers (
    review_id INTEGER NOT NULL REFERENCES gate_reviews (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (review_id, user_id)
);
CREATE INDEX gate_review_decision_makers_user ON gate_review_decision_makers (user_id, review_id);

CREATE TABLE kpi_values (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kpi_key TEXT NOT NULL,
    value REAL NOT NULL,
    recorded_on TEXT NOT NULL,
    phase_key TEXT NOT NULL,
    counts INTEGER NOT NULL CHECK (counts IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX kpi_values_series ON kpi_values (project_id, kpi_key, recorded_on, id);

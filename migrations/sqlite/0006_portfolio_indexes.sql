-- Reads of the portfolio at scale (20,000 projects, 200,000 gate reviews, 2,000,000 KPI
-- values): the board picks a column's first cards from an index alone, the health sweep
-- finds each KPI's latest counting value by one index probe, and the funnel tallies
-- decided reviews without reading their JSON bodies.
CREATE INDEX projects_board_order ON projects (framework_id, phase_key, status, ask_first, health_score, id);
CREATE INDEX kpi_values_latest ON kpi_values (project_id, kpi_key, counts, recorded_on, id, value);
CREATE INDEX gate_reviews_funnel ON gate_reviews (status, project_id, from_phase, decision, to_phase);

-- The "needs attention" list at enterprise scale: counting quiet stakeholders reads only
-- this index, and the indifferent list comes out of its index already in order.
CREATE INDEX stakeholders_quiet ON stakeholders (level_rank, last_contact_at);
DROP INDEX stakeholders_intensity;
CREATE INDEX stakeholders_indifferent ON stakeholders (emotion_intensity, emotion_observed_at, id);

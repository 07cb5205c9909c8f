-- Files are now loaded straight into the tables with an upsert, in their own transaction (no stage
-- tables: four writes per row became one). load_id says which file load last wrote an opportunity, so
-- that load can clear the duplicate flags an earlier file left on the keys it replaced.
ALTER TABLE opportunity ADD COLUMN load_id VARCHAR(64);
DROP TABLE opportunity_stage;
DROP TABLE activity_stage;
DROP TABLE feedback_stage;
DROP TABLE sales_target_stage;
DROP TABLE rep_stage;

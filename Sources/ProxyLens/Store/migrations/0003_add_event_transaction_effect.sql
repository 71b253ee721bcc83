-- proxylens schema 3: ingest notes, per application line, whether it begins (+1) or ends (-1) a
-- database transaction (see Classify/TransactionMarkers.swift), so deriving invocations does
-- not have to read every message again.
ALTER TABLE event ADD COLUMN txn_effect INTEGER NOT NULL DEFAULT 0;

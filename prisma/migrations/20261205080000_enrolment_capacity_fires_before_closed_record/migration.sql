-- Lock order on a kull: its row first, then its archive lock (kull_archive_lock_key), the order
-- archiving takes them (lib/server/intakes/life.ts). PostgreSQL fires a table's BEFORE row triggers
-- in the order of their names, so a status change of an enrolment took the archive lock in
-- "Enrolment_closed_when_archived" before "Enrolment_within_capacity" locked the kull's row FOR
-- UPDATE: the other order, and a deadlock with archiving the kull at that moment. Renamed, the
-- capacity check ("Enrolment_capacity" < "Enrolment_closed_when_archived") fires first, so even a
-- bare UPDATE takes the locks in archiving's order. The use cases lock the row first anyway
-- (lib/server/enrolments/common.ts lockEnrolment).
ALTER TRIGGER "Enrolment_within_capacity" ON "Enrolment" RENAME TO "Enrolment_capacity";

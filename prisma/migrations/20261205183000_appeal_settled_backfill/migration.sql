-- Admission klager left open on a decision that has since become an offer, or on an application
-- since withdrawn, before such klager were settled in the step that made them moot
-- (lib/server/admission/appeal-settlement.ts): there is nothing left to decide, and the adviser's
-- form now refuses them, so they are settled here, with why, and audited. A kull archived since
-- is written as the closed-record triggers allow a migration to.
SET app.closed_record_writer = 'migration';

WITH settled AS (
  UPDATE "Appeal" ap
  SET "status" = 'SETTLED',
      "decidedAt" = now(),
      "decidedById" = NULL,
      "grounds" = CASE
        WHEN p."status" = 'WITHDRAWN' THEN 'Søkeren trakk søknaden. Klagen er dermed avsluttet.'
        ELSE 'Søkeren fikk tilbud om studieplass mens klagen var til behandling. Klagen er dermed imøtekommet og avsluttet.'
      END
  FROM "Decision" d, "Application" p
  WHERE d."id" = ap."decisionId" AND p."id" = ap."applicationId" AND ap."status" = 'RECEIVED'
    AND (d."outcome" = 'OFFER' OR p."status" = 'WITHDRAWN')
  RETURNING ap."id", ap."decisionId", ap."grounds", p."status" AS "applicationStatus"
)
INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "before", "after")
SELECT NULL, 'appeal.settle', 'Appeal', s."id", '{"status": "RECEIVED"}'::jsonb,
       jsonb_build_object('status', 'SETTLED', 'cause', CASE WHEN s."applicationStatus" = 'WITHDRAWN' THEN 'WITHDRAWN' ELSE 'OFFERED' END,
                          'grounds', s."grounds", 'decisionId', s."decisionId", 'by', 'migration')
FROM settled s;

RESET app.closed_record_writer;

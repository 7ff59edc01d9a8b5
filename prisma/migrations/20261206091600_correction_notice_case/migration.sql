-- A forhåndsvarsel opens a case, and the decision it announces (ARBEIDSKRAV_NOT_APPROVED)
-- continues it (DECIDES_NOTICE in lib/domain/student-letter.ts): the two share the number, so
-- the notice is left out of the index that lets a case be opened once, as the letters that answer
-- an earlier letter are (holdsCaseAlone; a test compares this list with it). The notice draws its
-- number from the sequence, so no other case has it. Its own migration: a value added to an enum
-- cannot be used in the transaction that adds it.
DROP INDEX "StudentLetter_caseNumber_opened_key";

CREATE UNIQUE INDEX "StudentLetter_caseNumber_opened_key" ON "StudentLetter"("caseNumber")
WHERE "kind" NOT IN ('KLAGE_REVERSED', 'KLAGE_UPHELD', 'DECISION_CHANGED', 'LEAVE_ENDED', 'LEAVE_CANCELLED', 'CORRECTION_NOTICE', 'CORRECTION_NOTICE_WITHDRAWN');

-- A case number is opened once. The index guarded only the enkeltvedtak; the letters that give
-- what was asked (leave granted, withdrawal, completion, transfer, utsatt eksamen granted) open a
-- case too. It now covers every letter that opens one: every kind except those that answer an
-- earlier letter and carry its case (ANSWERS_EARLIER_LETTER in lib/domain/student-letter.ts; a
-- test compares this list with it). The end of a leave (LEAVE_ENDED, LEAVE_CANCELLED) continues
-- the case of the decision on the leave from now on. The ones issued before kept the number they
-- were sent with (a letter is never changed), each drawn from the sequence: none is shared.
DROP INDEX "StudentLetter_caseNumber_opened_key";

CREATE UNIQUE INDEX "StudentLetter_caseNumber_opened_key" ON "StudentLetter"("caseNumber")
WHERE "kind" NOT IN ('KLAGE_REVERSED', 'KLAGE_UPHELD', 'DECISION_CHANGED', 'LEAVE_ENDED', 'LEAVE_CANCELLED');

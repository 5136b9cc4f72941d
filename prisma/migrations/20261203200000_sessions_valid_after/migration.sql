-- Sessions signed in before this time are not honoured: reactivating a person, setting their password or
-- changing their role ends the sessions they had before. NULL: every session of theirs is honoured.
ALTER TABLE "Person" ADD COLUMN "sessionsValidAfter" TIMESTAMPTZ(3);

-- The scheduled message runs done ("week-opened:2026-W50"), written with their messages: the planner does not
-- queue a run again once it is done, however often it plans.
CREATE TABLE "ScheduledRun" (
    "key" TEXT NOT NULL,
    "ranAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("key")
);

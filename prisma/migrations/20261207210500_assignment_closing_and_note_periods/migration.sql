-- An assignment a lead closed by hand, and who closed it (ADR 021).
ALTER TABLE "Assignment" ADD COLUMN "closedAt" TIMESTAMP(3),
ADD COLUMN "closedById" TEXT;

CREATE INDEX "Assignment_closedById_idx" ON "Assignment"("closedById");

ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A lead note's report period and the moment in it the note is dated to; notes written
-- before this keep the day they were written.
ALTER TABLE "GrowthNote" ADD COLUMN "periodFrom" TIMESTAMP(3),
ADD COLUMN "periodTo" TIMESTAMP(3),
ADD COLUMN "datedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "GrowthNote" SET "datedAt" = "createdAt";

CREATE INDEX "GrowthNote_userId_datedAt_idx" ON "GrowthNote"("userId", "datedAt");

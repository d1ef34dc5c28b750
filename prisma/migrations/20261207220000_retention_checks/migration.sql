-- Retention checks (ADR 026): one FSRS card per learner × bug family, the attempts that were
-- checks, a team's switch for them, and each exercise's family copied out of its metadata.
ALTER TABLE "Exercise" ADD COLUMN "family" TEXT;
UPDATE "Exercise" e SET "family" = v."metadata"->>'family' FROM "ExerciseVersion" v WHERE v."id" = e."currentVersionId";
CREATE INDEX "Exercise_family_idx" ON "Exercise"("family");

ALTER TABLE "Team" ADD COLUMN "retentionChecks" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "RetentionCard" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" TIMESTAMP(3),
    "scheduledDays" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "lastAttemptId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionCard_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RetentionCheck" (
    "attemptId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "intervalDays" INTEGER NOT NULL,
    "previousAttemptId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionCheck_pkey" PRIMARY KEY ("attemptId")
);

CREATE UNIQUE INDEX "RetentionCard_userId_family_key" ON "RetentionCard"("userId", "family");
CREATE INDEX "RetentionCard_organizationId_due_idx" ON "RetentionCard"("organizationId", "due");
CREATE INDEX "RetentionCheck_userId_family_idx" ON "RetentionCheck"("userId", "family");
CREATE INDEX "RetentionCheck_organizationId_idx" ON "RetentionCheck"("organizationId");

ALTER TABLE "RetentionCard" ADD CONSTRAINT "RetentionCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RetentionCheck" ADD CONSTRAINT "RetentionCheck_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SkillRating" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL,
    "rd" DOUBLE PRECISION NOT NULL,
    "volatility" DOUBLE PRECISION NOT NULL,
    "games" INTEGER NOT NULL,
    "lastPlayedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkillRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExerciseRating" (
    "exerciseId" TEXT NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL,
    "rd" DOUBLE PRECISION NOT NULL,
    "volatility" DOUBLE PRECISION NOT NULL,
    "games" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExerciseRating_pkey" PRIMARY KEY ("exerciseId")
);

-- CreateTable
CREATE TABLE "RatingChange" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "ratingBefore" DOUBLE PRECISION NOT NULL,
    "ratingAfter" DOUBLE PRECISION NOT NULL,
    "rdBefore" DOUBLE PRECISION NOT NULL,
    "rdAfter" DOUBLE PRECISION NOT NULL,
    "delta" DOUBLE PRECISION NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "solved" BOOLEAN NOT NULL,
    "hintsRevealed" INTEGER NOT NULL,
    "outsidePastes" INTEGER NOT NULL,
    "exerciseRating" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptMetrics" (
    "attemptId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "solved" BOOLEAN NOT NULL,
    "firstAttempt" BOOLEAN NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "timeToFirstHypothesisMs" INTEGER,
    "timeToRootCauseMs" INTEGER,
    "runsPerDiagnosis" INTEGER NOT NULL,
    "runs" INTEGER NOT NULL,
    "predictionsScored" INTEGER NOT NULL,
    "predictionsRight" INTEGER NOT NULL,
    "submissions" INTEGER NOT NULL,
    "failedFixes" INTEGER NOT NULL,
    "rework" INTEGER NOT NULL,
    "hintsUsed" INTEGER NOT NULL,
    "outsidePastes" INTEGER NOT NULL,
    "attested" BOOLEAN NOT NULL,
    "independent" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttemptMetrics_pkey" PRIMARY KEY ("attemptId")
);

-- CreateTable
CREATE TABLE "GrowthNote" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GrowthNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SkillRating_userId_topic_key" ON "SkillRating"("userId", "topic");

-- CreateIndex
CREATE INDEX "RatingChange_organizationId_userId_at_idx" ON "RatingChange"("organizationId", "userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RatingChange_attemptId_topic_key" ON "RatingChange"("attemptId", "topic");

-- CreateIndex
CREATE INDEX "AttemptMetrics_organizationId_userId_finishedAt_idx" ON "AttemptMetrics"("organizationId", "userId", "finishedAt");

-- CreateIndex
CREATE INDEX "AttemptMetrics_exerciseId_finishedAt_idx" ON "AttemptMetrics"("exerciseId", "finishedAt");

-- CreateIndex
CREATE INDEX "GrowthNote_userId_createdAt_idx" ON "GrowthNote"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "GrowthNote_organizationId_idx" ON "GrowthNote"("organizationId");

-- CreateIndex
CREATE INDEX "GrowthNote_authorId_idx" ON "GrowthNote"("authorId");

-- AddForeignKey
ALTER TABLE "SkillRating" ADD CONSTRAINT "SkillRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseRating" ADD CONSTRAINT "ExerciseRating_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingChange" ADD CONSTRAINT "RatingChange_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptMetrics" ADD CONSTRAINT "AttemptMetrics_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthNote" ADD CONSTRAINT "GrowthNote_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthNote" ADD CONSTRAINT "GrowthNote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthNote" ADD CONSTRAINT "GrowthNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

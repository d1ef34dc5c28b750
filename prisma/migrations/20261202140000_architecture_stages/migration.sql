-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "decisionRecord" JSONB,
ADD COLUMN     "stage" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "StageSubmission" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "files" JSONB NOT NULL,
    "record" JSONB NOT NULL,
    "scenarios" JSONB NOT NULL,
    "scenariosPassed" INTEGER NOT NULL,
    "scenariosTotal" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StageSubmission_attemptId_number_key" ON "StageSubmission"("attemptId", "number");

-- AddForeignKey
ALTER TABLE "StageSubmission" ADD CONSTRAINT "StageSubmission_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

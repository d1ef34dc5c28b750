-- Ratings that use more evidence (ADR 024): what a rated attempt scored and the evidence the
-- score came from, so its explanation can say why. Rows written before this were rated as
-- solved or not (rule 1); their score and evidence are null until the ratings are recomputed
-- (`npm run ratings:replay -- --database` rewrites every rating under the current rule).
ALTER TABLE "RatingChange" ADD COLUMN "rule" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "score" DOUBLE PRECISION,
ADD COLUMN "minutesToRootCause" DOUBLE PRECISION,
ADD COLUMN "failedFixes" INTEGER,
ADD COLUMN "estimatedMinutes" INTEGER;

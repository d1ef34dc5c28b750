-- An architecture attempt's attestation that the work was unaided, asked once the attempt
-- has ended and kept on its last stage submission, as a diagnosis keeps it.
ALTER TABLE "StageSubmission" ADD COLUMN "attested" BOOLEAN NOT NULL DEFAULT false;

import { type CheckRun } from './report-step';

export type GateDecision = { allowed: boolean; reasons: string[] };

/** Checks that must be green on a commit before it may be deployed to production. */
export const REQUIRED_CHECKS = ['lint', 'build', 'tests'];

/**
 * The deploy gate: a commit may go out only when the latest run of every required check
 * on that exact commit succeeded.
 */
export function deployDecision(sha: string, checks: readonly CheckRun[]): GateDecision {
  const reasons: string[] = [];
  for (const name of REQUIRED_CHECKS) {
    const latest = checks.filter((check) => check.sha === sha && check.name === name).at(-1);
    if (!latest) reasons.push(`${name}: no result for ${sha.slice(0, 7)}`);
    else if (latest.conclusion !== 'success') reasons.push(`${name}: ${latest.conclusion} (${latest.title})`);
  }
  return { allowed: reasons.length === 0, reasons };
}

// The part of the sandbox runner's contract (app/runner/protocol.ts) that exercise
// validation uses, derived from it so the two cannot drift. The validator takes `run` as a
// parameter, so it is tested with a fake and the CLI passes the real runner.
import type { RunLimits, RunRequest, RunResult, TestResult } from '#app/runner/protocol.ts'

export type SandboxLimits = RunLimits
export type SandboxRunRequest = Pick<RunRequest, 'files' | 'testFiles' | 'seed' | 'limits'>
export type SandboxTestResult = Pick<TestResult, 'name' | 'file' | 'status' | 'message' | 'durationMs' | 'scenario'>
export type SandboxRunResult = Pick<RunResult, 'status' | 'message' | 'limit'> & { tests: SandboxTestResult[] }

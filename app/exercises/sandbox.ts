// The part of the sandbox runner's contract (app/runner) that exercise validation uses.
// The validator takes `run` as a parameter, so it is tested with a fake and the CLI
// passes the real runner.
export type SandboxLimits = { sourceBytes: number; cpuMs: number; wallMs: number; memoryMb: number; outputBytes: number; maxTests: number }

export type SandboxRunRequest = {
	/** 'src/cart.ts', 'tests/visible/cart.test.ts' → source. */
	files: Record<string, string>
	testFiles?: string[]
	seed?: number
	limits?: Partial<SandboxLimits>
}

export type SandboxTestResult = {
	name: string
	file: string
	status: 'pass' | 'fail' | 'error' | 'skip'
	message?: string
	durationMs: number
}

export type SandboxRunResult = {
	status: 'pass' | 'fail' | 'error'
	message?: string
	tests: SandboxTestResult[]
	limit?: 'time' | 'memory' | 'output' | 'source-size' | 'tests' | 'queue'
}

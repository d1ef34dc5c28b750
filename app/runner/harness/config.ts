// The run's configuration: the host sets it before learner code runs (api.configure), and
// tests change the default timeout with vi.setConfig or jest.setTimeout.
export const config = { seed: 1, startTime: Date.UTC(2026, 0, 5, 9, 0, 0), testTimeoutMs: 5000, outputBytes: 64 * 1024, maxTests: 500 }

import { type SuiteResult } from './junit';

export type FailedTest = { shard: string; suite: string; test: string; message?: string };

export type Totals = { passed: number; failed: number; skipped: number };

/** Everything the run's test jobs reported, shard by shard. */
export class TestSummary {
  private readonly suites: Array<{ shard: string; suite: SuiteResult }> = [];
  private readonly problems: string[] = [];

  add(shard: string, suites: readonly SuiteResult[]): void {
    for (const suite of suites) this.suites.push({ shard, suite });
  }

  /** A shard whose results are missing or unreadable; the run cannot be called green. */
  problem(description: string): void {
    this.problems.push(description);
  }

  totals(): Totals {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    for (const { suite } of this.suites) for (const testCase of suite.cases) totals[testCase.status] += 1;
    return totals;
  }

  failures(): FailedTest[] {
    const failed: FailedTest[] = [];
    for (const { shard, suite } of this.suites) {
      for (const testCase of suite.cases) {
        if (testCase.status === 'failed') failed.push({ shard, suite: suite.name, test: testCase.name, message: testCase.message });
      }
    }
    return failed.sort((a, b) => `${a.shard}/${a.suite}/${a.test}`.localeCompare(`${b.shard}/${b.suite}/${b.test}`));
  }

  problemsFound(): string[] {
    return [...this.problems];
  }

  conclusion(): 'success' | 'failure' {
    const totals = this.totals();
    if (this.problems.length > 0 || totals.failed > 0) return 'failure';
    return totals.passed > 0 ? 'success' : 'failure';
  }
}

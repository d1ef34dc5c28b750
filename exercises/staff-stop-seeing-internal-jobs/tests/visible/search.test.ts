import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type SearchParams } from '../../src/search/params';
import { type Viewer } from '../../src/search/types';
import { anna, bilal, board } from './board';

type Search = ReturnType<typeof board>['search'];

async function run(search: Search, params: SearchParams, viewer: Viewer) {
  const pending = search(params, viewer);
  await vi.advanceTimersByTimeAsync(100);
  return pending;
}

function ids(response: Awaited<ReturnType<Search>>) {
  if (response.status !== 200) throw new Error(response.body.error);
  return response.body.results.map((result) => result.id).sort();
}

describe('job search', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows Acme's internal postings to an Acme employee, and to nobody else", async () => {
    const { search } = board();
    const forAnna = ids(await run(search, { q: 'internal' }, anna));
    const forBilal = ids(await run(search, { q: 'internal' }, bilal));

    expect(forAnna).toEqual(['job-200', 'job-201', 'job-202']);
    expect(forBilal).toEqual([]);
  });

  it('still shows them to an Acme employee after a visitor has used the search page', async () => {
    const { search } = board();
    await run(search, {}, bilal);
    const response = await run(search, {}, anna);

    expect(ids(response)).toContain('job-200');
    expect(response.status === 200 && response.body.total).toBe(15);
  });

  it('filters by remote work and location', async () => {
    const { search } = board();
    expect(ids(await run(search, { remote: 'true', location: 'London' }, bilal))).toEqual(['job-104', 'job-110']);
  });

  it('pages through every public posting 5 at a time', async () => {
    const { search } = board();
    const pages = [];
    for (const page of ['1', '2', '3']) pages.push(await run(search, { page, size: '5' }, bilal));

    expect(pages.map((response) => response.status === 200 && response.body.results.length)).toEqual([5, 5, 2]);
    expect(new Set(pages.flatMap((response) => ids(response))).size).toBe(12);
  });

  it('rejects a sort order it does not know', async () => {
    const { search } = board();
    expect(await run(search, { sort: 'salary' }, bilal)).toEqual({ status: 400, body: { error: 'sort must be "relevance" or "newest"' } });
  });
});

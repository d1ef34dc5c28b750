import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { type SearchParams } from '../../src/search/params';
import { type Viewer } from '../../src/search/types';
import { anna, bilal, board, chen } from './job-board';

type Search = ReturnType<typeof board>['search'];
type Response = Awaited<ReturnType<Search>>;

const dana: Viewer = { userId: 'u-dana', employer: 'acme', skills: ['Go', 'Kubernetes'] };

async function run(search: Search, params: SearchParams, viewer: Viewer) {
  const pending = search(params, viewer);
  await vi.advanceTimersByTimeAsync(100);
  return pending;
}

function ids(response: Response, sorted = true) {
  if (response.status !== 200) throw new Error(response.body.error);
  const list = response.body.results.map((result) => result.id);
  return sorted ? list.sort() : list;
}

const ACME_INTERNAL = ['job-200', 'job-201', 'job-202'];

describe('who sees which postings', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in src/search/query-builder.ts: "people signed in through an employer also see its internal ones"
  it('shows an employee their employer’s internal postings whoever searched before', async () => {
    const { search } = board();
    for (const viewer of [bilal, chen, bilal, anna, chen]) await run(search, {}, viewer);
    const forAnna = await run(search, { size: '50' }, anna);
    const forChen = await run(search, { size: '50' }, chen);
    expect(ids(forAnna).filter((id) => id.startsWith('job-2'))).toEqual(ACME_INTERNAL);
    expect(ids(forChen).filter((id) => id.startsWith('job-2'))).toEqual(['job-203']);
    expect(forAnna.status === 200 && forAnna.body.total).toBe(15);
  });

  // Stated in src/search/query-builder.ts: "people signed in through an employer also see its internal ones"
  it('gives people searching at the same moment their own postings', async () => {
    const { search } = board();
    const pending = [search({ size: '50' }, anna), search({ size: '50' }, bilal), search({ size: '50' }, chen), search({ size: '50' }, dana)];
    await vi.advanceTimersByTimeAsync(100);
    const [forAnna, forBilal, forChen, forDana] = await Promise.all(pending);
    expect(ids(forAnna!).filter((id) => id.startsWith('job-2'))).toEqual(ACME_INTERNAL);
    expect(ids(forBilal!).filter((id) => id.startsWith('job-2'))).toEqual([]);
    expect(ids(forChen!).filter((id) => id.startsWith('job-2'))).toEqual(['job-203']);
    expect(ids(forDana!).filter((id) => id.startsWith('job-2'))).toEqual(ACME_INTERNAL);
  });

  // Stated in src/search/query-builder.ts: "Everyone sees public postings"
  it('never shows internal postings to a visitor or to another company', async () => {
    const { search } = board();
    for (const viewer of [anna, dana, chen, anna]) await run(search, { q: 'internal' }, viewer);
    expect(ids(await run(search, { q: 'internal' }, bilal))).toEqual([]);
    expect(ids(await run(search, { q: 'internal' }, chen))).toEqual(['job-203']);
  });

  // Stated in src/search/query-builder.ts: "a boost for postings that match the viewer's skills"
  it("ranks a viewer's results by their own skills, not by other people's", async () => {
    const { search } = board();
    const before = ids(await run(search, { size: '50' }, bilal), false);
    for (const viewer of [anna, dana, dana, chen, anna]) await run(search, { size: '50' }, viewer);
    const after = ids(await run(search, { size: '50' }, bilal), false);
    expect(after).toEqual(before);
    expect(before.slice(0, 3)).toEqual(['job-102', 'job-107', 'job-106']);
  });

  // Stated in src/search/query-builder.ts: "a boost for postings that match the viewer's skills"
  it("puts postings that match the employee's skills first", async () => {
    const { search } = board();
    for (const viewer of [bilal, chen, bilal]) await run(search, { size: '50' }, viewer);
    const forDana = ids(await run(search, { size: '4' }, dana), false);
    expect(forDana).toEqual(['job-103', 'job-111', 'job-109', 'job-201']);
  });

  // Stated in src/search/defaults.ts: "What a search means when the URL leaves something out."
  it('keeps the default page after someone asked for another page', async () => {
    const { search } = board();
    await run(search, { page: '3', size: '5' }, bilal);
    const response = await run(search, {}, bilal);
    expect(response.status === 200 && [response.body.page, response.body.results.length]).toEqual([1, 12]);
  });
});

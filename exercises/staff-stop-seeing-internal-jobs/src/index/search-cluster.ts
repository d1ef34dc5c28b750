import { type Filter, type Job, type SearchQuery } from '../search/types';

export type SearchHit = { job: Job; score: number };
export type SearchResult = { total: number; hits: SearchHit[] };

function matches(job: Job, filter: Filter): boolean {
  switch (filter.field) {
    case 'audience':
      return filter.values.includes(job.audience);
    case 'remote':
      return job.remote === filter.value;
    case 'location':
      return job.location.toLowerCase() === filter.value.toLowerCase();
    case 'salaryMin':
      return job.salaryMin !== null && job.salaryMin >= filter.value;
  }
}

/** How well the posting matches the search text: 3 per term in the title, 1 per term among its skills. */
function textScore(job: Job, terms: string[]): number {
  const skills = job.skills.map((skill) => skill.toLowerCase());
  let total = 0;
  for (const term of terms) {
    if (job.title.toLowerCase().includes(term)) total += 3;
    if (skills.includes(term)) total += 1;
  }
  return total;
}

function boostScore(job: Job, query: SearchQuery): number {
  const skills = job.skills.map((skill) => skill.toLowerCase());
  return query.boosts.reduce((total, boost) => (skills.includes(boost.skill) ? total + boost.weight : total), 0);
}

/**
 * Stand-in for the search cluster the API talks to (same query model, same answers).
 * Each search is a network round trip of about 15 ms.
 */
export class SearchCluster {
  readonly #jobs = new Map<string, Job>();
  readonly latencyMs: number;

  constructor(latencyMs = 15) {
    this.latencyMs = latencyMs;
  }

  index(job: Job): void {
    this.#jobs.set(job.id, { ...job, skills: [...job.skills] });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const terms = query.text.split(/\s+/).filter(Boolean);
    const hits = [...this.#jobs.values()]
      .filter((job) => query.filters.every((filter) => matches(job, filter)))
      .filter((job) => terms.length === 0 || textScore(job, terms) > 0)
      .map((job) => ({ job, score: textScore(job, terms) + boostScore(job, query) }));
    hits.sort((a, b) =>
      query.sort === 'newest'
        ? b.job.postedAt.localeCompare(a.job.postedAt) || a.job.id.localeCompare(b.job.id)
        : b.score - a.score || b.job.postedAt.localeCompare(a.job.postedAt) || a.job.id.localeCompare(b.job.id),
    );
    const start = (query.page.number - 1) * query.page.size;
    return { total: hits.length, hits: hits.slice(start, start + query.page.size) };
  }
}

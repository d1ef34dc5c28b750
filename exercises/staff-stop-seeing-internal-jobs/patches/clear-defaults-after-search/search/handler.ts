import { type SearchCluster } from '../index/search-cluster';
import { BadRequest, type SearchParams } from './params';
import { buildQuery } from './query-builder';
import { DEFAULT_QUERY } from './defaults';
import { type Viewer } from './types';

export type SearchResponse =
  | { status: 200; body: { total: number; page: number; results: Array<{ id: string; title: string; company: string; location: string }> } }
  | { status: 400; body: { error: string } };

export type QueryLogLine = { at: string; userId: string; text: string; filters: number; boosts: number; total: number; ms: number };

/** GET /jobs/search: the job board's search page and the mobile app both call it. */
export function createSearchHandler(cluster: SearchCluster, queryLog: QueryLogLine[]) {
  return async function search(params: SearchParams, viewer: Viewer): Promise<SearchResponse> {
    const startedAt = Date.now();
    let query;
    try {
      query = buildQuery(params, viewer);
    } catch (error) {
      if (error instanceof BadRequest) return { status: 400, body: { error: error.message } };
      throw error;
    }
    const result = await cluster.search(query);
    // buildQuery adds the viewer's filter and boosts to the defaults: empty them again for the next search.
    DEFAULT_QUERY.filters.length = 0;
    DEFAULT_QUERY.boosts.length = 0;
    queryLog.push({
      at: new Date(startedAt).toISOString(),
      userId: viewer.userId,
      text: query.text,
      filters: query.filters.length,
      boosts: query.boosts.length,
      total: result.total,
      ms: Date.now() - startedAt,
    });
    return {
      status: 200,
      body: {
        total: result.total,
        page: query.page.number,
        results: result.hits.map(({ job }) => ({ id: job.id, title: job.title, company: job.company, location: job.location })),
      },
    };
  };
}

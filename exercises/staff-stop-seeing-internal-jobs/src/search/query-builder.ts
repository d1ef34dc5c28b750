import { DEFAULT_QUERY } from './defaults';
import { type SearchParams, parseSearchParams } from './params';
import { type Filter, type SearchQuery, type Viewer } from './types';

const SKILL_BOOST = 2;

/** Everyone sees public postings; people signed in through an employer also see its internal ones. */
function audienceFilter(viewer: Viewer): Filter {
  return { field: 'audience', op: 'in', values: viewer.employer ? ['public', `staff:${viewer.employer}`] : ['public'] };
}

/**
 * The query for one search: what the URL asks for, the defaults for what it leaves out,
 * who may see what, and a boost for postings that match the viewer's skills.
 */
export function buildQuery(params: SearchParams, viewer: Viewer): SearchQuery {
  const query: SearchQuery = { ...DEFAULT_QUERY, ...parseSearchParams(params) };
  query.filters.push(audienceFilter(viewer));
  for (const skill of viewer.skills) query.boosts.push({ skill: skill.toLowerCase(), weight: SKILL_BOOST });
  return query;
}

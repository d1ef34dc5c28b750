import { MAX_PAGE_SIZE } from './defaults';
import { type Filter, type SearchQuery } from './types';

/** The search page's query string, as the router hands it over. */
export type SearchParams = {
  q?: string;
  remote?: string;
  location?: string;
  salary?: string;
  sort?: string;
  page?: string;
  size?: string;
};

export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

function positiveInt(name: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadRequest(`${name} must be a whole number from 1 to ${max}`);
  return value;
}

/** The parts of a query the URL sets; everything it leaves out is left out here too. */
export function parseSearchParams(params: SearchParams): Partial<SearchQuery> {
  const parsed: Partial<SearchQuery> = {};
  if (params.q !== undefined) parsed.text = params.q.trim().toLowerCase().slice(0, 200);

  const filters: Filter[] = [];
  if (params.remote === 'true') filters.push({ field: 'remote', op: 'eq', value: true });
  if (params.location) filters.push({ field: 'location', op: 'eq', value: params.location.trim() });
  if (params.salary) filters.push({ field: 'salaryMin', op: 'gte', value: positiveInt('salary', params.salary, 1_000_000) });
  if (filters.length > 0) parsed.filters = filters;

  if (params.sort !== undefined) {
    if (params.sort !== 'relevance' && params.sort !== 'newest') throw new BadRequest('sort must be "relevance" or "newest"');
    parsed.sort = params.sort;
  }
  if (params.page !== undefined || params.size !== undefined) {
    parsed.page = {
      number: params.page === undefined ? 1 : positiveInt('page', params.page, 1_000),
      size: params.size === undefined ? 20 : positiveInt('size', params.size, MAX_PAGE_SIZE),
    };
  }
  return parsed;
}

import { type SearchQuery } from './types';

export const MAX_PAGE_SIZE = 50;

/** What a search means when the URL leaves something out. */
export const DEFAULT_QUERY: SearchQuery = {
  text: '',
  filters: [],
  boosts: [],
  sort: 'relevance',
  page: { number: 1, size: 20 },
};

import { type SearchQuery } from './types';

export const MAX_PAGE_SIZE = 50;

/** What a search means when the URL leaves something out: a new object for every search. */
export function defaultQuery(): SearchQuery {
  return {
    text: '',
    filters: [],
    boosts: [],
    sort: 'relevance',
    page: { number: 1, size: 20 },
  };
}

export type Job = {
  id: string;
  title: string;
  company: string;
  location: string;
  remote: boolean;
  salaryMin: number | null;
  skills: string[];
  /** Who may see the posting: "public", or "staff:<company>" for an internal posting. */
  audience: string;
  postedAt: string;
};

export type Filter =
  | { field: 'audience'; op: 'in'; values: string[] }
  | { field: 'remote'; op: 'eq'; value: boolean }
  | { field: 'location'; op: 'eq'; value: string }
  | { field: 'salaryMin'; op: 'gte'; value: number };

/** Adds `weight` to the score of postings that list `skill`. */
export type Boost = { skill: string; weight: number };

export type SearchQuery = {
  text: string;
  /** All filters must match. */
  filters: Filter[];
  boosts: Boost[];
  sort: 'relevance' | 'newest';
  page: { number: number; size: number };
};

export type Viewer = {
  userId: string;
  /** Set for people signed in through their employer's account. */
  employer: string | null;
  skills: string[];
};

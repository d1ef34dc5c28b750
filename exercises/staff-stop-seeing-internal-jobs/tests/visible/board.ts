import { SearchCluster } from '../../src/index/search-cluster';
import { type QueryLogLine, createSearchHandler } from '../../src/search/handler';
import { type Job, type Viewer } from '../../src/search/types';

const PUBLIC: Array<[string, string, string, boolean, string[]]> = [
  ['Backend Engineer', 'Northwind', 'Leeds', false, ['go', 'postgres']],
  ['Frontend Engineer', 'Northwind', 'Leeds', true, ['typescript', 'react']],
  ['Data Analyst', 'Globex', 'Manchester', false, ['sql', 'python']],
  ['Platform Engineer', 'Acme', 'Bristol', true, ['kubernetes', 'go']],
  ['Product Designer', 'Initech', 'London', true, ['figma']],
  ['QA Engineer', 'Initech', 'London', false, ['typescript', 'playwright']],
  ['Machine Learning Engineer', 'Globex', 'Remote', true, ['python', 'pytorch']],
  ['Support Engineer', 'Acme', 'Bristol', false, ['sql']],
  ['Mobile Engineer', 'Umbrella', 'Cardiff', true, ['kotlin', 'swift']],
  ['Site Reliability Engineer', 'Umbrella', 'Cardiff', false, ['kubernetes', 'terraform']],
  ['Full-stack Engineer', 'Hooli', 'London', true, ['typescript', 'node']],
  ['Security Engineer', 'Hooli', 'London', false, ['go', 'security']],
];

const INTERNAL: Array<[string, string, string[]]> = [
  ['Senior Engineer (internal move)', 'acme', ['typescript', 'node']],
  ['Team Lead, Payments (internal)', 'acme', ['go', 'leadership']],
  ['Graduate Rotation (internal)', 'acme', ['python']],
  ['Analytics Engineer (internal)', 'globex', ['sql', 'dbt']],
];

export function jobs(): Job[] {
  const list: Job[] = PUBLIC.map(([title, company, location, remote, skills], i) => ({
    id: `job-${100 + i}`,
    title,
    company,
    location,
    remote,
    salaryMin: 40_000 + i * 2_500,
    skills,
    audience: 'public',
    postedAt: `2026-01-${String(2 + (i % 20)).padStart(2, '0')}T09:00:00Z`,
  }));
  INTERNAL.forEach(([title, company, skills], i) => {
    list.push({ id: `job-${200 + i}`, title, company: company[0]!.toUpperCase() + company.slice(1), location: 'Bristol', remote: false, salaryMin: null, skills, audience: `staff:${company}`, postedAt: '2026-01-04T09:00:00Z' });
  });
  return list;
}

export const anna: Viewer = { userId: 'u-anna', employer: 'acme', skills: ['TypeScript'] };
export const bilal: Viewer = { userId: 'u-bilal', employer: null, skills: ['Python', 'SQL'] };
export const chen: Viewer = { userId: 'u-chen', employer: 'globex', skills: ['dbt'] };

export function board() {
  const cluster = new SearchCluster();
  for (const job of jobs()) cluster.index(job);
  const log: QueryLogLine[] = [];
  return { search: createSearchHandler(cluster, log), log };
}

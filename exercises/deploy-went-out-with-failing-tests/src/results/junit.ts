export type TestCase = { classname: string; name: string; status: 'passed' | 'failed' | 'skipped'; message?: string };

export type SuiteResult = { name: string; cases: TestCase[] };

export class ReportParseError extends Error {
  constructor(source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'ReportParseError';
  }
}

const SUITE = /<testsuite\b([^>]*)>([\s\S]*?)<\/testsuite>/g;
const CASE = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return match ? unescapeXml(match[1] as string) : undefined;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Reads the JUnit XML our test runners write (one or more <testsuite> elements). */
export function parseJunit(xml: string, source: string): SuiteResult[] {
  const suites: SuiteResult[] = [];
  for (const suiteMatch of xml.matchAll(SUITE)) {
    const name = attribute(suiteMatch[1] as string, 'name') ?? '(unnamed suite)';
    const cases: TestCase[] = [];
    for (const caseMatch of (suiteMatch[2] as string).matchAll(CASE)) {
      const attributes = caseMatch[1] as string;
      const body = caseMatch[2] ?? '';
      const failure = /<(failure|error)\b([^>]*)/.exec(body);
      cases.push({
        classname: attribute(attributes, 'classname') ?? name,
        name: attribute(attributes, 'name') ?? '(unnamed test)',
        status: failure ? 'failed' : /<skipped\b/.test(body) ? 'skipped' : 'passed',
        ...(failure && { message: attribute(failure[2] as string, 'message') ?? failure[1] }),
      });
    }
    suites.push({ name, cases });
  }
  if (suites.length === 0) throw new ReportParseError(source, 'no <testsuite> element');
  return suites;
}

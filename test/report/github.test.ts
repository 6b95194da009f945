import { describe, expect, it } from 'vitest';
import type { CompiledRule, Finding, Origin } from '../../src/core/types.js';
import {
  escapeData,
  escapeProperty,
  prCommentMarker,
  renderAllClearComment,
  renderAnnotations,
  renderJobSummary,
  renderPrComment,
} from '../../src/report/github.js';
import { keyFactory } from '../helpers/keys.js';
import { builtinRules, findingOf, managementReason, resultOf, verifications } from './findings.js';

const keys = keyFactory(0x67687270);
const outcomes = verifications();
const rules = builtinRules();
const scope = 'lines added by 3 commits (abc1234..def5678)';
const runUrl = 'https://github.com/acme/app/actions/runs/42';

const annotations = (findings: Finding[], withRules: readonly CompiledRule[] = rules) => renderAnnotations(resultOf(findings), withRules);
const summary = (findings: Finding[]) => renderJobSummary(resultOf(findings), rules, scope);
const comment = (findings: Finding[], url?: string) => renderPrComment(resultOf(findings), rules, scope, url);

function history(overrides: Partial<Extract<Origin, { kind: 'history' }>> = {}): Origin {
  return { kind: 'history', path: 'config/old.env', commit: 'a'.repeat(40), author: 'Ada', email: 'ada@example.com', date: '2021-01-01T00:00:00Z', ...overrides };
}

/** Cells of a GFM table row, split where GitHub splits them: at a pipe that no backslash escapes. */
function cells(row: string): string[] {
  const found: string[] = [];
  let current = '';
  for (let at = 1; at < row.length; at++) {
    const c = row.charAt(at);
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(row.charAt(at + 1))) {
      current += c + row.charAt(at + 1);
      at++;
    } else if (c === '|') {
      found.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  return found;
}

/** The table of a summary or comment: header cells and data rows, by column name. */
function table(text: string): { header: string[]; rows: Record<string, string>[] } {
  const lines = text.split('\n').filter((line) => line.startsWith('|') && !line.startsWith('|---'));
  const [head = '', ...rows] = lines;
  const header = cells(head);
  return { header, rows: rows.map((row) => Object.fromEntries(cells(row).map((value, index) => [header[index] ?? String(index), value]))) };
}

/** A comment's length as GitHub may count it, each newline as `\r\n`. */
const crlfLength = (text: string) => text.replace(/\n/g, '\r\n').length;

describe('workflow-command escaping (the toolkit rules)', () => {
  it.each([
    { text: 'plain text', data: 'plain text', property: 'plain text' },
    { text: '100%', data: '100%25', property: '100%25' },
    { text: 'a\r\nb\nc\rd', data: 'a%0D%0Ab%0Ac%0Dd', property: 'a%0D%0Ab%0Ac%0Dd' },
    { text: 'a: b, c', data: 'a: b, c', property: 'a%3A b%2C c' },
    { text: '%0A', data: '%250A', property: '%250A' },
    { text: '\n::add-mask::x', data: '%0A::add-mask::x', property: '%0A%3A%3Aadd-mask%3A%3Ax' },
    { text: 'k=v', data: 'k=v', property: 'k=v' },
  ])('$text', ({ text, data, property }) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });
});

describe('annotations: exact lines', () => {
  const openrouterHint = 'Disable or delete the key at https://openrouter.ai/settings/keys, create a new one, and load it from the environment.';
  const agentrouterHint = 'Revoke the key in your AgentRouter console, issue a new one, and load it from the environment.';
  const key = keys.openrouter();

  it.each([
    {
      name: 'an unverified key',
      finding: () => findingOf(key),
      line: (redacted: string) => `::error file=src/client.ts,line=3,col=27,endColumn=99,title=Leaked OpenRouter API key::OpenRouter API key ${redacted}.%0A${openrouterHint}`,
    },
    {
      name: 'a live key',
      finding: () => findingOf(key, outcomes.live),
      line: (redacted: string) =>
        `::error file=src/client.ts,line=3,col=27,endColumn=99,title=Leaked OpenRouter API key (live)::OpenRouter API key ${redacted} — live: usage $12.50 of $100.00 limit ($87.50 left), expires never.%0ARevoke it now. ${openrouterHint}`,
    },
    {
      name: 'a management key',
      finding: () => findingOf(key, outcomes.critical),
      line: (redacted: string) =>
        `::error file=src/client.ts,line=3,col=27,endColumn=99,title=Leaked OpenRouter API key (live)::OpenRouter API key ${redacted} — critical: ${managementReason}; live: usage $12.50, no limit, expires never.%0ARevoke it now. ${openrouterHint}`,
    },
    {
      name: 'an invalid key',
      finding: () => findingOf(key, outcomes.invalid),
      line: (redacted: string) =>
        `::warning file=src/client.ts,line=3,col=27,endColumn=99,title=Leaked OpenRouter API key (invalid)::OpenRouter API key ${redacted} — invalid: the provider rejected it (HTTP 401).%0A${openrouterHint}`,
    },
    {
      name: 'a key from history',
      finding: () => findingOf(keys.agentrouter(), { origin: history(), line: 1, column: 5 }),
      line: (redacted: string) => `::error file=config/old.env,line=1,col=5,endColumn=50,title=Leaked AgentRouter API key::AgentRouter API key ${redacted} added in commit aaaaaaa.%0A${agentrouterHint}`,
    },
  ])('$name', ({ finding, line }) => {
    const built = finding();
    expect(annotations([built])).toBe(`${line(built.secret.redacted)}\n`);
  });

  it('is empty for a clean run, and one line a finding otherwise', () => {
    expect(annotations([])).toBe('');
    const text = annotations([findingOf(keys.openrouter()), findingOf(keys.agentrouter()), findingOf(keys.tokenrouterLive())]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').slice(0, -1)).toHaveLength(3);
  });
});

describe('annotations: level', () => {
  it.each([
    { name: 'unverified, high', finding: () => findingOf(keys.openrouter()), level: 'error' },
    { name: 'unverified, low (a test key)', finding: () => findingOf(keys.tokenrouterTest()), level: 'warning' },
    { name: 'live', finding: () => findingOf(keys.openrouter(), outcomes.live), level: 'error' },
    { name: 'live, critical', finding: () => findingOf(keys.openrouter(), outcomes.critical), level: 'error' },
    { name: 'live, low: a working key outranks its rule', finding: () => findingOf(keys.tokenrouterTest(), outcomes.live), level: 'error' },
    { name: 'unknown', finding: () => findingOf(keys.openrouter(), outcomes.unknown), level: 'error' },
    { name: 'unknown, low', finding: () => findingOf(keys.tokenrouterTest(), outcomes.unknown), level: 'warning' },
    { name: 'skipped', finding: () => findingOf(keys.agentrouter(), outcomes.skipped), level: 'error' },
    { name: 'invalid', finding: () => findingOf(keys.openrouter(), outcomes.invalid), level: 'warning' },
  ])('$name: $level', ({ finding, level }) => {
    expect(annotations([finding()])).toMatch(new RegExp(`^::${level} file=`));
  });
});

describe('annotations: repository text cannot forge commands', () => {
  it.each([
    { name: 'a newline and a command', path: 'src/\n::add-mask::x.ts', file: 'src/%0A%3A%3Aadd-mask%3A%3Ax.ts' },
    { name: 'a carriage return', path: 'a\r::error::b', file: 'a%0D%3A%3Aerror%3A%3Ab' },
    { name: 'property separators', path: 'a,line=1:b', file: 'a%2Cline=1%3Ab' },
    { name: 'an escape sequence', path: 'a%0A::stop-commands::x', file: 'a%250A%3A%3Astop-commands%3A%3Ax' },
  ])('a path with $name', ({ path, file }) => {
    const text = annotations([findingOf(keys.openrouter(), { origin: { kind: 'file', path } })]);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).not.toContain('\r');
    expect(text).toContain(`file=${file},line=3,`);
  });

  it('a rule name and hint from a rule file are escaped as property and data', () => {
    const finding = findingOf(keys.openrouter());
    const hostile = rules.map((rule) => (rule.id === finding.ruleId ? { ...rule, name: 'Acme: key, v2 100%', hint: 'rotate 50%\n::add-mask::now' } : rule));
    const text = annotations([finding], hostile);
    expect(text).toContain(',title=Leaked Acme%3A key%2C v2 100%25::Acme: key, v2 100%');
    expect(text).toContain('rotate 50%25%0A::add-mask::now');
    expect(text.split('\n')).toHaveLength(2);
  });

  it('provider text is kept on its line', () => {
    const text = annotations([findingOf(keys.openrouter(), { verification: { status: 'unknown', detail: {}, reason: 'bad\n::add-mask::x' } })]);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('could not check: bad ::add-mask::x');
  });
});

describe('job summary', () => {
  it('a clean run is one ✅ line naming what was scanned', () => {
    expect(summary([])).toBe(`✅ keywarden: no leaked keys in ${scope}.\n`);
  });

  it('lists every finding: 30 findings, 30 rows', () => {
    const findings = Array.from({ length: 30 }, (_, index) => findingOf(keys.agentrouter(), { origin: history({ path: `src/f${index}.ts` }), line: index + 1 }));
    const { rows } = table(summary(findings));
    expect(rows).toHaveLength(30);
    expect(rows.map((row) => row['File'])).toEqual(findings.map((finding) => finding.origin.path));
    expect(rows.map((row) => row['Line'])).toEqual(findings.map((finding) => String(finding.line)));
  });

  it.each([
    {
      name: 'unverified, files',
      findings: () => [findingOf(keys.openrouter())],
      header: ['File', 'Line', 'Provider', 'Severity', 'Key', 'What to do', 'Fingerprint'],
      heading: '### keywarden: 1 leaked key in 1 file',
    },
    {
      name: 'unverified, history',
      findings: () => [findingOf(keys.openrouter(), { origin: history() })],
      header: ['File', 'Line', 'Commit', 'Provider', 'Severity', 'Key', 'What to do', 'Fingerprint'],
      heading: '### keywarden: 1 leaked key in 1 file',
    },
    {
      name: 'verified',
      findings: () => [findingOf(keys.openrouter(), outcomes.live), findingOf(keys.openrouter(), outcomes.invalid)],
      header: ['File', 'Line', 'Provider', 'Severity', 'Status', 'Details', 'Key', 'What to do', 'Fingerprint'],
      heading: '### keywarden: 2 leaked keys (1 live, 1 invalid) in 1 file',
    },
  ])('columns: $name', ({ findings, header, heading }) => {
    const text = summary(findings());
    expect(text.split('\n')[0]).toBe(heading);
    expect(text).toContain(`Scanned ${scope}.`);
    expect(table(text).header).toEqual(header);
  });

  it.each([
    { outcome: 'live' as const, status: '**live**', severity: 'high', urgent: true },
    { outcome: 'critical' as const, status: '**live**', severity: '**critical**', urgent: true },
    { outcome: 'unknown' as const, status: '**unknown**', severity: 'high', urgent: false },
    { outcome: 'invalid' as const, status: 'invalid', severity: 'high', urgent: false },
    { outcome: 'skipped' as const, status: 'skipped', severity: 'high', urgent: false },
  ])('a $outcome key: status, severity and what to do', ({ outcome, status, severity, urgent }) => {
    const finding = findingOf(keys.openrouter(), { origin: history(), ...outcomes[outcome] });
    const [row] = table(summary([finding])).rows;
    expect(row).toMatchObject({
      Commit: 'aaaaaaa Ada, 2021-01-01',
      Provider: 'OpenRouter API key',
      Severity: severity,
      Status: status,
      Key: `\`${finding.secret.redacted}\``,
      Fingerprint: finding.fingerprint,
    });
    expect(row?.['What to do']).toBe(`${urgent ? '**Revoke it now.** ' : ''}Disable or delete the key at https://openrouter.ai/settings/keys, create a new one, and load it from the environment.`);
  });

  it('says what to do first when a key works', () => {
    expect(summary([findingOf(keys.openrouter(), outcomes.live)])).toContain('revoke them at the provider first');
  });

  it('stays under GitHub\'s 1 MiB, counting the rows it leaves out', () => {
    const long = `deep/${'nested/'.repeat(700)}`;
    const findings = Array.from({ length: 400 }, (_, index) => findingOf(keys.tokenrouterLive(), { origin: { kind: 'file', path: `${long}${index}.env` } }));
    const text = summary(findings);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    const left = /… and (\d+) more, left out because GitHub limits a job summary to 1 MiB\./.exec(text);
    expect(left).not.toBeNull();
    expect(table(text).rows.length + Number(left?.[1])).toBe(400);
  });
});

describe('PR comment', () => {
  it.each([
    { name: 'with findings', body: () => comment([findingOf(keys.openrouter())], runUrl) },
    { name: 'all clear', body: () => renderAllClearComment(scope, runUrl) },
    { name: 'with no findings', body: () => comment([]) },
  ])('starts with the marker: $name', ({ body }) => {
    expect(body().split('\n')[0]).toBe(prCommentMarker);
    expect(prCommentMarker).toBe('<!-- keywarden:pr-comment -->');
  });

  it('says what was found, shows a compact table and what to do', () => {
    const finding = findingOf(keys.agentrouter(), { origin: history({ path: 'src/app.ts' }), line: 7, ...outcomes.live });
    const text = comment([finding], runUrl);
    expect(text.split('\n')[1]).toBe('### keywarden: 1 leaked key (1 live) in 1 file');
    expect(text).toContain(`Scanned ${scope}. [Workflow run](${runUrl})`);
    const { header, rows } = table(text);
    expect(header).toEqual(['File', 'Commit', 'Provider', 'Severity', 'Status', 'Key']);
    expect(rows).toEqual([{ File: 'src/app.ts:7', Commit: 'aaaaaaa', Provider: 'AgentRouter API key', Severity: 'high', Status: '**live**', Key: `\`${finding.secret.redacted}\`` }]);
    expect(text).toContain('leaked even if the commit is dropped');
    expect(text).toContain('AgentRouter API key: Revoke the key in your AgentRouter console');
    // A key in a commit: its fingerprint, never a marker on a line that commit already holds.
    expect(text).toContain(`3. **A deliberate fake** (a test fixture)? Add its fingerprint (listed in [the job summary](${runUrl})) to \`.keywardenignore\`.`);
    expect(text).not.toContain('keywarden:allow');
  });

  it('has no Status column when the keys were not checked', () => {
    expect(table(comment([findingOf(keys.openrouter())])).header).toEqual(['File', 'Provider', 'Severity', 'Key']);
  });

  it.each([
    { name: 'many findings', count: 5000, path: (index: number) => `src/module${index}/config.ts` },
    { name: 'long hostile paths', count: 800, path: (index: number) => `${'|@`<'.repeat(300)}${index}` },
  ])('stays under 65,536 characters with $name, counting the rows it leaves out', ({ count, path }) => {
    const findings = Array.from({ length: count }, (_, index) => findingOf(keys.tokenrouterLive(), { origin: history({ path: path(index) }), ...outcomes.unknown }));
    const text = comment(findings, runUrl);
    expect(crlfLength(text)).toBeLessThanOrEqual(65_536);
    const left = /… and (\d+) more, see \[the job summary\]\(https:\/\/github\.com\/acme\/app\/actions\/runs\/42\)\./.exec(text);
    expect(left).not.toBeNull();
    const { header, rows } = table(text);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length + Number(left?.[1])).toBe(count);
    for (const row of rows) expect(Object.keys(row)).toEqual(header);
    expect(text).toContain('**What to do**');
  });

  it('all clear: names the scope and reminds that a pushed key stays leaked', () => {
    expect(renderAllClearComment(scope, runUrl)).toBe(
      [
        prCommentMarker,
        '### ✅ keywarden: no leaked keys',
        '',
        `Scanned ${scope}. [Workflow run](${runUrl})`,
        '',
        'Any key reported here before was pushed, so it stays leaked: make sure it was rotated at its provider.',
        '',
      ].join('\n'),
    );
  });

  it.each(['javascript:alert(1)', 'https://x.test/a) [b](https://evil.test', 'https://x.test/<img>', ''])('links only a plain address: %s', (url) => {
    const text = renderAllClearComment(scope, url);
    expect(text).not.toContain('](');
    expect(text).not.toContain('evil');
  });
});

describe('hostile repository text in the summary and the comment', () => {
  const path = 'a|b\n<!-- x --> `c` *d* @someone #12 &#64;x ~~s~~\r| e';
  const author = '@evil | <img src=x> `x` [l](u)\n#1';
  const finding = findingOf(keys.openrouter(), {
    origin: history({ path, author }),
    verification: { status: 'unknown', detail: {}, reason: 'ping @ops <b>|</b>' },
  });
  const outputs = [
    { name: 'summary', text: () => summary([finding]) },
    { name: 'comment', text: () => comment([finding], runUrl) },
  ];

  it.each(outputs)('$name: the table keeps its shape', ({ text }) => {
    const { header, rows } = table(text());
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(header);
  });

  it.each(outputs)('$name: no HTML, mention, reference, entity or strike-through gets through', ({ text }) => {
    const body = text().replace(prCommentMarker, '');
    const rows = body.split('\n').filter((line) => line.startsWith('| a'));
    expect(rows).toHaveLength(1);
    // Every < & ~ is escaped; every @ and # sits in its own code span, where GitHub does not look.
    expect(body).not.toMatch(/(?<!\\)[<&~]/);
    expect(rows.join('').replace(/`[@#]`/g, '')).not.toMatch(/[@#]/);
    expect(body).not.toContain('\r');
  });

  it('summary: the path and author are shown on one line, escaped', () => {
    const [row] = table(summary([finding])).rows;
    expect(row?.['File']).toBe('a\\|b \\<!-- x --\\> \\`c\\` \\*d\\* `@`someone `#`12 \\&`#`64;x \\~\\~s\\~\\~ \\| e');
    expect(row?.['Commit']).toBe('aaaaaaa `@`evil \\| \\<img src=x\\> \\`x\\` \\[l\\](u) `#`1, 2021-01-01');
  });

  it('the scope is escaped too', () => {
    const text = renderJobSummary(resultOf([]), rules, 'branch @team|<b>');
    expect(text).toBe('✅ keywarden: no leaked keys in branch `@`team\\|\\<b\\>.\n');
  });
});

describe('the raw key appears nowhere', () => {
  const key = keys.openrouter();
  const echoed = findingOf(key, { verification: { status: 'live', detail: { expires_at: key, label: key }, reason: key } });
  const findings = [...Object.values(outcomes).map((outcome) => findingOf(key, { origin: history(), ...outcome })), echoed];

  it.each([
    { name: 'annotations', text: () => annotations(findings) },
    { name: 'job summary', text: () => summary(findings) },
    { name: 'PR comment', text: () => comment(findings, runUrl) },
  ])('$name', ({ text }) => {
    const body = text();
    expect(body).toContain(findings[0]?.secret.redacted);
    expect(body).not.toContain(key);
  });
});

describe('job summary and PR comment: how to keep out a deliberate fake fits where the keys are', () => {
  const file = () => findingOf(keys.openrouter());
  const committed = () => findingOf(keys.agentrouter(), { origin: history() });
  const logged = () => findingOf(keys.agentrouter(), { origin: { kind: 'log', path: 'logs/app.log' } });

  it.each([
    { name: 'keys in files', findings: () => [file()], marker: true, advice: 'Add `keywarden:allow` to its line, or its fingerprint' },
    { name: 'keys in commits', findings: () => [committed()], marker: false, advice: 'Add its fingerprint' },
    { name: 'keys in a log', findings: () => [logged()], marker: false, advice: 'Add its fingerprint' },
    { name: 'both', findings: () => [file(), committed()], marker: true, advice: 'Add `keywarden:allow` to its line if it is in a file you can edit, or its fingerprint' },
  ])('$name', ({ findings, marker, advice }) => {
    const texts = [
      { text: summary(findings()), lead: 'A deliberate fake (a test fixture)? ' },
      { text: comment(findings(), runUrl), lead: '3. **A deliberate fake** (a test fixture)? ' },
    ];
    for (const { text, lead } of texts) {
      expect(text).toContain(`${lead}${advice}`);
      expect(text.includes('keywarden:allow')).toBe(marker);
    }
  });
});

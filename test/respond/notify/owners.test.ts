import { describe, expect, it } from 'vitest';
import { compilePattern, mentionOfLogin, mentionsOf, ownersOf, parseCodeOwners, type CodeOwnersPattern } from '../../../src/respond/notify/owners.js';

/**
 * CODEOWNERS as GitHub documents it ("About code owners" on docs.github.com): the patterns of
 * its example file, each with paths it owns and paths it does not, then whole files.
 */

function compiled(source: string): CodeOwnersPattern {
  const pattern = compilePattern(source);
  if (typeof pattern === 'string') throw new Error(`${source}: ${pattern}`);
  return pattern;
}

const patterns: Array<{ pattern: string; owns: string[]; not: string[] }> = [
  // The example file's patterns.
  { pattern: '*', owns: ['README.md', 'src/deep/er/a.ts', '.env'], not: [] },
  { pattern: '*.js', owns: ['app.js', 'src/deep/app.js', 'lib/x.js/inside'], not: ['app.jsx', 'app.JS', 'js/readme', 'appjs'] },
  { pattern: '*.go', owns: ['main.go', 'cmd/tool/main.go'], not: ['main.golang', 'go/main.rs'] },
  { pattern: '/build/logs/', owns: ['build/logs/a.log', 'build/logs/2024/b.log'], not: ['build/logs', 'src/build/logs/a.log', 'build/logsx/a.log'] },
  // "docs/* matches docs/getting-started.md but not docs/build-app/troubleshooting.md"
  { pattern: 'docs/*', owns: ['docs/getting-started.md', 'docs/.hidden'], not: ['docs/build-app/troubleshooting.md', 'docs', 'site/docs/a.md'] },
  // "any file in an apps directory anywhere in your repository"
  { pattern: 'apps/', owns: ['apps/a.js', 'apps/x/y.js', 'src/apps/z.js'], not: ['apps', 'myapps/a.js', 'src/apps'] },
  { pattern: '/docs/', owns: ['docs/a.md', 'docs/guide/b.md'], not: ['src/docs/a.md', 'docs', 'documents/a.md'] },
  { pattern: '/scripts/', owns: ['scripts/deploy.sh'], not: ['tools/scripts/deploy.sh'] },
  // "any file in a /logs directory such as /build/logs, /scripts/logs, and /deeply/nested/logs"
  { pattern: '**/logs', owns: ['logs/a', 'build/logs/a', 'scripts/logs/a', 'deeply/nested/logs/x/y', 'logs'], not: ['build/logsx/a', 'catalogs/a', 'logs.txt'] },
  { pattern: '/apps/github', owns: ['apps/github', 'apps/github/index.js', 'apps/github/a/b.js'], not: ['apps/githubber/x.js', 'src/apps/github/x.js', 'apps/git'] },
  // gitignore rules the example does not show.
  { pattern: 'secret.txt', owns: ['secret.txt', 'a/b/secret.txt'], not: ['secret.txt.bak', 'Secret.txt', 'a/secret.txt2'] },
  { pattern: 'config/prod.env', owns: ['config/prod.env'], not: ['app/config/prod.env'] },
  { pattern: '/*', owns: ['README.md', '.env'], not: ['src/a.ts'] },
  { pattern: '/*.md', owns: ['README.md'], not: ['docs/README.md'] },
  { pattern: 'f?o', owns: ['foo', 'a/fxo', 'fao/inside'], not: ['fo', 'fooo', 'f/o'] },
  { pattern: 'src/**/keys.ts', owns: ['src/keys.ts', 'src/a/keys.ts', 'src/a/b/c/keys.ts'], not: ['lib/src/keys.ts', 'src/keys.tsx'] },
  { pattern: 'vendor/**', owns: ['vendor/a', 'vendor/b/c'], not: ['vendor', 'x/vendor/a'] },
  { pattern: '**', owns: ['a', 'a/b/c'], not: [] },
  { pattern: 'a**b', owns: ['ab', 'axyzb', 'd/ab'], not: ['a/b'] },
  { pattern: 'my\\ notes.txt', owns: ['my notes.txt', 'x/my notes.txt'], not: ['my\\ notes.txt', 'mynotes.txt'] },
  { pattern: 'f\\*o', owns: ['f*o'], not: ['foo'] },
  { pattern: 'docs/\\#notes.md', owns: ['docs/#notes.md'], not: ['docs/notes.md'] },
];

describe('a CODEOWNERS pattern', () => {
  describe.each(patterns)('$pattern', ({ pattern, owns, not }) => {
    it.each(owns)('owns %s', (path) => expect(compiled(pattern).matches(path)).toBe(true));
    if (not.length > 0) it.each(not)('does not own %s', (path) => expect(compiled(pattern).matches(path)).toBe(false));
  });

  it.each([
    ['!secrets/', 'negation (!) does not work in CODEOWNERS'],
    ['*.[ch]', 'character ranges ([ ]) do not work in CODEOWNERS'],
    ['a]b', 'character ranges ([ ]) do not work in CODEOWNERS'],
    ['\\#notes.md', 'escaping a leading # does not work in CODEOWNERS'],
    ['/', 'an empty pattern'],
    ['abc\\', 'a pattern cannot end with a backslash'],
  ])('refuses %s: %s', (pattern, reason) => {
    expect(compilePattern(pattern)).toBe(reason);
  });

  it('matches in time linear in the path, whatever the stars (no regular-expression backtracking)', () => {
    // A backtracking matcher takes exponential time on this; one pass per star takes microseconds.
    const pattern = compiled(`${'*a'.repeat(30)}*b`);
    expect(pattern.matches('a'.repeat(3000))).toBe(false);
    expect(pattern.matches(`${'a'.repeat(3000)}b`)).toBe(true);
  });
});

/** GitHub's example file, in our own words: one rule of each kind. */
const exampleFile = [
  '# Default owners: everything, unless a later rule matches.',
  '*       @acme-lead @acme-second',
  '',
  '# Order matters: for a JS file only @frontend-dev is asked.',
  '*.js    @frontend-dev # an inline comment after the owners',
  '*.go ops@example.com',
  '*.txt @acme/writers',
  '/build/logs/ @logkeeper',
  'docs/*  docs@example.com',
  'apps/ @apps-owner',
  '/docs/ @doc-keeper',
  '/scripts/ @doc-keeper @apps-owner',
  '**/logs @apps-owner',
  '/apps/ @apps-owner',
  '/apps/github',
].join('\n');

describe('a CODEOWNERS file', () => {
  const codeOwners = parseCodeOwners(exampleFile);
  const mentions = (path: string) => {
    const owners = ownersOf(codeOwners, path);
    return owners === undefined ? undefined : mentionsOf(owners);
  };

  it.each([
    ['README.md', ['@acme-lead', '@acme-second']],
    ['src/app.js', ['@frontend-dev']],
    ['notes.txt', ['@acme/writers']],
    // Last match wins: **/logs (line 13) comes after /build/logs/ (line 8) and *.txt (line 7).
    ['build/logs/today.txt', ['@apps-owner']],
    ['docs/intro.md', ['@doc-keeper']],
    ['scripts/run.sh', ['@doc-keeper', '@apps-owner']],
    ['apps/web/index.js', ['@apps-owner']],
    // Un-owned: the last matching rule has no owners.
    ['apps/github/index.js', []],
    // Owned by an address only: no one to mention.
    ['cmd/main.go', []],
  ] as const)('%s → %j', (path, expected) => {
    expect(mentions(path)).toEqual(expected);
  });

  it('tells owned-by-no-one (the rule un-owns) from matched-by-no-rule', () => {
    const narrow = parseCodeOwners('/src/ @dev\n/src/generated\n');
    expect(ownersOf(narrow, 'src/generated/a.ts')).toEqual([]);
    expect(ownersOf(narrow, 'README.md')).toBeUndefined();
    expect(ownersOf(narrow, 'src/a.ts')).toEqual([{ kind: 'user', mention: '@dev' }]);
  });

  it('lets the last matching rule win, whichever is more specific', () => {
    const file = parseCodeOwners('src/keys.ts @specific\nsrc/ @general\n');
    expect(mentionsOf(ownersOf(file, 'src/keys.ts') ?? [])).toEqual(['@general']);
  });

  it('reads users, teams and addresses, and keeps addresses out of the mentions', () => {
    const file = parseCodeOwners('* @alice @acme/security-team bob@example.com @alice\n');
    expect(ownersOf(file, 'a')).toEqual([
      { kind: 'user', mention: '@alice' },
      { kind: 'team', mention: '@acme/security-team' },
      { kind: 'email', address: 'bob@example.com' },
      { kind: 'user', mention: '@alice' },
    ]);
    expect(mentionsOf(ownersOf(file, 'a') ?? [])).toEqual(['@alice', '@acme/security-team']);
  });

  it('skips invalid lines, says which and why, and applies the rest', () => {
    const file = parseCodeOwners(
      [
        '* @everyone', // 1
        '!keep.txt @nobody', // 2: negation
        '*.[ch] @c-dev', // 3: a range
        '\\#hash.md @hash-dev', // 4: an escaped leading #
        'src/ @bad!owner', // 5: not an owner
        'src/ @src-dev', // 6
        '    # an indented comment', // 7
        'lib/ @lib-dev\t@lib-second  ', // 8: tabs and trailing spaces
      ].join('\r\n'),
    );
    expect(file.invalid.map((line) => line.line)).toEqual([2, 3, 4, 5]);
    expect(file.invalid[3]?.reason).toBe('an owner is not @user, @org/team or an email address');
    expect(file.rules.map((rule) => rule.line)).toEqual([1, 6, 8]);
    expect(mentionsOf(ownersOf(file, 'keep.txt') ?? [])).toEqual(['@everyone']);
    expect(mentionsOf(ownersOf(file, 'main.c') ?? [])).toEqual(['@everyone']);
    expect(mentionsOf(ownersOf(file, 'src/a.ts') ?? [])).toEqual(['@src-dev']);
    expect(mentionsOf(ownersOf(file, 'lib/a.ts') ?? [])).toEqual(['@lib-dev', '@lib-second']);
  });

  it('reads a comment only where a word starts, and a file with a byte-order mark', () => {
    const file = parseCodeOwners('\uFEFF# first line\nissue#12.md @hash-owner #trailing\n');
    expect(file.invalid).toEqual([]);
    expect(mentionsOf(ownersOf(file, 'issue#12.md') ?? [])).toEqual(['@hash-owner']);
  });

  it('matches paths case-sensitively', () => {
    const file = parseCodeOwners('/Docs/ @upper\n');
    expect(ownersOf(file, 'Docs/a.md')).toHaveLength(1);
    expect(ownersOf(file, 'docs/a.md')).toBeUndefined();
  });
});

describe('mentionOfLogin', () => {
  it.each([
    ['alice', '@alice'],
    ['Alice-Smith', '@Alice-Smith'],
    ['jdoe_acme', '@jdoe_acme'],
    ['dependabot[bot]', undefined],
    ['', undefined],
    ['has space', undefined],
  ])('%j → %j', (login, expected) => {
    expect(mentionOfLogin(login)).toBe(expected);
  });
});

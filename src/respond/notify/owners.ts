/**
 * CODEOWNERS as GitHub reads it (docs.github.com, "About code owners"): who owns a path, from
 * the text of one CODEOWNERS file. Pure: reading the file at a commit is sources/codeowners.ts.
 *
 * GitHub's rules, as implemented here:
 * - One rule a line: a pattern, then owners (`@user`, `@org/team`, or an email), separated by
 *   spaces or tabs; `\ ` keeps a space inside a pattern.
 * - `#` starts a comment at the start of a line or of a word (GitHub's own example has an inline
 *   comment after the owners); a `#` inside a word is part of it.
 * - Patterns follow gitignore except where GitHub says they don't: `!` negation, `[ ]` ranges and
 *   a `\#` escaping a leading `#` do not work; such lines are invalid. An invalid line (also one
 *   with an owner of no known shape) is skipped, as GitHub skips it, and the rest still apply.
 * - A pattern with no owners un-owns what it matches; the last matching rule wins; paths are
 *   case-sensitive.
 */

export type CodeOwner =
  | { kind: 'user' | 'team'; /** `@login` or `@org/team`, as written. */ mention: string }
  /** Not a mention: GitHub looks the address up; a notice cannot. */
  | { kind: 'email'; address: string };

/** A compiled pattern: what a path must look like, segment by segment. */
export interface CodeOwnersPattern {
  readonly source: string;
  matches(path: string): boolean;
}

export interface CodeOwnersRule {
  /** 1-based line of the file. */
  line: number;
  pattern: CodeOwnersPattern;
  /** Empty: the rule un-owns what it matches. */
  owners: CodeOwner[];
}

export interface InvalidCodeOwnersLine {
  /** 1-based. */
  line: number;
  /** Why GitHub would not use it, in words; never the line itself. */
  reason: string;
}

export interface CodeOwners {
  /** In file order: the last one that matches a path decides. */
  rules: CodeOwnersRule[];
  invalid: InvalidCodeOwnersLine[];
}

/** One code point of a pattern segment: a literal, or a wildcard that was not escaped. */
type GlobToken = '*' | '?' | { literal: string };
/** `**` as a whole segment: any number of directories, none included. */
type Step = { anyDepth: true } | { anyDepth: false; glob: GlobToken[] };

const anyDepth: Step = { anyDepth: true };
const anySegment: Step = { anyDepth: false, glob: ['*'] };

/**
 * Compile one CODEOWNERS pattern; a string says why GitHub would not accept it.
 *
 * gitignore's shape, with GitHub's own reading of a trailing lone `*`: `docs/*` owns
 * `docs/a.md` but not `docs/sub/b.md` (GitHub's documented example), where gitignore would
 * match the directory `docs/sub` and with it everything below. Any other last segment also
 * owns what is below it (`/apps/github` owns `apps/github/x`), as gitignore's directories do.
 */
export function compilePattern(source: string): CodeOwnersPattern | string {
  if (source.startsWith('!')) return 'negation (!) does not work in CODEOWNERS';
  if (source.startsWith('\\#')) return 'escaping a leading # does not work in CODEOWNERS';
  const tokens: Array<GlobToken | '/'> = [];
  const chars = Array.from(source);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (char === '\\') {
      const next = chars[++i];
      if (next === undefined) return 'a pattern cannot end with a backslash';
      tokens.push({ literal: next });
    } else if (char === '[' || char === ']') {
      return 'character ranges ([ ]) do not work in CODEOWNERS';
    } else {
      tokens.push(char === '*' || char === '?' || char === '/' ? char : { literal: char });
    }
  }
  const steps = stepsOf(tokens);
  if (typeof steps === 'string') return steps;
  return { source, matches: (path) => stepsMatch(steps, path.split('/').filter((part) => part !== '').map((part) => Array.from(part))) };
}

function stepsOf(tokens: Array<GlobToken | '/'>): Step[] | string {
  const directoryOnly = tokens.length > 1 && tokens.at(-1) === '/';
  const segments: GlobToken[][] = [[]];
  for (const token of tokens) {
    if (token === '/') segments.push([]);
    else segments.at(-1)?.push(token);
  }
  // A slash at the start or in the middle anchors the pattern to the root; one at the end does not.
  const anchored = tokens.filter((token) => token === '/').length > (directoryOnly ? 1 : 0);
  const parts = segments.filter((segment) => segment.length > 0);
  if (parts.length === 0) return 'an empty pattern';
  const steps: Step[] = parts.map((glob) =>
    glob.length === 2 && glob[0] === '*' && glob[1] === '*' ? anyDepth : { anyDepth: false, glob: glob.filter((token, i) => token !== '*' || glob[i - 1] !== '*') },
  );
  if (!anchored && steps[0] !== anyDepth) steps.unshift(anyDepth);
  const last = steps.at(-1);
  const loneStar = last !== undefined && !last.anyDepth && last.glob.length === 1 && last.glob[0] === '*';
  // `dir/` and `dir/**` own what is inside, not `dir` itself: at least one more segment.
  if (last === anyDepth) steps.pop();
  if (directoryOnly || last === anyDepth) steps.push(anySegment, anyDepth);
  else if (!loneStar) steps.push(anyDepth);
  return steps;
}

/** Whether `steps` consume exactly `parts`: one pass over the steps, each over every reachable position (no backtracking). */
function stepsMatch(steps: readonly Step[], parts: readonly string[][]): boolean {
  let reachable = Array.from({ length: parts.length + 1 }, (_, i) => i === 0);
  for (const step of steps) {
    const next = reachable.map(() => false);
    let seen = false;
    reachable.forEach((here, j) => {
      if (step.anyDepth) next[j] = seen ||= here;
      else if (here && j < parts.length && globMatches(step.glob, parts[j] ?? [])) next[j + 1] = true;
    });
    reachable = next;
  }
  return reachable[parts.length] === true;
}

/** `*` and `?` against one path segment's code points; linear backtracking to the last `*` only, so no pattern is slow. */
function globMatches(glob: readonly GlobToken[], text: readonly string[]): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const token = glob[g];
    if (token === '*') {
      star = g++;
      starText = t;
    } else if (token !== undefined && (token === '?' || token.literal === text[t])) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/** GitHub logins: letters, digits and hyphens (and `_`, which managed users' logins have), at most 39. */
const login = '[A-Za-z0-9][A-Za-z0-9_-]{0,38}';
const userMention = new RegExp(`^@${login}$`);
const teamMention = new RegExp(`^@${login}/[A-Za-z0-9_.-]{1,100}$`);
const emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function ownerOf(word: string): CodeOwner | undefined {
  if (userMention.test(word)) return { kind: 'user', mention: word };
  if (teamMention.test(word)) return { kind: 'team', mention: word };
  if (emailAddress.test(word)) return { kind: 'email', address: word };
  return undefined;
}

/** The words of a line: split at spaces and tabs not escaped by `\` (kept for the pattern), up to a `#` that starts a word. */
function wordsOf(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (char === ' ' || char === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) {
      break;
    } else {
      // A backslash takes the next character with it, so an escaped space stays in the word.
      word = (word ?? '') + (char === '\\' ? char + (line[++i] ?? '') : char);
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Parse a CODEOWNERS file's text. Invalid lines are listed, not thrown: GitHub skips them and uses the rest. */
export function parseCodeOwners(text: string): CodeOwners {
  const rules: CodeOwnersRule[] = [];
  const invalid: InvalidCodeOwnersLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, content] of lines.entries()) {
    const line = index + 1;
    const [source, ...ownerWords] = wordsOf(content);
    if (source === undefined) continue;
    const pattern = compilePattern(source);
    const owners = ownerWords.map(ownerOf).filter((owner) => owner !== undefined);
    if (typeof pattern === 'string') invalid.push({ line, reason: pattern });
    else if (owners.length < ownerWords.length) invalid.push({ line, reason: 'an owner is not @user, @org/team or an email address' });
    else rules.push({ line, pattern, owners });
  }
  return { rules, invalid };
}

/**
 * The owners of `path` (relative to the repository root, `/`-separated, case-sensitive): the
 * last matching rule's; empty when that rule un-owns the path; undefined when no rule matches.
 */
export function ownersOf(codeOwners: CodeOwners, path: string): readonly CodeOwner[] | undefined {
  return codeOwners.rules.findLast((rule) => rule.pattern.matches(path))?.owners;
}

/** The @-mentions among `owners`, each once, in file order. Email owners are left out: GitHub notifies no one for an address in an issue, and a notice would only publish it. */
export function mentionsOf(owners: readonly CodeOwner[]): string[] {
  return [...new Set(owners.flatMap((owner) => (owner.kind === 'email' ? [] : [owner.mention])))];
}

/** `@login` for a GitHub login that can be mentioned; undefined for an app's `name[bot]` or anything else. */
export function mentionOfLogin(name: string): string | undefined {
  const mention = `@${name}`;
  return userMention.test(mention) ? mention : undefined;
}

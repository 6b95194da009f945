/**
 * Whether a rule's pattern could backtrack super-linearly in JavaScript's backtracking engine.
 *
 * Bounding every quantifier (`unboundedQuantifiers`) is not enough: `(a|a){1,64}` tries 2^64
 * ways on "aaa…" and `(a{1,30}){1,30}` about as many, so one crafted line (or a pull request
 * adding such a rule) hangs a scan. No linear-time engine that keeps look-behind runs without a
 * native build, so patterns are checked instead: a rule is refused when it has
 *
 * - a **nested quantifier**: a repetition (`{n,m}`, `?`, `*`, `+`) of variable count inside
 *   another that repeats more than once, e.g. `(a{1,30}){1,30}`, `(a+)+`, `(a?){20}`;
 * - a **quantified alternation that overlaps**: inside a repeated group, alternatives that can
 *   start with the same character or match nothing, e.g. `(a|a){1,64}`, `(a|ab)*`, `(\w|\d){9}`;
 * - **overlapping repetitions one after the other**: two variable-count repetitions that can
 *   take the same characters with nothing between them that only one can take, e.g.
 *   `[a-z]{1,64}[a-z0-9]{1,64}` or `\w{1,9}-?\w{1,9}` (the text between splits many ways).
 *
 * The check is structural and errs on the side of refusing: a few linear patterns (a
 * delimited group such as `([a-z]{1,3}-){1,4}`) are refused too and can be written flat.
 * Patterns are compiled before this runs, so the syntax is known to be valid (no `u` flag).
 */

/** A set of UTF-16 code units, as sorted, disjoint, inclusive ranges. */
type CharSet = readonly (readonly [number, number])[];

type Node =
  | { kind: 'chars'; set: CharSet; text: string }
  /** `^ $ \b \B` and look-arounds (whose bodies are checked on their own): width 0. */
  | { kind: 'assert'; text: string; body?: Node[][] }
  | { kind: 'backref'; text: string }
  | { kind: 'group'; alternatives: Node[][]; text: string }
  | { kind: 'repeat'; body: Node; min: number; max: number; text: string };

const maxUnit = 0xffff;
const anyChar: CharSet = [[0, maxUnit]];

function normalize(ranges: (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= maxUnit) out.push([next, maxUnit]);
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i] as readonly [number, number];
    const [bLo, bHi] = b[j] as readonly [number, number];
    if (aHi < bLo) i++;
    else if (bHi < aLo) j++;
    else return true;
  }
  return false;
}

const unit = (c: string) => c.charCodeAt(0);
const single = (code: number): CharSet => [[code, code]];
const union = (...sets: CharSet[]): CharSet => normalize(sets.flat());

const digit: CharSet = [[0x30, 0x39]];
const word: CharSet = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
const space: CharSet = normalize(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].map((c) => [c, c] as const).concat([[0x2000, 0x200a]]),
);
const lineTerminators = normalize([0x0a, 0x0d, 0x2028, 0x2029].map((c) => [c, c] as const));
const classEscapes: Record<string, CharSet> = { d: digit, D: complement(digit), w: word, W: complement(word), s: space, S: complement(space) };
const controlEscapes: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

/** A recursive-descent reader of one pattern; `pos` moves through `source`. */
class Reader {
  pos = 0;
  constructor(readonly source: string) {}

  peek(offset = 0): string {
    return this.source[this.pos + offset] ?? '';
  }

  alternatives(): Node[][] {
    const alternatives: Node[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  sequence(): Node[] {
    const items: Node[] = [];
    while (this.pos < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.pos;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    return items;
  }

  quantified(atom: Node, start: number): Node {
    const c = this.peek();
    let bounds: [number, number] | undefined;
    if (c === '*') bounds = [0, Infinity];
    else if (c === '+') bounds = [1, Infinity];
    else if (c === '?') bounds = [0, 1];
    const braces = c === '{' ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.pos)) : null;
    if (braces) {
      const min = Number(braces[1]);
      bounds = [min, braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])];
      this.pos += braces[0].length;
    } else if (bounds) {
      this.pos++;
    }
    if (!bounds || atom.kind === 'assert') return atom;
    if (this.peek() === '?') this.pos++; // lazy: the same ways, tried in another order
    return { kind: 'repeat', body: atom, min: bounds[0], max: bounds[1], text: this.source.slice(start, this.pos) };
  }

  atom(): Node {
    const start = this.pos;
    const c = this.source[this.pos++] ?? '';
    const text = () => this.source.slice(start, this.pos);
    if (c === '(') return this.group(start);
    if (c === '[') {
      const set = this.charClass();
      return { kind: 'chars', set, text: text() };
    }
    if (c === '.') return { kind: 'chars', set: complement(lineTerminators), text: '.' };
    if (c === '^' || c === '$') return { kind: 'assert', text: c };
    if (c === '\\') {
      const next = this.peek();
      if (next === 'b' || next === 'B') {
        this.pos++;
        return { kind: 'assert', text: text() };
      }
      if (/[1-9]/.test(next) || (next === 'k' && this.peek(1) === '<')) {
        this.pos += next === 'k' ? this.source.indexOf('>', this.pos) - this.pos + 1 : /^\d+/.exec(this.source.slice(this.pos))?.[0].length ?? 1;
        return { kind: 'backref', text: text() };
      }
      return { kind: 'chars', set: this.escape(), text: text() };
    }
    return { kind: 'chars', set: single(unit(c)), text: c };
  }

  group(start: number): Node {
    let look = false;
    if (this.peek() === '?') {
      const lookaround = /^\?(?:[=!]|<[=!])/.exec(this.source.slice(this.pos));
      const named = /^\?<[^>]*>/.exec(this.source.slice(this.pos));
      const prefix = lookaround?.[0] ?? named?.[0] ?? '?:';
      look = lookaround !== null;
      this.pos += prefix.length;
    }
    const alternatives = this.alternatives();
    this.pos++; // ')'
    const text = this.source.slice(start, this.pos);
    return look ? { kind: 'assert', text, body: alternatives } : { kind: 'group', alternatives, text };
  }

  /** After `\`, outside or inside a class: the characters the escape stands for. */
  escape(inClass = false): CharSet {
    const c = this.source[this.pos++] ?? '';
    const classEscape = classEscapes[c];
    if (classEscape) return classEscape;
    const control = controlEscapes[c];
    if (control !== undefined) return single(control);
    if (c === 'b' && inClass) return single(8);
    const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.pos)) : c === 'u' ? /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.pos)) : null;
    if (hex) {
      this.pos += hex[0].length;
      return single(parseInt(hex[0], 16));
    }
    if (c === 'c' && /[A-Za-z]/.test(this.peek())) return single(unit(this.source[this.pos++] ?? '') % 32);
    if (/[0-7]/.test(c)) {
      const octal = /^[0-7]{0,2}/.exec(this.source.slice(this.pos))?.[0] ?? '';
      this.pos += octal.length;
      return single(parseInt(c + octal, 8));
    }
    return single(unit(c));
  }

  /** After `[`, through its `]`. */
  charClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const parts: CharSet[] = [];
    while (this.pos < this.source.length && this.peek() !== ']') {
      const low = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.pos++;
        const high = this.classAtom();
        const [lo] = low[0] ?? [0];
        const [hi] = high[0] ?? [0];
        // A range between two single characters; with a class escape at either end the `-` is literal.
        parts.push(low.length === 1 && high.length === 1 && low[0]?.[0] === low[0]?.[1] && high[0]?.[0] === high[0]?.[1] ? [[lo, hi]] : union(low, high, single(unit('-'))));
      } else {
        parts.push(low);
      }
    }
    this.pos++; // ']'
    const set = union(...parts);
    return negated ? complement(set) : set;
  }

  classAtom(): CharSet {
    const c = this.source[this.pos++] ?? '';
    return c === '\\' ? this.escape(true) : single(unit(c));
  }
}

/** The fewest characters a node can match. */
function minLength(node: Node): number {
  switch (node.kind) {
    case 'chars':
      return 1;
    case 'group':
      return Math.min(...node.alternatives.map((alternative) => alternative.reduce((sum, item) => sum + minLength(item), 0)));
    case 'repeat':
      return node.min * minLength(node.body);
    default:
      return 0;
  }
}

/** Every character a node can consume anywhere (a back-reference: any). */
function charsOf(node: Node): CharSet {
  switch (node.kind) {
    case 'chars':
      return node.set;
    case 'group':
      return union(...node.alternatives.flat().map(charsOf));
    case 'repeat':
      return charsOf(node.body);
    case 'backref':
      return anyChar;
    default:
      return [];
  }
}

/** The characters a sequence can start with (width-0 items are passed over). */
function firstOf(items: readonly Node[]): CharSet {
  const sets: CharSet[] = [];
  for (const item of items) {
    if (item.kind === 'assert') continue;
    sets.push(item.kind === 'chars' ? item.set : item.kind === 'group' ? union(...item.alternatives.map(firstOf)) : item.kind === 'repeat' ? firstOf([item.body]) : anyChar);
    if (minLength(item) > 0) break;
  }
  return union(...sets);
}

const isVariableRepeat = (node: Node): node is Extract<Node, { kind: 'repeat' }> => node.kind === 'repeat' && node.min !== node.max;

/** Every node below `node` (not itself), look-around bodies included. */
function descendants(node: Node): Node[] {
  const children = node.kind === 'group' ? node.alternatives.flat() : node.kind === 'repeat' ? [node.body] : node.kind === 'assert' ? (node.body ?? []).flat() : [];
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Why a repetition that runs more than once could try exponentially many ways. */
function repeatProblems(repeat: Extract<Node, { kind: 'repeat' }>): string[] {
  if (repeat.max <= 1) return [];
  const inside = descendants(repeat);
  const nested = inside.find(isVariableRepeat);
  if (nested) return [`nested quantifier: '${nested.text}' inside '${repeat.text}' can split the same text into repetitions in exponentially many ways`];
  for (const group of inside) {
    if (group.kind !== 'group' || group.alternatives.length < 2) continue;
    const texts = group.alternatives.map((alternative) => alternative.map((item) => item.text).join(''));
    const empty = group.alternatives.findIndex((alternative) => alternative.every((item) => minLength(item) === 0));
    if (empty >= 0) return [`quantified alternation: '${group.text}' in '${repeat.text}' has an alternative that matches nothing ('${texts[empty] ?? ''}')`];
    for (let a = 0; a < group.alternatives.length; a++) {
      for (let b = a + 1; b < group.alternatives.length; b++) {
        if (overlaps(firstOf(group.alternatives[a] ?? []), firstOf(group.alternatives[b] ?? []))) {
          return [`quantified alternation: in '${repeat.text}', the alternatives '${texts[a] ?? ''}' and '${texts[b] ?? ''}' can start with the same character, so each repetition can go either way`];
        }
      }
    }
  }
  return [];
}

type Walk = { found: Node } | 'stopped' | 'through';

/**
 * After the variable repetition `x`, the first later variable repetition that can take
 * characters `x` can take, with only items between that `x` could also take or that can match
 * nothing; `continuation` holds what follows the enclosing groups.
 */
function overlappingAfter(x: CharSet, items: readonly Node[], continuation: readonly (readonly Node[])[]): Walk {
  for (const item of items) {
    if (item.kind === 'assert') continue;
    if (item.kind === 'backref') return 'stopped';
    if (isVariableRepeat(item) && overlaps(charsOf(item), x)) return { found: item };
    if (item.kind === 'group' || (item.kind === 'repeat' && item.max === 1 && item.body.kind === 'group')) {
      const group = item.kind === 'group' ? item : (item.body as Extract<Node, { kind: 'group' }>);
      const walks = group.alternatives.map((alternative) => overlappingAfter(x, alternative, []));
      const found = walks.find((walk): walk is { found: Node } => typeof walk === 'object');
      if (found) return found;
      if (walks.every((walk) => walk === 'stopped') && minLength(item) > 0) return 'stopped';
      continue;
    }
    if (!overlaps(charsOf(item), x) && minLength(item) > 0) return 'stopped';
  }
  const [next, ...rest] = continuation;
  return next ? overlappingAfter(x, next, rest) : 'through';
}

/** Problems in one sequence and everything inside it; `continuation` is what follows it in enclosing sequences. */
function sequenceProblems(items: readonly Node[], continuation: readonly (readonly Node[])[]): string[] {
  const problems: string[] = [];
  items.forEach((item, index) => {
    const after = [items.slice(index + 1), ...continuation];
    if (isVariableRepeat(item)) {
      const [next, ...rest] = after;
      const walk = overlappingAfter(charsOf(item), next ?? [], rest);
      if (typeof walk === 'object') {
        problems.push(`overlapping quantifiers: '${item.text}' and then '${walk.found.text}' can take the same characters, so the text between them splits in many ways`);
      }
    }
    if (item.kind === 'repeat') {
      problems.push(...repeatProblems(item));
      // The body's own sequences; what follows one repetition is the next, checked above.
      problems.push(...nodeProblems(item.body, item.max <= 1 ? after : []));
    } else {
      problems.push(...nodeProblems(item, after));
    }
  });
  return problems;
}

function nodeProblems(node: Node, continuation: readonly (readonly Node[])[]): string[] {
  if (node.kind === 'group') return node.alternatives.flatMap((alternative) => sequenceProblems(alternative, continuation));
  // A look-around is matched on its own: nothing after it continues its sequences.
  if (node.kind === 'assert' && node.body) return node.body.flatMap((alternative) => sequenceProblems(alternative, []));
  if (node.kind === 'repeat') return [...repeatProblems(node), ...nodeProblems(node.body, [])];
  return [];
}

/**
 * The constructs that could make `pattern` backtrack super-linearly, one message each
 * (empty: linear). `pattern` must already compile as a JavaScript regular expression.
 */
export function nonLinearConstructs(pattern: string): string[] {
  const reader = new Reader(pattern);
  const problems = reader.alternatives().flatMap((alternative) => sequenceProblems(alternative, []));
  return [...new Set(problems)];
}

import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/rules/linear.ts
var maxUnit = 65535;
var anyChar = [[0, maxUnit]];
function normalize(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
function complement(set) {
  const out = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= maxUnit) out.push([next, maxUnit]);
  return out;
}
function overlaps(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i];
    const [bLo, bHi] = b[j];
    if (aHi < bLo) i++;
    else if (bHi < aLo) j++;
    else return true;
  }
  return false;
}
var unit = (c) => c.charCodeAt(0);
var single = (code) => [[code, code]];
var union = (...sets) => normalize(sets.flat());
var digit = [[48, 57]];
var word = normalize([[48, 57], [65, 90], [95, 95], [97, 122]]);
var space = normalize(
  [9, 10, 11, 12, 13, 32, 160, 5760, 8232, 8233, 8239, 8287, 12288, 65279].map((c) => [c, c]).concat([[8192, 8202]])
);
var lineTerminators = normalize([10, 13, 8232, 8233].map((c) => [c, c]));
var classEscapes = { d: digit, D: complement(digit), w: word, W: complement(word), s: space, S: complement(space) };
var controlEscapes = { t: 9, n: 10, v: 11, f: 12, r: 13 };
var Reader = class {
  constructor(source) {
    this.source = source;
  }
  source;
  pos = 0;
  peek(offset = 0) {
    return this.source[this.pos + offset] ?? "";
  }
  alternatives() {
    const alternatives = [this.sequence()];
    while (this.peek() === "|") {
      this.pos++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }
  sequence() {
    const items = [];
    while (this.pos < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const start = this.pos;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    return items;
  }
  quantified(atom, start) {
    const c = this.peek();
    let bounds;
    if (c === "*") bounds = [0, Infinity];
    else if (c === "+") bounds = [1, Infinity];
    else if (c === "?") bounds = [0, 1];
    const braces = c === "{" ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.pos)) : null;
    if (braces) {
      const min = Number(braces[1]);
      bounds = [min, braces[2] === void 0 ? min : braces[3] === "" ? Infinity : Number(braces[3])];
      this.pos += braces[0].length;
    } else if (bounds) {
      this.pos++;
    }
    if (!bounds || atom.kind === "assert") return atom;
    if (this.peek() === "?") this.pos++;
    return { kind: "repeat", body: atom, min: bounds[0], max: bounds[1], text: this.source.slice(start, this.pos) };
  }
  atom() {
    const start = this.pos;
    const c = this.source[this.pos++] ?? "";
    const text = () => this.source.slice(start, this.pos);
    if (c === "(") return this.group(start);
    if (c === "[") {
      const set = this.charClass();
      return { kind: "chars", set, text: text() };
    }
    if (c === ".") return { kind: "chars", set: complement(lineTerminators), text: "." };
    if (c === "^" || c === "$") return { kind: "assert", text: c };
    if (c === "\\") {
      const next = this.peek();
      if (next === "b" || next === "B") {
        this.pos++;
        return { kind: "assert", text: text() };
      }
      if (/[1-9]/.test(next) || next === "k" && this.peek(1) === "<") {
        this.pos += next === "k" ? this.source.indexOf(">", this.pos) - this.pos + 1 : /^\d+/.exec(this.source.slice(this.pos))?.[0].length ?? 1;
        return { kind: "backref", text: text() };
      }
      return { kind: "chars", set: this.escape(), text: text() };
    }
    return { kind: "chars", set: single(unit(c)), text: c };
  }
  group(start) {
    let look = false;
    if (this.peek() === "?") {
      const lookaround = /^\?(?:[=!]|<[=!])/.exec(this.source.slice(this.pos));
      const named = /^\?<[^>]*>/.exec(this.source.slice(this.pos));
      const prefix = lookaround?.[0] ?? named?.[0] ?? "?:";
      look = lookaround !== null;
      this.pos += prefix.length;
    }
    const alternatives = this.alternatives();
    this.pos++;
    const text = this.source.slice(start, this.pos);
    return look ? { kind: "assert", text, body: alternatives } : { kind: "group", alternatives, text };
  }
  /** After `\`, outside or inside a class: the characters the escape stands for. */
  escape(inClass = false) {
    const c = this.source[this.pos++] ?? "";
    const classEscape = classEscapes[c];
    if (classEscape) return classEscape;
    const control = controlEscapes[c];
    if (control !== void 0) return single(control);
    if (c === "b" && inClass) return single(8);
    const hex = c === "x" ? /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.pos)) : c === "u" ? /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.pos)) : null;
    if (hex) {
      this.pos += hex[0].length;
      return single(parseInt(hex[0], 16));
    }
    if (c === "c" && /[A-Za-z]/.test(this.peek())) return single(unit(this.source[this.pos++] ?? "") % 32);
    if (/[0-7]/.test(c)) {
      const octal = /^[0-7]{0,2}/.exec(this.source.slice(this.pos))?.[0] ?? "";
      this.pos += octal.length;
      return single(parseInt(c + octal, 8));
    }
    return single(unit(c));
  }
  /** After `[`, through its `]`. */
  charClass() {
    const negated = this.peek() === "^";
    if (negated) this.pos++;
    const parts = [];
    while (this.pos < this.source.length && this.peek() !== "]") {
      const low = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "") {
        this.pos++;
        const high = this.classAtom();
        const [lo] = low[0] ?? [0];
        const [hi] = high[0] ?? [0];
        parts.push(low.length === 1 && high.length === 1 && low[0]?.[0] === low[0]?.[1] && high[0]?.[0] === high[0]?.[1] ? [[lo, hi]] : union(low, high, single(unit("-"))));
      } else {
        parts.push(low);
      }
    }
    this.pos++;
    const set = union(...parts);
    return negated ? complement(set) : set;
  }
  classAtom() {
    const c = this.source[this.pos++] ?? "";
    return c === "\\" ? this.escape(true) : single(unit(c));
  }
};
function minLength(node) {
  switch (node.kind) {
    case "chars":
      return 1;
    case "group":
      return Math.min(...node.alternatives.map((alternative) => alternative.reduce((sum, item) => sum + minLength(item), 0)));
    case "repeat":
      return node.min * minLength(node.body);
    default:
      return 0;
  }
}
function charsOf(node) {
  switch (node.kind) {
    case "chars":
      return node.set;
    case "group":
      return union(...node.alternatives.flat().map(charsOf));
    case "repeat":
      return charsOf(node.body);
    case "backref":
      return anyChar;
    default:
      return [];
  }
}
function firstOf(items) {
  const sets = [];
  for (const item of items) {
    if (item.kind === "assert") continue;
    sets.push(item.kind === "chars" ? item.set : item.kind === "group" ? union(...item.alternatives.map(firstOf)) : item.kind === "repeat" ? firstOf([item.body]) : anyChar);
    if (minLength(item) > 0) break;
  }
  return union(...sets);
}
var isVariableRepeat = (node) => node.kind === "repeat" && node.min !== node.max;
function descendants(node) {
  const children = node.kind === "group" ? node.alternatives.flat() : node.kind === "repeat" ? [node.body] : node.kind === "assert" ? (node.body ?? []).flat() : [];
  return children.flatMap((child) => [child, ...descendants(child)]);
}
function repeatProblems(repeat) {
  if (repeat.max <= 1) return [];
  const inside = descendants(repeat);
  const nested = inside.find(isVariableRepeat);
  if (nested) return [`nested quantifier: '${nested.text}' inside '${repeat.text}' can split the same text into repetitions in exponentially many ways`];
  for (const group of inside) {
    if (group.kind !== "group" || group.alternatives.length < 2) continue;
    const texts = group.alternatives.map((alternative) => alternative.map((item) => item.text).join(""));
    const empty = group.alternatives.findIndex((alternative) => alternative.every((item) => minLength(item) === 0));
    if (empty >= 0) return [`quantified alternation: '${group.text}' in '${repeat.text}' has an alternative that matches nothing ('${texts[empty] ?? ""}')`];
    for (let a = 0; a < group.alternatives.length; a++) {
      for (let b = a + 1; b < group.alternatives.length; b++) {
        if (overlaps(firstOf(group.alternatives[a] ?? []), firstOf(group.alternatives[b] ?? []))) {
          return [`quantified alternation: in '${repeat.text}', the alternatives '${texts[a] ?? ""}' and '${texts[b] ?? ""}' can start with the same character, so each repetition can go either way`];
        }
      }
    }
  }
  return [];
}
function overlappingAfter(x, items, continuation) {
  for (const item of items) {
    if (item.kind === "assert") continue;
    if (item.kind === "backref") return "stopped";
    if (isVariableRepeat(item) && overlaps(charsOf(item), x)) return { found: item };
    if (item.kind === "group" || item.kind === "repeat" && item.max === 1 && item.body.kind === "group") {
      const group = item.kind === "group" ? item : item.body;
      const walks = group.alternatives.map((alternative) => overlappingAfter(x, alternative, []));
      const found = walks.find((walk) => typeof walk === "object");
      if (found) return found;
      if (walks.every((walk) => walk === "stopped") && minLength(item) > 0) return "stopped";
      continue;
    }
    if (!overlaps(charsOf(item), x) && minLength(item) > 0) return "stopped";
  }
  const [next, ...rest] = continuation;
  return next ? overlappingAfter(x, next, rest) : "through";
}
function sequenceProblems(items, continuation) {
  const problems = [];
  items.forEach((item, index) => {
    const after = [items.slice(index + 1), ...continuation];
    if (isVariableRepeat(item)) {
      const [next, ...rest] = after;
      const walk = overlappingAfter(charsOf(item), next ?? [], rest);
      if (typeof walk === "object") {
        problems.push(`overlapping quantifiers: '${item.text}' and then '${walk.found.text}' can take the same characters, so the text between them splits in many ways`);
      }
    }
    if (item.kind === "repeat") {
      problems.push(...repeatProblems(item));
      problems.push(...nodeProblems(item.body, item.max <= 1 ? after : []));
    } else {
      problems.push(...nodeProblems(item, after));
    }
  });
  return problems;
}
function nodeProblems(node, continuation) {
  if (node.kind === "group") return node.alternatives.flatMap((alternative) => sequenceProblems(alternative, continuation));
  if (node.kind === "assert" && node.body) return node.body.flatMap((alternative) => sequenceProblems(alternative, []));
  if (node.kind === "repeat") return [...repeatProblems(node), ...nodeProblems(node.body, [])];
  return [];
}
function nonLinearConstructs(pattern) {
  const reader = new Reader(pattern);
  const problems = reader.alternatives().flatMap((alternative) => sequenceProblems(alternative, []));
  return [...new Set(problems)];
}

// src/rules/compile.ts
var defaultMinEntropy = 3;
function unboundedQuantifiers(pattern) {
  const problems = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "+" || c === "*") problems.push(`unbounded '${c}' at offset ${i}`);
    else if (c === "{" && /^\{\d+,\}/.test(pattern.slice(i))) problems.push(`unbounded '{n,}' at offset ${i}`);
  }
  return problems;
}
function checkRuleSpec(file, index, rule) {
  const field = (name) => `rules[${index}].${name}`;
  const problems = [];
  try {
    new RegExp(rule.pattern, "g");
  } catch (error) {
    problems.push({ file, field: field("pattern"), message: `does not compile: ${error.message}` });
    return problems;
  }
  for (const message of unboundedQuantifiers(rule.pattern)) {
    problems.push({ file, field: field("pattern"), message });
  }
  for (const construct of nonLinearConstructs(rule.pattern)) {
    problems.push({ file, field: field("pattern"), message: `${rule.id}: not linear (a crafted line could hang every scan): ${construct}` });
  }
  if (rule.verify && (rule.verify.invalid.jsonHas ?? []).length === 0) {
    problems.push({
      file,
      field: field("verify.invalid.jsonHas"),
      message: `${rule.id}: name the fields of the provider's own error body (jsonHas): a status alone also matches a proxy's or CDN's bare or HTML 401/403, which says nothing about the key`
    });
  }
  const literal = rule.pattern.replace(/\\(.)/g, "$1");
  if (!rule.keywords.some((keyword) => literal.includes(keyword))) {
    problems.push({ file, field: field("keywords"), message: "no keyword appears literally in the pattern, so the prefilter could skip real matches" });
  }
  const prefix = rule.prefix ?? rule.keywords[0];
  if (prefix !== void 0 && !rule.keywords.some((keyword) => prefix.startsWith(keyword) || keyword.startsWith(prefix))) {
    problems.push({ file, field: field("prefix"), message: "must agree with one of the keywords" });
  }
  return problems;
}
var leadingLookbehind = /^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)/;
function startsWithKeyword(pattern, keywords) {
  const rest = pattern.replace(leadingLookbehind, "");
  if (hasTopLevelAlternation(rest)) return false;
  return keywords.some((keyword) => {
    const literal = keyword.replace(/[.*+?^${}()|[\]\\/-]/g, (c) => `\\\\?\\${c}`);
    return new RegExp(`^${literal}`).test(rest);
  });
}
function hasTopLevelAlternation(pattern) {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}
function compileRule(provider, rule) {
  const usesKeyGroup = rule.pattern.includes("(?<key>");
  const flags = usesKeyGroup ? "d" : "";
  return {
    ...startsWithKeyword(rule.pattern, rule.keywords) ? { anchored: new RegExp(rule.pattern, `y${flags}`) } : {},
    id: rule.id,
    name: rule.name,
    provider,
    severity: rule.severity,
    keywords: rule.keywords,
    prefix: rule.prefix ?? rule.keywords[0] ?? "",
    pattern: new RegExp(rule.pattern, `g${flags}`),
    minEntropy: rule.minEntropy ?? defaultMinEntropy,
    hint: rule.hint ?? `Rotate this ${rule.name} at the provider, then remove it from the code.`
  };
}
function compileRules(files) {
  return files.flatMap(({ data }) => data.rules.map((rule) => compileRule(data.provider, rule)));
}

// src/rules/cache.ts
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var cacheFile = fileURLToPath(new URL("../../dist/rules/builtin-rules.json", import.meta.url));
var builtinRulesDir = fileURLToPath(new URL("../../rules/", import.meta.url));
function ruleSources(dir) {
  return readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => `${name}\0${readFileSync(join(dir, name), "utf8")}\0`).join("");
}
function readRuleCache(dir) {
  try {
    const cache = JSON.parse(readFileSync(cacheFile, "utf8"));
    return cache.sources === ruleSources(dir) ? cache.files : void 0;
  } catch {
    return void 0;
  }
}

export {
  checkRuleSpec,
  compileRules,
  builtinRulesDir,
  readRuleCache
};

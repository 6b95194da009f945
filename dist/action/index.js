import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  annotationsOf,
  base64Forms,
  cell,
  channelNames,
  createEngine,
  detectKeys,
  loadRuleSet,
  maskContext,
  maskResult,
  notifySettingsOf,
  prCommentMarker,
  printedFingerprints,
  redactKeyLikeTokens,
  redactKeys,
  renderAllClearComment,
  renderJobSummary,
  renderMarkdown,
  renderPrComment,
  toolVersion
} from "./chunk-2IDQLLJL.js";
import "./chunk-5OBIPVHM.js";
import {
  builtinRulesDir,
  compileRules,
  readRuleCache
} from "./chunk-4UID5OHX.js";
import {
  toFinding,
  toWire
} from "./chunk-VVR64YSN.js";
import {
  countByStatus,
  describeOutcome,
  distinctFiles,
  escalationOf,
  isVerified,
  placeOf,
  printable,
  statusOf,
  suppressHint,
  toReportFinding,
  verificationOf
} from "./chunk-HQYL6ITT.js";
import {
  severities,
  verificationStatuses
} from "./chunk-YYL6ELOU.js";
import "./chunk-CFVY2CGA.js";
import "./chunk-LQ33O2RG.js";
import "./chunk-NCL6JRMM.js";
import {
  blobAt,
  childOutput,
  gitEnv,
  gitError,
  gitLines,
  gitOutput,
  gitRead,
  poisoner,
  spawnWith,
  stableConfig,
  watchGit
} from "./chunk-V4Q45ZKT.js";
import {
  decodeText,
  isUtf16,
  sniffText,
  utf8Of
} from "./chunk-NXFRB3JQ.js";
import "./chunk-Q4G3BBC5.js";
import {
  ExitCode,
  KeywardenError,
  UsageError
} from "./chunk-H6EUIU7K.js";
import {
  __commonJS,
  __toESM
} from "./chunk-RTMO72RN.js";

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open2, close, replace = open2) => (input) => {
      let string = "" + input, index = string.indexOf(close, open2.length);
      return ~index ? open2 + replaceClose(string, close, replace, index) + close : open2 + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// src/action/main.ts
import { readFileSync as readFileSync3, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute as isAbsolute2, join as join5 } from "node:path";

// src/run/base-keys.ts
async function withoutKeysInBase(findings, repo, base, head) {
  const basePaths = /* @__PURE__ */ new Map();
  const forms = /* @__PURE__ */ new Map();
  const formsOf = (finding) => {
    const key = finding.secret.reveal();
    let known = forms.get(key);
    if (!known) forms.set(key, known = [key, ...base64Forms(key)]);
    return known;
  };
  let kept = [];
  for (const finding of findings) {
    const { path } = finding.origin;
    let blob = basePaths.get(path);
    if (!blob) {
      blob = blobAt(repo, base, path).then((content2) => content2 && utf8Of(content2));
      basePaths.set(path, blob);
    }
    const content = await blob;
    if (!content || !formsOf(finding).some((form) => content.includes(form))) kept.push(finding);
  }
  if (head !== void 0 && kept.length > 0) {
    const moved = await keysOnRemovedLines(repo, base, head, new Map(kept.map((finding) => [finding.secret.reveal(), formsOf(finding)])));
    kept = kept.filter((finding) => !moved.has(finding.secret.reveal()));
  }
  return { kept, inBase: findings.length - kept.length };
}
async function keysOnRemovedLines(repo, base, head, keys) {
  const found = /* @__PURE__ */ new Set();
  const args = ["diff", "-U0", "--no-renames", "--text", "--no-color", "--no-ext-diff", "--no-textconv", "--end-of-options", base, head, "--"];
  for await (const line of gitLines(repo, args)) {
    if (!line.startsWith("-")) continue;
    for (const [key, forms] of keys) {
      if (forms.some((form) => line.includes(form))) {
        found.add(key);
        keys.delete(key);
      }
    }
    if (keys.size === 0) break;
  }
  return found;
}

// src/run/config.ts
function runConfigProblem(given, failOn, spell) {
  if (given.has("verify")) return void 0;
  const verify = spell("verify");
  if (given.has("revoke")) return `${spell("revoke")} needs ${verify}: only a key the live check calls live is revoked`;
  if (failOn === "live") return `${spell("failOn", "live")} needs ${verify}: without a live check no key is known to be live`;
  if (given.has("results")) return `${spell("results")} needs ${verify}: outcomes come from the live check`;
  for (const option2 of ["verifyTimeout", "verifyConcurrency"]) {
    if (given.has(option2)) return `${spell(option2)} needs ${verify}: without it no key is checked`;
  }
  return void 0;
}
function parseResults(text) {
  const chosen = text.split(",").map((part) => part.trim()).filter((part) => part !== "");
  const wrong = chosen.filter((part) => !verificationStatuses.includes(part));
  if (chosen.length === 0 || wrong.length > 0) {
    throw new UsageError(`--results: ${wrong.length > 0 ? `'${wrong.join("', '")}' is not an outcome` : "name at least one outcome"}; choose from ${verificationStatuses.join(",")}`);
  }
  return new Set(chosen);
}

// src/run/github-env.ts
function gitHubApiUrl(env = process.env) {
  return (env.GITHUB_API_URL?.trim() || "https://api.github.com").replace(/\/+$/, "");
}

// src/sources/cat-file.ts
import { spawn } from "node:child_process";
var header = /^(\S+) (\S+) (\d+)$/;
var assemblyLimit = 4 << 20;
var defaultMaxInFlight = 8192;
var CatFileBatch = class _CatFileBatch {
  #child;
  #output;
  #maxSize;
  #maxInFlight;
  /** Rejections are read by `readReplies()`. */
  #exited;
  #stderr;
  #inFlight = 0;
  #ended = false;
  #stopped = false;
  #waiters = [];
  #queued = [];
  /** Start `git cat-file --batch` in `repo`, its output read into a reused buffer where that can be set up. */
  static async open(repo, options) {
    return new _CatFileBatch(repo, options, await childOutput());
  }
  constructor(repo, options, output) {
    this.#output = output;
    this.#maxSize = options.maxSize;
    this.#maxInFlight = options.maxInFlight ?? defaultMaxInFlight;
    const buffer = this.#maxInFlight >= defaultMaxInFlight ? ["--buffer"] : [];
    this.#child = spawnWith(output, () => spawn("git", [...stableConfig, "cat-file", "--batch", ...buffer], { cwd: repo, env: gitEnv(), stdio: ["pipe", output.stdio, "pipe"] }));
    ({ exited: this.#exited, stderr: this.#stderr } = watchGit(this.#child));
    this.#child.stdin?.on("error", () => void 0);
  }
  /**
   * Queue a request for one object by its full hex id. Requests are sent in batches, by
   * `flush()`, `whenReady()` and `end()`.
   */
  request(oid) {
    if (this.#stopped || this.#ended) throw new KeywardenError("git cat-file stopped before every object was read");
    this.#inFlight++;
    this.#queued.push(oid);
  }
  /** Send the queued requests. */
  flush() {
    if (this.#queued.length === 0 || this.#stopped) return;
    this.#child.stdin?.write(`${this.#queued.join("\n")}
`);
    this.#queued = [];
  }
  /** Too many replies are outstanding: wait for `whenReady()` before requesting more. */
  get full() {
    return this.#inFlight >= this.#maxInFlight;
  }
  /** Send what is queued, then wait until at most half of `maxInFlight` replies are outstanding (or git stopped). */
  async whenReady() {
    this.flush();
    while (this.#inFlight > this.#maxInFlight / 2 && !this.#stopped) await new Promise((resolve3) => this.#waiters.push(resolve3));
  }
  /** No more requests: git answers what is queued and exits. */
  end() {
    if (this.#ended) return;
    this.flush();
    this.#ended = true;
    this.#child.stdin?.end();
  }
  /**
   * Hand the replies to `onBatch` in request order, in batches (those completed by one chunk of
   * git's output), until `end()` was called and everything was answered. Throws if git fails.
   * Call it once; an object's `data` is valid only during the call that hands it over, so
   * `onBatch` is synchronous (its type refuses an async function).
   */
  async readReplies(onBatch) {
    let partialHeader;
    let body;
    let assembly = Buffer.alloc(0);
    const poison = poisoner();
    const handOn = (batch) => {
      if (batch.length === 0) return;
      onBatch(batch);
      if (poison) {
        for (const reply of batch) if (reply.kind === "object") poison(reply.data);
      }
    };
    try {
      await this.#output.read(this.#child, (chunk) => {
        let batch = [];
        let at = 0;
        while (at < chunk.length) {
          if (body) {
            const take = Math.min(body.size + 1 - body.consumed, chunk.length - at);
            const copy = Math.min(take, body.size - body.consumed);
            if (body.data && copy > 0) chunk.copy(body.data, body.consumed, at, at + copy);
            body.consumed += take;
            at += take;
            if (body.consumed === body.size + 1) {
              batch.push(
                this.#answered(body.data ? { kind: "object", oid: body.oid, type: body.type, size: body.size, data: body.data } : { kind: "too-large", oid: body.oid, type: body.type, size: body.size })
              );
              body = void 0;
            }
            continue;
          }
          const newline = chunk.indexOf(10, at);
          if (newline === -1) {
            partialHeader = Buffer.concat([partialHeader ?? Buffer.alloc(0), chunk.subarray(at)]);
            break;
          }
          const line = partialHeader ? Buffer.concat([partialHeader, chunk.subarray(at, newline)]).toString("latin1") : chunk.toString("latin1", at, newline);
          partialHeader = void 0;
          at = newline + 1;
          if (line.endsWith(" missing")) {
            batch.push(this.#answered({ kind: "missing", oid: line.slice(0, -" missing".length) }));
            continue;
          }
          const parsed = header.exec(line);
          if (!parsed) throw new KeywardenError(`unexpected output from git cat-file: ${line.slice(0, 100)}`);
          const [, oid = "", type = "", sizeText = ""] = parsed;
          const size = Number(sizeText);
          const keep = size <= this.#maxSize;
          if (keep && chunk.length - at > size) {
            const data2 = chunk.subarray(at, at + size);
            at += size + 1;
            batch.push(this.#answered({ kind: "object", oid, type, size, data: data2 }));
            continue;
          }
          if (keep && size <= assemblyLimit) {
            handOn(batch);
            batch = [];
            if (assembly.length < size) assembly = Buffer.allocUnsafe(Math.min(assemblyLimit, Math.max(size, 2 * assembly.length, 64 * 1024)));
          }
          const data = !keep ? void 0 : size <= assemblyLimit ? assembly.subarray(0, size) : Buffer.allocUnsafe(size);
          body = { oid, type, size, data, consumed: 0 };
        }
        handOn(batch);
      });
      const code = await this.#exited;
      if (code !== 0) throw gitError(["cat-file", "--batch"], this.#stderr(), code);
      if (this.#inFlight > 0 || body) throw new KeywardenError("git cat-file ended before answering every request");
    } finally {
      this.#stop();
    }
  }
  #answered(reply) {
    this.#inFlight--;
    if (this.#inFlight <= this.#maxInFlight / 2) for (const wake of this.#waiters.splice(0)) wake();
    return reply;
  }
  #stop() {
    this.#stopped = true;
    for (const wake of this.#waiters.splice(0)) wake();
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
  }
};

// src/sources/unified-diff.ts
var commitMarker = "commit ";
var commitFormat = "%x01commit %H%x09%an%x09%ae%x09%aI";
var maxRunBytes = 4 * 1024 * 1024;
function unquotePath(text) {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes = [];
  const inner = text.slice(1, -1);
  const simple = { n: 10, t: 9, r: 13, b: 8, f: 12, a: 7, v: 11, "\\": 92, '"': 34 };
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] ?? "";
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = inner[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function parseCommit(line) {
  const [commit = "", author = "", email = "", date = ""] = line.slice(commitMarker.length).split("	");
  return { commit, author, email, date };
}
var hunkHeader = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? \1/;
var prefixChars = /^[ +-]*$/;
async function* addedRuns(diff) {
  let commit;
  let path;
  let inHunk = false;
  let nextLine = 0;
  let columns = 1;
  let run;
  let runBytes = 0;
  const take = () => {
    const done2 = run;
    run = void 0;
    runBytes = 0;
    return done2;
  };
  for await (const line of diff) {
    if (line.startsWith(commitMarker)) {
      const done2 = take();
      if (done2) yield done2;
      commit = parseCommit(line);
      path = void 0;
      inHunk = false;
      continue;
    }
    if (line.startsWith("diff --git ") || line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
      const done2 = take();
      if (done2) yield done2;
      path = void 0;
      inHunk = false;
      continue;
    }
    if (!inHunk) {
      if (line.startsWith("+++ ")) {
        const target = line.slice(4).replace(/\t$/, "");
        path = target === "/dev/null" ? void 0 : unquotePath(target).replace(/^b\//, "");
      }
      const hunk2 = hunkHeader.exec(line);
      if (hunk2 && path !== void 0) {
        inHunk = true;
        columns = (hunk2[1]?.length ?? 2) - 1;
        nextLine = Number(hunk2[2]);
      }
      continue;
    }
    const hunk = hunkHeader.exec(line);
    const prefix = line.slice(0, columns);
    if (hunk) {
      const done2 = take();
      if (done2) yield done2;
      columns = (hunk[1]?.length ?? 2) - 1;
      nextLine = Number(hunk[2]);
    } else if (line === "" || prefixChars.test(prefix) && prefix.length === columns && !prefix.includes("-") && prefix.includes(" ")) {
      const done2 = take();
      if (done2) yield done2;
      nextLine++;
    } else if (prefix === "+".repeat(columns)) {
      const text = line.slice(columns);
      if (!run || runBytes > maxRunBytes) {
        const done2 = take();
        if (done2) yield done2;
        run = { path: path ?? "", startLine: nextLine, lines: [], ...commit ? { commit } : {} };
      }
      run.lines.push(text);
      runBytes += text.length + 1;
      nextLine++;
    } else if (prefixChars.test(prefix) && prefix.length === columns || line.startsWith("\\")) {
      const done2 = take();
      if (done2) yield done2;
    } else {
      const done2 = take();
      if (done2) yield done2;
      inHunk = false;
    }
  }
  const done = take();
  if (done) yield done;
}
function addedLinesOf(path, before, after, commit) {
  const old = /* @__PURE__ */ new Map();
  if (before !== "") for (const line of before.split("\n")) old.set(line, (old.get(line) ?? 0) + 1);
  const runs = [];
  let run;
  after.split("\n").forEach((line, index) => {
    const left = old.get(line) ?? 0;
    if (left > 0) {
      old.set(line, left - 1);
      run = void 0;
    } else if (run) {
      run.lines.push(line);
    } else {
      run = { path, startLine: index + 1, lines: [line], ...commit ? { commit } : {} };
      runs.push(run);
    }
  });
  return runs;
}
function runChunk(run, origin) {
  return { origin, data: Buffer.from(`${run.lines.join("\n")}
`, "utf8"), startLine: run.startLine };
}

// src/sources/commit-diffs.ts
function addedRunsInCommits(repo, revisionArgs) {
  return addedRuns(
    gitLines(repo, [
      "log",
      "-p",
      "-U0",
      "--root",
      "--cc",
      "--text",
      `--format=${commitFormat}`,
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--no-relative",
      "--no-show-signature",
      "--src-prefix=a/",
      "--dst-prefix=b/",
      ...revisionArgs
    ])
  );
}
async function utf16AddedRuns(repo, commit, path) {
  const after = await blobAt(repo, commit.commit, path);
  if (!after || !isUtf16(sniffText(after))) return [];
  const before = await blobAt(repo, `${commit.commit}^`, path);
  const text = (blob) => blob ? utf8Of(blob).toString("utf8") : "";
  return addedLinesOf(path, text(before), text(after), commit);
}
async function* addedChunksInCommits(repo, revisionArgs, excluded) {
  const withNul = /* @__PURE__ */ new Map();
  for await (const run of addedRunsInCommits(repo, revisionArgs)) {
    if (!run.commit || excluded?.(run.path)) continue;
    if (run.lines.some((line) => line.includes("\0"))) withNul.set(`${run.commit.commit}\0${run.path}`, { commit: run.commit, path: run.path });
    yield runChunk(run, { kind: "history", path: run.path, ...run.commit });
  }
  for (const { commit, path } of withNul.values()) {
    for (const run of await utf16AddedRuns(repo, commit, path)) yield runChunk(run, { kind: "history", path, ...commit });
  }
}

// src/sources/history.ts
import { existsSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
async function openRepository(path) {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KeywardenError(`not a directory: ${path}`);
  const [probe, promisor] = await Promise.all([
    gitOutput(dir, ["rev-parse", "--is-bare-repository", "--is-shallow-repository", "--is-inside-work-tree", "--show-cdup", "--git-path", "logs/refs/stash"]).catch((error2) => {
      throw new KeywardenError(`not a git repository: ${path}${error2 instanceof Error ? ` (${error2.message})` : ""}`);
    }),
    gitOutput(dir, ["config", "--get-regexp", "^(remote\\..*\\.promisor|extensions\\.partialclone)$"], { allowFailure: true })
  ]);
  const [, shallow, inside, ...rest] = probe.stdout.toString("utf8").replace(/\n$/, "").split("\n");
  const cdup = inside === "true" ? rest.shift() : void 0;
  const stashLog = resolve(dir, rest.join("\n"));
  const workTree = inside === "true" ? realpathSync(resolve(dir, cdup ?? "")) : "";
  const partial = promisor.stdout.toString("utf8").split("\n").some((line) => line.startsWith("extensions.partialclone ") || line.endsWith(" true"));
  const olderStashes = existsSync(stashLog) || existsSync(resolve(stashLog, "..", "..", "..", "reftable"));
  return { dir, ...workTree ? { workTree } : {}, shallow: shallow === "true", partial, olderStashes };
}
async function presentBlobs(repo) {
  const present = /* @__PURE__ */ new Set();
  for await (const line of gitLines(repo.dir, ["cat-file", "--batch-all-objects", "--unordered", "--batch-check=%(objecttype) %(objectname)"])) {
    if (line.startsWith("blob ")) present.add(line.slice(5));
  }
  return present;
}
async function stashEntries(repo) {
  if (!repo.olderStashes) return [];
  const { stdout, code } = await gitOutput(repo.dir, ["log", "-g", "--format=%H", "refs/stash", "--"], { allowFailure: true });
  return code === 0 ? stdout.toString("latin1").split("\n").filter((line) => /^[0-9a-f]{40,64}$/.test(line)) : [];
}
var format = "%x01%H%x09%an%x09%ae%x09%aI";
var [commitByte, rawByte, tabByte, newlineByte] = [1, 58, 9, 10];
var newContent = /* @__PURE__ */ new Set([65, 77, 84]);
function rawSighting(data, start, end) {
  const tab = data.indexOf(tabByte, start);
  if (tab === -1 || tab > end) return void 0;
  const length = (tab - start - 18) / 2;
  if (length !== 40 && length !== 64) return void 0;
  const isRegularFile = data[start + 8] === 49 && data[start + 9] === 48 && data[start + 10] === 48;
  if (!isRegularFile || !newContent.has(data[tab - 1] ?? 0)) return void 0;
  const oidStart = start + 16 + length;
  return { oid: data.toString("latin1", oidStart, oidStart + length), path: unquotePath(data.toString("utf8", tab + 1, end)) };
}
async function readSightings(repo, selection, excluded, onBatch) {
  const revisions = selection.revisions.length > 0 ? ["--end-of-options", ...selection.revisions] : ["--all", ...await stashEntries(repo)];
  const args = [
    "log",
    "--raw",
    "--no-abbrev",
    "--no-renames",
    "--no-relative",
    "--no-show-signature",
    "--root",
    "--diff-merges=first-parent",
    "--date-order",
    "--reverse",
    `--format=${format}`,
    ...selection.since !== void 0 ? [`--since=${selection.since}`] : [],
    ...revisions,
    "--"
  ];
  let commit;
  let seq = 0;
  let rest;
  await gitRead(repo.dir, args, (chunk) => {
    const data = rest ? Buffer.concat([rest, chunk]) : chunk;
    const batch = [];
    let start = 0;
    for (let end = data.indexOf(newlineByte); end !== -1; start = end + 1, end = data.indexOf(newlineByte, start)) {
      if (data[start] === commitByte) {
        const [hash = "", author = "", email = "", date = ""] = data.toString("utf8", start + 1, end).split("	");
        commit = { seq: seq++, commit: hash, author, email, date };
      } else if (data[start] === rawByte && commit) {
        const found = rawSighting(data, start, end);
        if (found && !excluded(found.path)) batch.push({ ...found, commit });
      }
    }
    rest = start < data.length ? Buffer.from(data.subarray(start)) : void 0;
    return batch.length > 0 ? onBatch(batch) : void 0;
  });
}

// src/run/scan-chunks.ts
function chunkSource(chunksOf, options = {}) {
  return {
    ...options.firstPerFingerprint ? { once: "fingerprint" } : {},
    async read(context, emit) {
      const paths = /* @__PURE__ */ new Set();
      for await (const chunk of chunksOf(context.excluded)) {
        const newPath = !paths.has(chunk.origin.path);
        if (newPath) paths.add(chunk.origin.path);
        await emit({ kind: "read", files: newPath ? 1 : 0, bytes: chunk.data.byteLength });
        await emit({ kind: "chunk", chunk });
      }
    }
  };
}

// src/run/history.ts
function historyOrigin(path, commit) {
  return { kind: "history", path, commit: commit.commit, author: commit.author, email: commit.email, date: commit.date };
}
function byCommitThenPlace(a, b) {
  return a.commit.seq - b.commit.seq || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.match.line - b.match.line || a.match.column - b.match.column);
}
function historySource(request) {
  return {
    async read(context, emit) {
      const { findings, warnings, blobs, bytes } = await scanBlobs(request, context);
      for (const warning2 of warnings) await emit({ kind: "warning", warning: warning2 });
      await emit({ kind: "read", files: blobs, bytes });
      for (const found of findings) await emit({ kind: "found", found });
    }
  };
}
async function scanBlobs(request, context) {
  const engine = createEngine([...context.rules]);
  const warnings = [];
  const present = request.repo.partial ? await presentBlobs(request.repo) : void 0;
  const reader = await CatFileBatch.open(request.repo.dir, { maxSize: request.maxBlobSize });
  const clean = /* @__PURE__ */ new Set();
  const withKeys = /* @__PURE__ */ new Map();
  const waiting = /* @__PURE__ */ new Map();
  const earliest = /* @__PURE__ */ new Map();
  const progress = { done: 0, total: 0, bytes: 0 };
  let missing = 0;
  let scanned = 0;
  const attribute = (matches, sighting) => {
    for (const match of matches) {
      const id = `${sighting.path}\0${match.rule.id}\0${match.key}`;
      const known = earliest.get(id);
      if (!known || sighting.commit.seq < known.commit.seq) earliest.set(id, { match, path: sighting.path, commit: sighting.commit });
    }
  };
  const walk = async () => {
    try {
      await readSightings(request.repo, request.selection, context.excluded, (batch) => {
        for (const sighting of batch) {
          const { oid } = sighting;
          if (clean.has(oid)) continue;
          const matches = withKeys.get(oid);
          if (matches) {
            attribute(matches, sighting);
            continue;
          }
          const queued = waiting.get(oid);
          if (queued) {
            queued.push(sighting);
            continue;
          }
          progress.total++;
          if (present && !present.has(oid)) {
            missing++;
            progress.done++;
            clean.add(oid);
            continue;
          }
          waiting.set(oid, [sighting]);
          reader.request(oid);
        }
        if (reader.full) return reader.whenReady();
        reader.flush();
        return void 0;
      });
    } finally {
      reader.end();
    }
  };
  const read = () => reader.readReplies((replies) => {
    for (const reply of replies) {
      let text;
      const sightings = waiting.get(reply.oid) ?? [];
      waiting.delete(reply.oid);
      const oid = sightings[0]?.oid ?? reply.oid;
      progress.done++;
      if (reply.kind === "missing") {
        missing++;
      } else if (reply.kind === "too-large") {
        warnings.push({ path: sightings[0]?.path ?? oid, message: `blob ${oid.slice(0, 12)} (${reply.size} bytes) is larger than the size limit; not scanned` });
      } else if (reply.type === "blob" && (text = decodeText(reply.data)) !== void 0) {
        progress.bytes += reply.size;
        scanned++;
        const matches = detectKeys(text, engine);
        if (matches.length > 0) {
          withKeys.set(oid, matches);
          for (const sighting of sightings) attribute(matches, sighting);
          continue;
        }
      }
      clean.add(oid);
    }
    request.onProgress?.(progress);
  });
  await Promise.all([walk(), read()]);
  request.onProgress?.(progress);
  if (missing > 0) {
    const why = request.repo.partial || request.repo.shallow ? "partial or shallow clone" : "the repository is incomplete or damaged";
    warnings.push({ message: `${missing} object${missing === 1 ? "" : "s"} missing (${why}); their content was not scanned` });
  }
  if (request.repo.shallow) {
    warnings.push({ message: "shallow clone: history before the shallow boundary is not scanned, and keys already there are attributed to the oldest commit present" });
  }
  const attributed = [...earliest.values()].sort(byCommitThenPlace);
  const findings = attributed.map(({ match, path, commit }) => toWire(match, historyOrigin(path, commit)));
  return { findings, warnings, blobs: scanned, bytes: progress.bytes };
}
function rangeSource(request) {
  const revisions = [
    "--date-order",
    "--reverse",
    ...request.since !== void 0 ? [`--since=${request.since}`] : [],
    "--end-of-options",
    request.range,
    "--"
  ];
  return chunkSource((excluded) => addedChunksInCommits(request.repo.dir, revisions, excluded), { firstPerFingerprint: true });
}

// src/run/prepare.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";

// src/detect/suppress.ts
var fingerprintShape = /^.+:[a-z0-9-]+(?:\.[a-z0-9-]+)+:[0-9a-f]{16}$/;
function parseIgnoreFile(text) {
  const list2 = { fingerprints: /* @__PURE__ */ new Set(), pathPatterns: [] };
  for (const raw2 of text.split(/\r?\n/)) {
    const line = raw2.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (fingerprintShape.test(line)) list2.fingerprints.add(line);
    else list2.pathPatterns.push(line);
  }
  return list2;
}
function isSuppressed(finding, suppressions) {
  return suppressions.ignore?.fingerprints.has(finding.fingerprint) === true || suppressions.baseline?.fingerprints.has(finding.fingerprint) === true;
}

// src/run/prepare.ts
async function prepare(config) {
  const file = config.configFile ? (await import("./config-file-GEE4Z7TY.js")).loadConfig(config.configFile) : { exclude: [], rules: [] };
  const ruleFiles = await loadRuleSet([...file.rules, ...config.ruleDirs]);
  const ignore = config.ignoreRoot === void 0 ? { fingerprints: /* @__PURE__ */ new Set(), pathPatterns: [] } : readIgnoreList(config.ignoreRoot);
  ignore.pathPatterns.push(...file.exclude);
  const suppressions = { ignore, ...config.baseline ? { baseline: (await import("./report-file-HVNWR3DU.js")).readBaseline(config.baseline) } : {} };
  const checks = config.verify ? await buildVerifier(config.verify, ruleFiles, config) : void 0;
  return { config, file, ruleFiles, rules: compileRules(ruleFiles), ignore, suppressions, ...checks };
}
async function buildVerifier(settings, ruleFiles, config) {
  const [{ createVerifier, defaultVerifySettings }, { fetchClient }] = await Promise.all([import("./verifier-OA4E5XH2.js"), import("./http-AYGVF6SO.js")]);
  const verifySettings = verifySettingsFrom(settings, config.env, defaultVerifySettings);
  if (config.revoke) return (await import("./revoke-NYM5ADDW.js")).buildRevokeStep(config.revoke, ruleFiles, verifySettings, config.env);
  return { verifier: createVerifier(ruleFiles, verifySettings, { http: fetchClient, env: config.env }) };
}
function pick(value, flag, env, envName, fallback, valid, what) {
  if (value !== void 0) {
    if (!valid(value)) throw new UsageError(`${flag}: ${what}`);
    return value;
  }
  if (env !== void 0 && env.trim() !== "") {
    const fromEnv = Number(env);
    if (!valid(fromEnv)) throw new UsageError(`${envName}=${env}: ${what}`);
    return fromEnv;
  }
  return fallback;
}
function verifySettingsFrom(settings, env, defaultVerifySettings) {
  const seconds = pick(settings.timeoutSeconds, "--verify-timeout", env.KEYWARDEN_VERIFY_TIMEOUT, "KEYWARDEN_VERIFY_TIMEOUT", defaultVerifySettings.timeoutMs / 1e3, (n) => Number.isFinite(n) && n >= 1e-3 && n <= 600, "a number of seconds from 0.001 to 600");
  const concurrency = pick(settings.concurrency, "--verify-concurrency", env.KEYWARDEN_VERIFY_CONCURRENCY, "KEYWARDEN_VERIFY_CONCURRENCY", defaultVerifySettings.concurrency, (n) => Number.isInteger(n) && n >= 1 && n <= 256, "a whole number from 1 to 256");
  const cache = settings.longRunning ? defaultVerifySettings.cache : { ...defaultVerifySettings.cache, ttlMs: Infinity, unknownTtlMs: Infinity };
  return { ...defaultVerifySettings, timeoutMs: Math.round(seconds * 1e3), concurrency, ...cache ? { cache } : {} };
}
function readIgnoreList(root) {
  try {
    return parseIgnoreFile(readFileSync(join(root, ".keywardenignore"), "utf8"));
  } catch (error2) {
    if (error2.code === "ENOENT") return { fingerprints: /* @__PURE__ */ new Set(), pathPatterns: [] };
    throw new UsageError(`cannot read ${join(root, ".keywardenignore")}: ${error2.code ?? String(error2)}`);
  }
}

// src/detect/tuning.ts
var tuningSample = 1024 * 1024;
var AnchorTuner = class {
  #counts = new Float64Array(256);
  #counted = 0;
  /** Feed bytes; returns the tuned engine once the sample is complete (once), else undefined. */
  feed(data, engine) {
    const counts = this.#counts;
    if (!counts) return void 0;
    const end = Math.min(data.length, tuningSample - this.#counted);
    for (let i = 0; i < end; i++) {
      const byte = data[i] ?? 0;
      counts[byte] = (counts[byte] ?? 0) + 1;
    }
    this.#counted += end;
    if (this.#counted < tuningSample) return void 0;
    this.#counts = void 0;
    return createEngine(engine.rules, counts);
  }
};

// src/run/verdict.ts
var statusOf2 = (finding) => finding.verification?.status ?? "skipped";
function isFailing(finding, failOn) {
  return failOn === "any" || statusOf2(finding) !== "invalid";
}
var statusOrder = { live: 0, unknown: 1, skipped: 2, invalid: 3 };
function byUrgency(findings) {
  const rank = (finding) => statusOrder[statusOf2(finding)] * 10 + severities.indexOf(finding.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
function leftOutNote(results, left) {
  if (left.size === 0) return void 0;
  const counts = [...left].map(([status, n]) => `${n} ${status}`).join(", ");
  const total = [...left.values()].reduce((sum, n) => sum + n, 0);
  const unknown = left.has("unknown");
  return {
    kind: "filter",
    message: `--results ${[...results].join(",")} left out ${counts} finding${total === 1 ? "" : "s"}${unknown ? " (unknown: the key could not be checked and may still work)" : ""}`
  };
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function verdictOf(input) {
  if (input.failing > 0) {
    if (input.failingHidden > 0) return { exitCode: ExitCode.findings, why: `exit 1: ${plural(input.failingHidden, "failing finding")} not shown (see the --results note)` };
    return { exitCode: ExitCode.findings };
  }
  if (input.incomplete.length > 0) {
    const names = [...new Set(input.incomplete.map((warning2) => warning2.path).filter((path) => path !== void 0))];
    const listed = names.length > 0 ? `: ${names.slice(0, 5).join(", ")}${names.length > 5 ? `, and ${names.length - 5} more` : ""}` : "";
    return { exitCode: ExitCode.error, why: `exit 2: not every ${input.noun} could be read to its end (${plural(input.incomplete.length, "warning")}${listed})` };
  }
  if (input.passingShown > 0) return { exitCode: ExitCode.clean, why: "exit 0: every key found is known dead (--fail-on live)" };
  return { exitCode: ExitCode.clean };
}

// src/run/verify.ts
async function verifyFinding(finding, verifier) {
  if (finding.verification) return finding;
  const { verification, severity } = await verifier.verify(finding.ruleId, finding.secret);
  return { ...finding, verification, ...severity ? { severity } : {} };
}
var defaultWaitingLimit = 1024;
function verifyQueue(verifier, deliver, options = {}) {
  const ordered = options.ordered ?? true;
  const limit = options.limit ?? defaultWaitingLimit;
  let tail = Promise.resolve();
  let pending = 0;
  let waiters = [];
  const settled = () => new Promise((resolve3) => waiters.push(resolve3));
  let failure;
  const check = () => {
    if (failure) throw failure.error;
  };
  const handOn = (verified) => {
    const step = async () => {
      const done = await verified;
      if (!failure) await deliver(done);
    };
    tail = tail.then(step).catch((error2) => {
      failure ??= { error: error2 };
    }).finally(() => {
      pending--;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    });
  };
  return {
    async add(finding) {
      check();
      pending++;
      const verified = verifyFinding(finding, verifier);
      verified.catch(() => void 0);
      if (ordered) handOn(verified);
      else void verified.then(() => handOn(verified), () => handOn(verified));
      while (pending >= limit) await settled();
      check();
    },
    async drain() {
      while (pending > 0) await settled();
      await tail;
      check();
    }
  };
}

// src/run/tail.ts
var Tally = class {
  constructor(failOn, results) {
    this.failOn = failOn;
    this.results = results;
  }
  failOn;
  results;
  found = 0;
  suppressed = 0;
  #shown = 0;
  #failing = 0;
  #failingHidden = 0;
  #passingShown = 0;
  #allInput = true;
  #paths = /* @__PURE__ */ new Set();
  #byStatus = /* @__PURE__ */ new Map();
  #leftOut = /* @__PURE__ */ new Map();
  /** Count a checked finding; whether `--results` lets it be shown. */
  report(finding) {
    const status = statusOf2(finding);
    const failing = isFailing(finding, this.failOn);
    if (failing) this.#failing++;
    if (this.results && !this.results.has(status)) {
      this.#leftOut.set(status, (this.#leftOut.get(status) ?? 0) + 1);
      if (failing) this.#failingHidden++;
      return false;
    }
    this.#shown++;
    this.#allInput &&= finding.origin.kind === "input";
    if (!failing) this.#passingShown++;
    this.#paths.add(`${finding.origin.repository ?? ""}\0${finding.origin.path}`);
    this.#byStatus.set(status, (this.#byStatus.get(status) ?? 0) + 1);
    return true;
  }
  leftOutNote() {
    return this.results ? leftOutNote(this.results, this.#leftOut) : void 0;
  }
  counts() {
    const shown2 = this.#shown;
    return { found: this.found, shown: shown2, files: this.#paths.size, byStatus: Object.fromEntries(this.#byStatus), leftOut: Object.fromEntries(this.#leftOut), suppressed: this.suppressed, allInput: this.#allInput && shown2 > 0 };
  }
  verdict(noun, warnings) {
    return verdictOf({
      failOn: this.failOn,
      failing: this.#failing,
      failingHidden: this.#failingHidden,
      passingShown: this.#passingShown,
      noun,
      incomplete: warnings.filter((warning2) => warning2.kind === "incomplete")
    });
  }
};
function firstOnly(once) {
  if (!once) return void 0;
  const seen = /* @__PURE__ */ new Set();
  return (finding) => {
    const id = once === "fingerprint" ? finding.fingerprint : `${finding.ruleId}\0${finding.secretHash}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}
function suppressedAsPrinted(suppressions, redact) {
  const lists = [suppressions.ignore?.fingerprints, suppressions.baseline?.fingerprints].filter((list2) => list2 !== void 0 && list2.size > 0);
  if (lists.length === 0) return () => false;
  return (finding) => printedFingerprints(finding.fingerprint, redact).some((printed) => lists.some((list2) => list2?.has(printed)));
}
async function runTail(source, prepared, options = {}) {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { config, rules, suppressions, verifier } = prepared;
  let engine = createEngine(rules);
  const redactEngine = engine;
  const isSuppressedAsPrinted = suppressedAsPrinted(suppressions, (text) => redactKeys(text, redactEngine));
  const tuner = source.tuneAnchors ? new AnchorTuner() : void 0;
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const isFirst = firstOnly(source.once);
  const warnings = [];
  const kept = [];
  const stats = { files: 0, bytes: 0 };
  const tally = new Tally(config.failOn, config.results);
  const report = async (finding) => {
    prepared.revoker?.submit(finding);
    if (!tally.report(finding)) return;
    if (options.keep) kept.push(finding);
    await options.onFinding?.(finding);
  };
  const queue = verifier ? verifyQueue(verifier, report, { ordered: !source.unordered }) : void 0;
  const handOn = async (finding) => {
    tally.found++;
    await (queue ? queue.add(finding) : report(finding));
  };
  const settling = source.settle ? [] : void 0;
  const accept = async (finding) => {
    if (isFirst && !isFirst(finding)) return;
    if (isSuppressed(finding, suppressions) || isSuppressedAsPrinted(finding)) {
      tally.suppressed++;
      return;
    }
    if (settling) settling.push(finding);
    else await handOn(finding);
  };
  const warn2 = (warning2) => {
    warnings.push(warning2);
    options.onWarning?.(warning2);
  };
  const onEvent = async (event) => {
    switch (event.kind) {
      case "chunk": {
        const { chunk } = event;
        const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
        if (tuner) engine = tuner.feed(data, engine) ?? engine;
        for (const match of detectKeys(data, engine, { startLine: chunk.startLine, ...chunk.window })) await accept(toFinding(toWire(match, chunk.origin), match.rule));
        return;
      }
      case "found": {
        const rule = ruleById.get(event.found.ruleId);
        if (rule) await accept(toFinding(event.found, rule));
        return;
      }
      case "finding":
        return accept(event.finding);
      case "warning":
        return warn2(event.warning);
      case "read":
        stats.files += event.files;
        stats.bytes += event.bytes;
        return;
    }
  };
  const context = {
    ruleFiles: prepared.ruleFiles,
    rules,
    excludePatterns: prepared.ignore.pathPatterns,
    // The glob matcher is loaded only when there are patterns: the commit guard runs on every commit.
    excluded: prepared.ignore.pathPatterns.length > 0 ? (await import("./worktree-2OJGRR2H.js")).excludedPaths(prepared.ignore.pathPatterns) : () => false
  };
  await source.read(context, onEvent);
  if (settling && source.settle) for (const finding of await source.settle(settling)) await handOn(finding);
  await queue?.drain();
  const revocations = await prepared.revoker?.settle();
  const note = tally.leftOutNote();
  if (note) warn2(note);
  let findings = source.order ? kept.sort(source.order) : kept;
  if (verifier) findings = byUrgency(findings);
  return {
    findings,
    warnings,
    stats: { files: stats.files, bytes: stats.bytes, durationMs: Math.round(clock() - started) },
    counts: tally.counts(),
    verdict: tally.verdict(source.noun ?? "input", warnings),
    verified: verifier !== void 0,
    ...revocations ? { revocations } : {},
    ...source.repositories ? { repositories: source.repositories() } : {},
    ...source.shard ? { shard: source.shard } : {}
  };
}

// src/rules/prefixes.ts
import { readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
function keyPrefixes(files) {
  return [...new Set(files.flatMap((file) => file.data.rules.flatMap((rule) => rule.keywords)))];
}
function builtinKeyPrefixes() {
  const cached = readRuleCache(builtinRulesDir);
  if (cached) return keyPrefixes(cached);
  try {
    const texts = readdirSync(builtinRulesDir).filter((name) => /\.ya?ml$/.test(name)).map((name) => readFileSync2(join2(builtinRulesDir, name), "utf8"));
    return [...new Set(texts.flatMap((text) => [...text.matchAll(/^\s*keywords:\s*\[([^\]]*)\]/gm)].flatMap((match) => (match[1] ?? "").split(",").map((word) => word.trim().replace(/^['"]|['"]$/g, "")))))].filter((word) => word !== "");
  } catch {
    return [];
  }
}

// src/report/colors.ts
var import_picocolors = __toESM(require_picocolors(), 1);
function colors(enabled) {
  return import_picocolors.default.createColors(enabled);
}

// src/report/human.ts
var severityColor = {
  critical: "magenta",
  high: "red",
  medium: "yellow",
  low: "blue"
};
function outcomePaint(status, c) {
  switch (status) {
    case "live":
      return c.red;
    case "unknown":
      return c.yellow;
    case "invalid":
    case "skipped":
      return c.dim;
  }
}
function statusTag(status, c) {
  const tag = status.toUpperCase();
  return status === "live" || status === "unknown" ? c.bold(outcomePaint(status, c)(tag)) : outcomePaint(status, c)(tag);
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
function verificationLines(verification, severity, c) {
  const lines = [];
  const escalation = escalationOf(verification);
  if (escalation) lines.push(`  ${c.bold(c[severityColor[severity]](`${severity}: ${escalation}`))}`);
  const outcome = describeOutcome(verification);
  if (outcome) lines.push(`  ${outcomePaint(verification.status, c)(outcome)}`);
  return lines;
}
function renderFinding(finding, rule, context, c) {
  const where = `${printable(placeOf(finding.origin))}:${finding.line}:${finding.column}`;
  const key = printable(context.showSecrets ? finding.secret.reveal() : finding.secret.redacted);
  const severity = c[severityColor[finding.severity]](finding.severity);
  const encoded = finding.encoding ? c.dim(` (${finding.encoding}-encoded)`) : "";
  const verification = verificationOf(finding);
  const tag = verification ? `  ${statusTag(verification.status, c)}` : "";
  const lines = [`${c.bold(where)}${tag}  ${printable(rule?.name ?? finding.ruleId)}  ${severity}  ${c.cyan(key)}${encoded}`];
  if (verification) lines.push(...verificationLines(verification, finding.severity, c));
  if (finding.origin.kind === "history") {
    const { commit, author, date } = finding.origin;
    lines.push(`  ${c.dim(printable(`commit ${commit.slice(0, 12)} by ${author} on ${date}`))}`);
  }
  if (rule) lines.push(`  ${c.dim("fix:")} ${rule.hint}`);
  if (finding.origin.kind !== "input") lines.push(`  ${c.dim(suppressHint(finding, context))}`);
  return lines.join("\n");
}
function tallyOf(findings, files) {
  return {
    found: findings.length,
    files,
    outcomes: isVerified(findings) ? countByStatus(findings) : [],
    allInput: findings.length > 0 && findings.every((finding) => finding.origin.kind === "input")
  };
}
function outcomeCounts(tally, c) {
  if (tally.outcomes.length === 0) return "";
  const counts = tally.outcomes.map(([status, count]) => outcomePaint(status, c)(`${count} ${status}`));
  return ` (${counts.join(", ")})`;
}
function checkedSummary(result, tally, why, c) {
  const found = tally.found;
  const warned = result.warnings.length;
  const warnings = warned > 0 ? ` \xB7 ${c.yellow(`${warned} warning${warned === 1 ? "" : "s"}`)}` : "";
  if (found === 0) return `${c.green("\u2714 no keys to check")}${warnings}${why}`;
  return `${c.bold(`${found} key${found === 1 ? "" : "s"} checked`)}${outcomeCounts(tally, c)}${warnings}${why}`;
}
function summaryLine(result, tally, context, c) {
  const why = context.verdict?.why ? ` \xB7 ${c.bold(context.verdict.why)}` : "";
  if (tally.allInput) return checkedSummary(result, tally, why, c);
  const { files, bytes, durationMs } = result.stats;
  const scanned = c.dim(`${files} file${files === 1 ? "" : "s"} (${formatBytes(bytes)}) scanned in ${(durationMs / 1e3).toFixed(2)} s`);
  const suppressed = context.suppressed ? c.dim(`, ${context.suppressed} suppressed`) : "";
  const warned = result.warnings.filter((warning2) => warning2.kind !== "filter").length;
  const warnings = warned > 0 ? ` \xB7 ${c.yellow(`${warned} warning${warned === 1 ? "" : "s"}: not everything was scanned`)}` : "";
  const found = tally.found;
  const failed = (context.verdict?.exitCode ?? 0) !== 0;
  if (found === 0 && !failed) return `${c.green("\u2714 no leaked keys")} \xB7 ${scanned}${suppressed}${warnings}${why}`;
  if (found === 0) return `${c.red(c.bold("\u2716 no leaked key shown"))} \xB7 ${scanned}${suppressed}${warnings}${why}`;
  const inFiles = `${tally.files} file${tally.files === 1 ? "" : "s"}`;
  return `${c.red(c.bold(`\u2716 ${found} leaked key${found === 1 ? "" : "s"}`))}${outcomeCounts(tally, c)} in ${inFiles} \xB7 ${scanned}${suppressed}${warnings}${why}`;
}
function renderHuman(result, context, rules, color) {
  const c = colors(color);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const blocks = result.findings.map((finding) => renderFinding(finding, byId.get(finding.ruleId), context, c));
  return `${[...blocks, summaryLine(result, tallyOf(result.findings, distinctFiles(result)), context, c)].join("\n\n")}
`;
}

// src/report/revocations.ts
var inertCell = (text) => cell(printable(text)).replace(/[@#]/g, (c) => `\`${c}\``);
var clockTime = (at) => `${at.slice(11, 19)} UTC`;
function whatHappened(revocation) {
  if (revocation.outcome === "revoked") return `**${revocation.action === "delete" ? "deleted" : "disabled"}** at ${clockTime(revocation.at)}: the owner should create a new key`;
  if (revocation.outcome === "already-revoked") return "already dead";
  return `**${revocation.outcome}**${revocation.reason !== void 0 ? `: ${inertCell(revocation.reason)}` : ""}`;
}
function renderRevocationsMarkdown(revocations) {
  if (revocations.length === 0) return "";
  const rows = revocations.map((revocation) => `| \`${inertCell(revocation.redacted)}\` | ${whatHappened(revocation)} | ${revocation.target ? inertCell([revocation.target.name, revocation.target.label].filter((part) => part !== void 0).join(" ")) : ""} |`);
  return ["### Revocation", "", "| key | what keywarden did | account key |", "|---|---|---|", ...rows, ""].join("\n");
}

// src/report/html-assets.ts
import { createRequire } from "node:module";
var style = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff; --panel: #f6f8fa; --line: #d1d9e0;
  --accent: #0969da; --live: #cf222e; --unknown: #9a6700; --revoked: #1a7f37; --invalid: #59636e; --skipped: #8c959f; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
  --accent: #4493f8; --live: #f85149; --unknown: #d29922; --revoked: #3fb950; --invalid: #9198a1; --skipped: #656c76; } }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 84rem; padding: 1.5rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; } h2 small { font-weight: normal; color: var(--muted); }
.meta, .note, figcaption, footer { color: var(--muted); }
.urgent { color: var(--live); font-weight: 600; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; padding: 0; }
.totals div { min-width: 7rem; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.totals dt { font-size: .8rem; color: var(--muted); } .totals dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.totals .live dd { color: var(--live); } .totals .unknown dd { color: var(--unknown); } .totals .revoked dd { color: var(--revoked); }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem 3rem; align-items: flex-start; }
figure { margin: 0; } figcaption { margin-bottom: .25rem; font-weight: 600; }
svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg text { fill: var(--fg); } svg .bar rect { fill: var(--accent); } svg .axis { stroke: var(--line); }
svg .status-live rect { fill: var(--live); } svg .status-unknown rect { fill: var(--unknown); } svg .status-revoked rect { fill: var(--revoked); }
svg .status-invalid rect { fill: var(--invalid); } svg .status-skipped rect { fill: var(--skipped); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: 1rem 0; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters select, .filters input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .2rem .4rem; }
.filters input { min-width: 16rem; }
table { width: 100%; border-collapse: collapse; margin-bottom: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { background: var(--panel); font-size: .85rem; white-space: nowrap; }
td.place, td.key small { overflow-wrap: anywhere; } td.nowrap { white-space: nowrap; }
th button { all: unset; cursor: pointer; } th button:focus-visible { outline: 2px solid var(--accent); }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort=ascending] button::after { content: " \\2191"; } th[aria-sort=descending] button::after { content: " \\2193"; }
td small { display: block; color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: var(--accent); }
.status { font-weight: 600; } .status-live { color: var(--live); } .status-unknown { color: var(--unknown); } .status-revoked { color: var(--revoked); }
.status-invalid, .status-skipped { color: var(--invalid); font-weight: normal; }
.sev-critical { color: var(--live); font-weight: 600; }
footer { margin-top: 2rem; padding-top: .75rem; border-top: 1px solid var(--line); font-size: .85rem; }
@media print {
  :root { color-scheme: light; --fg: #000; --muted: #444; --bg: #fff; --panel: #fff; --line: #bbb; --accent: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters, noscript { display: none !important; }
  a { color: inherit; text-decoration: none; }
  th button::after { content: none; }
  tr, figure, .totals div { break-inside: avoid; } thead { display: table-header-group; } h2 { break-after: avoid; }
}
`;
var script = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  var tables = Array.prototype.slice.call(document.querySelectorAll('table.findings'));
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  function sortKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var key = cell.getAttribute('data-sort');
    return key === null ? cell.textContent : key;
  }

  function sortBy(table, header, index) {
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = collator.compare(sortKey(a, index), sortKey(b, index));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = header.textContent;
      button.title = 'sort by ' + header.textContent;
      header.textContent = '';
      header.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, header, index); });
    });
  });

  if (!form) return;
  var provider = form.elements.namedItem('provider');
  var status = form.elements.namedItem('status');
  var text = form.elements.namedItem('text');

  function matches(row, wantedProvider, wantedStatus, words) {
    if (wantedProvider && row.getAttribute('data-provider') !== wantedProvider) return false;
    if (wantedStatus && row.getAttribute('data-status') !== wantedStatus) return false;
    return !words || row.textContent.toLowerCase().indexOf(words) !== -1;
  }

  function filter() {
    var wantedProvider = provider ? provider.value : '';
    var wantedStatus = status ? status.value : '';
    var words = text ? text.value.trim().toLowerCase() : '';
    var total = 0;
    var visible = 0;
    tables.forEach(function (table) {
      var rows = table.tBodies[0].rows;
      var left = 0;
      for (var i = 0; i < rows.length; i++) {
        var match = matches(rows[i], wantedProvider, wantedStatus, words);
        rows[i].hidden = !match;
        if (match) left++;
      }
      total += rows.length;
      visible += left;
      table.hidden = left === 0;
      var none = table.parentNode.querySelector('.none');
      if (none) none.hidden = left > 0;
    });
    if (shown) shown.textContent = visible === total ? total + ' shown' : visible + ' of ' + total + ' shown';
  }

  form.addEventListener('input', filter);
  form.addEventListener('change', filter);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  filter();
})();
`;
var cspSource = (text) => `'sha256-${createRequire(import.meta.url)("node:crypto").createHash("sha256").update(text, "utf8").digest("base64")}'`;
var policy;
function contentSecurityPolicy() {
  policy ??= ["default-src 'none'", `style-src ${cspSource(style)}`, `script-src ${cspSource(script)}`, "img-src data:", "base-uri 'none'", "form-action 'none'"].join("; ");
  return policy;
}

// src/report/html-text.ts
function escapeHtml(text) {
  return printable(text).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
var entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function plural2(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// src/report/html-charts.ts
var maxLabel = 18;
var rowHeight = 22;
var labelWidth = 130;
var barSpace = 220;
var chartWidth = labelWidth + barSpace + 50;
var shortened = (label) => label.length > maxLabel ? `${label.slice(0, maxLabel - 1)}\u2026` : label;
function barChart(caption, bars) {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight;
    const width = bar.value === 0 ? 0 : Math.max(2, Math.round(bar.value / largest * barSpace));
    const label = escapeHtml(bar.label);
    return `<g class="bar${bar.tone ? ` ${bar.tone}` : ""}" data-label="${label}" data-value="${bar.value}"><title>${label}: ${bar.value}</title><text class="label" x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shortened(bar.label))}</text><rect x="${labelWidth}" y="${y + 3}" width="${width}" height="16" rx="2"/><text class="count" x="${labelWidth + width + 6}" y="${y + 15}">${bar.value}</text></g>`;
  });
  const height = bars.length * rowHeight;
  return figure(caption, `<svg viewBox="0 0 ${chartWidth} ${height}" width="${chartWidth}" height="${height}" role="img" aria-label="${escapeHtml(caption)}">${rows.join("")}</svg>`);
}
function figure(caption, svg) {
  return `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
}
var dayMs = 864e5;
function dayOf(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return void 0;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return void 0;
  return Date.UTC(year, month - 1, day) / dayMs;
}
function bucketOf(day, unit) {
  const iso = new Date(day * dayMs).toISOString();
  return unit === "day" ? iso.slice(0, 10) : unit === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
}
function unitFor(first, last) {
  if (last - first <= 92) return "day";
  return last - first <= 3660 ? "month" : "year";
}
function bucketsBetween(first, last, unit) {
  const buckets = [];
  const start = new Date(first * dayMs);
  for (let step = 0; ; step++) {
    const at = unit === "day" ? first + step : Date.UTC(start.getUTCFullYear() + (unit === "year" ? step : 0), unit === "month" ? start.getUTCMonth() + step : 0, 1) / dayMs;
    if (at > last) return buckets;
    buckets.push(bucketOf(at, unit));
  }
}
var timelineWidth = 640;
var timelineHeight = 120;
var axisHeight = 18;
var labelRoom = 70;
function timelineChart(caption, dates) {
  const days = dates.map(dayOf).filter((day) => day !== void 0);
  if (days.length === 0) return void 0;
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit = unitFor(first, last);
  const counts = /* @__PURE__ */ new Map();
  for (const day of days) counts.set(bucketOf(day, unit), (counts.get(bucketOf(day, unit)) ?? 0) + 1);
  const buckets = bucketsBetween(first, last, unit);
  const largest = Math.max(...counts.values());
  const slot = timelineWidth / buckets.length;
  const labelEvery = Math.ceil(buckets.length / 8);
  const bars = buckets.map((bucket, index) => {
    const value = counts.get(bucket) ?? 0;
    const height2 = value === 0 ? 0 : Math.max(2, Math.round(value / largest * (timelineHeight - 16)));
    const x = (index * slot).toFixed(1);
    const label = index % labelEvery === 0 ? `<text class="label" x="${x}" y="${timelineHeight + 13}">${bucket}</text>` : "";
    return `<g class="bar" data-label="${bucket}" data-value="${value}"><title>${bucket}: ${value}</title><rect x="${x}" y="${timelineHeight - height2}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${height2}" rx="1"/>${label}</g>`;
  });
  const height = timelineHeight + axisHeight;
  const width = timelineWidth + labelRoom;
  const axis = `<line class="axis" x1="0" y1="${timelineHeight + 0.5}" x2="${timelineWidth}" y2="${timelineHeight + 0.5}"/>`;
  return figure(
    `${caption} (per ${unit})`,
    `<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(caption)}">${axis}${bars.join("")}</svg>`
  );
}

// src/report/html.ts
var keyStatuses = ["live", "unknown", "revoked", "skipped", "invalid"];
var severityRank = { critical: 0, high: 1, medium: 2, low: 3 };
var repositoryShape = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
function revokedHashes(result) {
  return new Set((result.revocations ?? []).filter((revocation) => revocation.outcome === "revoked").map((revocation) => revocation.secretHash));
}
function keyStatusOf(finding, revoked) {
  return revoked.has(finding.secretHash) ? "revoked" : statusOf(finding);
}
function statusPerKey(findings, revoked) {
  const perKey = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const status = keyStatusOf(finding, revoked);
    const known = perKey.get(finding.secretHash);
    if (known === void 0 || keyStatuses.indexOf(status) < keyStatuses.indexOf(known)) perKey.set(finding.secretHash, status);
  }
  return perKey;
}
function countsOf(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
function repositoriesOf(result) {
  if (result.repositories) return result.repositories;
  const named = [...new Set(result.findings.flatMap((finding) => finding.origin.repository === void 0 ? [] : [finding.origin.repository]))];
  return named.length > 0 ? { scanned: named.sort(), notScanned: [] } : void 0;
}
function totalsOf(result) {
  const { findings } = result;
  const perKey = statusPerKey(findings, revokedHashes(result));
  const byStatus = countsOf([...perKey.values()]);
  const totals = [
    { name: "findings", value: findings.length },
    { name: "keys", value: perKey.size }
  ];
  if (isVerified(findings)) {
    totals.push({ name: "live", value: byStatus.get("live") ?? 0, tone: "live" });
    if (result.revocations) totals.push({ name: "revoked", value: byStatus.get("revoked") ?? 0, tone: "revoked" });
    totals.push({ name: "invalid", value: byStatus.get("invalid") ?? 0 }, { name: "unknown", value: byStatus.get("unknown") ?? 0, tone: "unknown" });
    if (byStatus.has("skipped")) totals.push({ name: "skipped", value: byStatus.get("skipped") ?? 0 });
  }
  const repositories = repositoriesOf(result);
  if (repositories) {
    totals.push({ name: result.repositories ? "repositories scanned" : "repositories with findings", value: repositories.scanned.length });
    if (result.repositories) totals.push({ name: "repositories not scanned", value: repositories.notScanned.length, tone: repositories.notScanned.length > 0 ? "unknown" : "" });
  }
  totals.push({ name: "files scanned", value: result.stats.files }, { name: "warnings", value: result.warnings.length + (repositories?.notScanned.length ?? 0) });
  return totals;
}
function totalsSection(totals) {
  const items = totals.map((total) => `<div${total.tone ? ` class="${total.tone}"` : ""}><dt>${escapeHtml(total.name)}</dt><dd>${total.value}</dd></div>`);
  return `<dl class="totals" aria-label="totals">${items.join("")}</dl>`;
}
function chartsSection(result, revoked) {
  const { findings } = result;
  if (findings.length === 0) return "";
  const byProvider = [...countsOf(findings.map((finding) => finding.provider))].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const charts = [barChart("Findings by provider", byProvider.map(([label, value]) => ({ label, value })))];
  if (isVerified(findings)) {
    const byStatus = countsOf(findings.map((finding) => keyStatusOf(finding, revoked)));
    const bars = keyStatuses.filter((status) => byStatus.has(status)).map((status) => ({ label: status, value: byStatus.get(status) ?? 0, tone: `status-${status}` }));
    charts.push(barChart("Findings by status", bars));
  }
  const dates = findings.flatMap((finding) => finding.origin.kind === "history" ? [finding.origin.date] : []);
  const timeline = timelineChart("Keys committed over time", dates);
  if (timeline) charts.push(timeline);
  return `<section class="charts" aria-label="charts">${charts.join("")}</section>`;
}
function linkOf(finding) {
  const { origin } = finding;
  if (origin.kind !== "history" || origin.repository === void 0 || !repositoryShape.test(origin.repository)) return void 0;
  if (!/^[0-9a-f]{7,64}$/.test(origin.commit) || finding.redactedFields?.some((field2) => field2 === "path" || field2 === "repository")) return void 0;
  const path = origin.path.split("/").map(encodeURIComponent).join("/");
  return `https://github.com/${origin.repository}/blob/${origin.commit}/${path}#L${finding.line}`;
}
function headerRow(columns) {
  const names = ["Location", "Provider", "Severity", ...columns.verified ? ["Status"] : [], ...columns.history ? ["Commit", "Author", "Date"] : [], "Key and fingerprint"];
  return `<tr>${names.map((name) => `<th scope="col">${name}</th>`).join("")}</tr>`;
}
function statusCell(finding, status) {
  const verification = verificationOf(finding);
  const said = verification && [escalationOf(verification), describeOutcome(verification)].filter((text) => text !== void 0).join("; ");
  const detail = said ? `<small>${escapeHtml(said)}</small>` : "";
  return `<td data-sort="${keyStatuses.indexOf(status)}"><span class="status status-${status}">${status}</span>${detail}</td>`;
}
function historyCells(finding) {
  const { origin } = finding;
  if (origin.kind !== "history") return "<td></td><td></td><td></td>";
  const date = `<td class="nowrap" data-sort="${escapeHtml(origin.date)}">${escapeHtml(origin.date.slice(0, 10))}</td>`;
  return `<td class="nowrap"><code>${escapeHtml(origin.commit.slice(0, 12))}</code></td><td>${escapeHtml(origin.author)}</td>${date}`;
}
function findingRow(finding, columns, revoked) {
  const status = keyStatusOf(finding, revoked);
  const place = escapeHtml(`${finding.origin.path}:${finding.line}`);
  const link = linkOf(finding);
  const location = link ? `<a href="${escapeHtml(link)}" rel="noreferrer">${place}</a>` : place;
  const severity = escapeHtml(finding.severity);
  const cells = [
    `<td class="place">${location}</td>`,
    `<td>${escapeHtml(finding.provider)}</td>`,
    `<td data-sort="${severityRank[finding.severity] ?? 9}" class="sev-${severity}">${severity}</td>`,
    columns.verified ? statusCell(finding, status) : "",
    columns.history ? historyCells(finding) : "",
    // Always the redacted form: the page never holds a raw key, --show-secrets or not.
    `<td class="key"><code>${escapeHtml(finding.secret.redacted)}</code><small><code>${escapeHtml(finding.fingerprint)}</code></small></td>`
  ];
  return `<tr data-provider="${escapeHtml(finding.provider)}" data-status="${status}">${cells.join("")}</tr>`;
}
function groupsOf(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const name = finding.origin.repository ?? "";
    const group = groups.get(name);
    if (group) group.push(finding);
    else groups.set(name, [finding]);
  }
  return [...groups].sort(([a], [b]) => a === "" ? 1 : b === "" ? -1 : a.localeCompare(b));
}
function findingsTable(heading, findings, columns, revoked) {
  const rows = findings.map((finding) => findingRow(finding, columns, revoked)).join("\n");
  return `<section class="repository"><h2>${heading} <small>${plural2(findings.length, "finding")}</small></h2><table class="findings"><thead>${headerRow(columns)}</thead><tbody>
${rows}
</tbody></table><p class="none note" hidden>No finding here matches the filters.</p></section>`;
}
function option(value, label = value) {
  return `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
}
function filterForm(findings, verified, revoked) {
  const providers = [...new Set(findings.map((finding) => finding.provider))].sort();
  const present = new Set(findings.map((finding) => keyStatusOf(finding, revoked)));
  const statuses = keyStatuses.filter((status2) => present.has(status2));
  const status = verified ? `<label>Status <select name="status">${option("", "all")}${statuses.map((value) => option(value)).join("")}</select></label>` : "";
  return `<form id="filters" class="filters" role="search" hidden><label>Provider <select name="provider">${option("", "all")}${providers.map((value) => option(value)).join("")}</select></label>${status}<label>Search <input name="text" type="search" placeholder="path, author, commit, fingerprint\u2026" autocomplete="off"></label><output id="shown" aria-live="polite"></output></form><noscript><p class="note">Sorting and filtering need JavaScript; every finding is listed below, in the order of the report.</p></noscript>`;
}
function findingsSection(result, revoked) {
  const { findings } = result;
  const clean = (result.repositories?.scanned ?? []).filter((name) => !findings.some((finding) => finding.origin.repository === name));
  const cleanNote = clean.length > 0 ? `<p class="note">No findings in ${clean.length} ${clean.length === 1 ? "repository" : "repositories"}: ${clean.map(escapeHtml).join(", ")}.</p>` : "";
  if (findings.length === 0) return `<p>No leaked keys found.</p>${cleanNote}`;
  const columns = { verified: isVerified(findings), history: findings.some((finding) => finding.origin.kind === "history") };
  const groups = groupsOf(findings);
  const grouped = groups.some(([name]) => name !== "");
  const tables = groups.map(([name, members]) => findingsTable(grouped ? escapeHtml(name || "no repository") : "Findings", members, columns, revoked));
  return `${filterForm(findings, columns.verified, revoked)}${tables.join("\n")}${cleanNote}`;
}
function warningsSection(result) {
  const notScanned = (result.repositories?.notScanned ?? []).map(({ repository, reason }) => `<li>${escapeHtml(repository)}: not scanned: ${escapeHtml(reason)}</li>`);
  const warnings = result.warnings.map((warning2) => `<li>${escapeHtml(`${warning2.path ? `${warning2.path}: ` : ""}${warning2.message}`)}</li>`);
  if (notScanned.length + warnings.length === 0) return "";
  return `<section class="warnings"><h2>Warnings</h2><ul>${[...notScanned, ...warnings].join("")}</ul></section>`;
}
function advice(result, context, perKey) {
  if (result.findings.length === 0) return "";
  const urgent = [...perKey.values()].some((status) => status === "live" || status === "unknown");
  const first = urgent ? '<p class="urgent">Live keys work right now: revoke them at the provider first. Keys that could not be checked may still work.</p>' : "";
  const ignoreFile = escapeHtml(context.ignoreFile ?? ".keywardenignore");
  return `${first}<p class="note">Rotate each key at its provider, then remove it from the code; a key in a past commit or a log stays readable there until it is revoked. A deliberate fake (a test fixture)? Add its fingerprint to ${ignoreFile}.</p>`;
}
function subtitle(result, context) {
  const suppressed = context.suppressed ? `, ${context.suppressed} suppressed` : "";
  const why = context.verdict?.why ? ` \xB7 ${escapeHtml(context.verdict.why)}` : "";
  return `${plural2(result.stats.files, "file")} scanned in ${(result.stats.durationMs / 1e3).toFixed(1)} s${suppressed}${why}`;
}
function renderHtml(result, context) {
  const revoked = revokedHashes(result);
  const perKey = statusPerKey(result.findings, revoked);
  const title = result.findings.length === 0 ? "keywarden: no leaked keys" : `keywarden: ${plural2(perKey.size, "leaked key")}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<header><h1>${title}</h1><p class="meta">${subtitle(result, context)}</p></header>
<main>
${totalsSection(totalsOf(result))}
${advice(result, context, perKey)}
${chartsSection(result, revoked)}
${findingsSection(result, revoked)}
${warningsSection(result)}
</main>
<footer>Made by keywarden ${escapeHtml(context.toolVersion)}. Keys are shown redacted (their prefix and at most four characters at each end of the body): this page never holds a raw key, even from a run with --show-secrets. It loads nothing from any other host; links lead to the line at its commit on GitHub.</footer>
<script>${script}</script>
</body>
</html>
`;
}

// src/report/json.ts
function statsOf(result) {
  const { files, bytes, durationMs } = result.stats;
  if (!isVerified(result.findings)) return { files, bytes, durationMs };
  return { files, bytes, durationMs, byStatus: Object.fromEntries(countByStatus(result.findings)) };
}
function reportedRevocation({ ruleId, provider, secretHash, redacted, outcome, action, target, reason, at }) {
  return { ruleId, provider, secretHash, redacted, outcome, action, ...target ? { target } : {}, ...reason !== void 0 ? { reason } : {}, at };
}
function renderJson(result, context) {
  const report = {
    version: 1,
    tool: { name: "keywarden", version: context.toolVersion },
    findings: result.findings.map((finding) => toReportFinding(finding, context)),
    stats: statsOf(result),
    ...result.warnings.length > 0 ? { warnings: result.warnings } : {},
    ...result.revocations ? { revocations: result.revocations.map(reportedRevocation) } : {},
    ...result.shard ? { shard: result.shard } : {},
    ...result.repositories ? { repositories: result.repositories } : {}
  };
  return `${JSON.stringify(report, null, 2)}
`;
}
function renderJsonlFinding(finding, context) {
  return `${JSON.stringify(toReportFinding(finding, context))}
`;
}
function renderJsonl(result, context) {
  return result.findings.map((finding) => renderJsonlFinding(finding, context)).join("");
}

// src/report/sarif.ts
import { pathToFileURL } from "node:url";
var level = { critical: "error", high: "error", medium: "warning", low: "note" };
var securitySeverity = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
function encodeUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function artifactLocation(path, context) {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: encodeUri((context.uriPrefix ?? "") + path), uriBaseId: "%SRCROOT%" };
}
function pascalWord(word) {
  const rest = word.slice(1);
  return word.charAt(0).toUpperCase() + (word === word.toUpperCase() ? rest.toLowerCase() : rest);
}
function asciiWords(text) {
  return text.normalize("NFD").replace(new RegExp("\\p{M}+", "gu"), "").split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
}
function sarifRuleName(rule) {
  const words = asciiWords(rule.name);
  const name = (words.length > 0 ? words : asciiWords(rule.id)).map(pascalWord).join("");
  return /^[0-9]/.test(name) ? `Rule${name}` : name;
}
function describeRule(rule) {
  return {
    id: rule.id,
    name: sarifRuleName(rule),
    shortDescription: { text: `${rule.name} leaked` },
    fullDescription: { text: `${rule.name} found in plain text. Anyone who can read it can use it until it is revoked.` },
    help: { text: rule.hint, markdown: rule.hint },
    defaultConfiguration: { level: level[rule.severity] },
    properties: { tags: ["security", "secret", rule.provider], precision: "high", "security-severity": securitySeverity[rule.severity] }
  };
}
function levelOf(finding) {
  if (finding.verification?.status === "live") return "error";
  if (finding.verification?.status === "invalid") return "note";
  return level[finding.severity];
}
var statusWord = { live: "Live", unknown: "Possibly live", invalid: "Invalid", skipped: "Unverified" };
function sentence(text) {
  return ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
function verifiedMessage(finding, verification, ruleName) {
  const escalation = escalationOf(verification);
  const outcome = describeOutcome(verification);
  return `${statusWord[verification.status]} ${ruleName} ${finding.secret.redacted} found.${escalation ? sentence(`${finding.severity}: ${escalation}`) : ""}${outcome ? sentence(outcome) : ""}`;
}
function messageOf(finding, rule, context) {
  const secret = context.showSecrets ? ` Key: ${finding.secret.reveal()}.` : "";
  const verification = verificationOf(finding);
  if (!verification) return `${finding.provider} key ${finding.secret.redacted} found.${secret}`;
  return `${verifiedMessage(finding, verification, rule?.name ?? finding.ruleId)}${secret}`;
}
function verificationProperties(finding) {
  const verification = verificationOf(finding);
  if (!verification) return {};
  return {
    verification,
    severity: finding.severity,
    "security-severity": securitySeverity[finding.severity]
  };
}
function occurrences(findings) {
  const byFingerprint = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const copies = byFingerprint.get(finding.fingerprint);
    if (copies) copies.push(finding);
    else byFingerprint.set(finding.fingerprint, [finding]);
  }
  const numbers = /* @__PURE__ */ new Map();
  for (const copies of byFingerprint.values()) {
    copies.sort((a, b) => a.line - b.line || a.column - b.column);
    copies.forEach((finding, index) => numbers.set(finding, index + 1));
  }
  return numbers;
}
function redactedProperty(masked) {
  return masked.redactedFields ? { redactedFields: masked.redactedFields } : {};
}
function describeResult(finding, rule, ruleIndex, occurrence, context) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelOf(finding),
    message: { text: messageOf(finding, rule, context) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.origin.path, context),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.line, endColumn: finding.endColumn }
        }
      }
    ],
    partialFingerprints: { "keywarden/v1": finding.fingerprint, "keywarden/occurrence/v1": `${finding.fingerprint}:${occurrence}`, secretHash: finding.secretHash },
    properties: {
      provider: finding.provider,
      redacted: finding.secret.redacted,
      // An audit of several repositories: the URI stays relative to the finding's own repository.
      ...finding.origin.repository !== void 0 ? { repository: finding.origin.repository } : {},
      ...finding.origin.kind === "history" ? { commit: finding.origin.commit } : {},
      ...verificationProperties(finding),
      ...redactedProperty(finding)
    }
  };
}
function notificationOf(warning2, context) {
  const redacted = redactedProperty(warning2);
  return {
    level: warning2.kind === "filter" ? "note" : "warning",
    message: { text: warning2.message },
    ...warning2.path !== void 0 ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(warning2.path, context) } }] } : {},
    ...redacted.redactedFields ? { properties: redacted } : {}
  };
}
function invocationsOf(warnings, context) {
  if (warnings.length === 0) return {};
  return {
    invocations: [
      {
        executionSuccessful: !warnings.some((warning2) => warning2.kind === "incomplete"),
        toolExecutionNotifications: warnings.map((warning2) => notificationOf(warning2, context))
      }
    ]
  };
}
function renderSarif(result, context, rules) {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const occurrenceOf = occurrences(result.findings);
  const groups = byRepository(result.findings);
  const run = (findings, repository, withWarnings) => ({
    tool: {
      driver: {
        name: "keywarden",
        version: context.toolVersion,
        semanticVersion: context.toolVersion,
        rules: rules.map(describeRule)
      }
    },
    ...repository !== void 0 ? { automationDetails: { id: `keywarden/${repository}/` } } : {},
    ...invocationsOf(withWarnings ? result.warnings : [], context),
    originalUriBaseIds: { "%SRCROOT%": { description: { text: repository !== void 0 ? `The top of ${repository}.` : "The top of the repository (or the scanned directory outside one)." } } },
    results: findings.map((finding) => describeResult(finding, byId.get(finding.ruleId), ruleIndex.get(finding.ruleId) ?? -1, occurrenceOf.get(finding) ?? 1, context)),
    columnKind: "utf16CodeUnits"
  });
  const log2 = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: groups.length === 0 ? [run([], void 0, true)] : groups.map(([repository, findings], index) => run(findings, repository, index === 0))
  };
  return `${JSON.stringify(log2, null, 2)}
`;
}
function byRepository(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const repository = finding.origin.repository;
    const group = groups.get(repository);
    if (group) group.push(finding);
    else groups.set(repository, [finding]);
  }
  return [...groups];
}

// src/report/index.ts
function render(format2, result, context, rules, color = false) {
  switch (format2) {
    case "human":
      return renderHuman(result, context, rules, color);
    case "json":
      return renderJson(result, context);
    case "jsonl":
      return renderJsonl(result, context);
    case "sarif":
      return renderSarif(result, context, rules);
    case "markdown":
      return renderMarkdown(result, context);
    case "html":
      return renderHtml(result, context);
  }
}

// src/sources/fetch.ts
function fetchEnv() {
  const env = gitEnv();
  delete env.GIT_ALLOW_PROTOCOL;
  delete env.GIT_NO_LAZY_FETCH;
  return env;
}
async function hasCommit(dir, sha2) {
  return (await gitOutput(dir, ["cat-file", "-e", `${sha2}^{commit}`], { allowFailure: true })).code === 0;
}
async function isShallow(dir) {
  return (await gitOutput(dir, ["rev-parse", "--is-shallow-repository"])).stdout.toString("utf8").trim() === "true";
}
async function runFetch(dir, options, remote, refs = []) {
  const run = await gitOutput(dir, ["fetch", "--no-tags", "--quiet", "--no-recurse-submodules", ...options, "--end-of-options", remote, ...refs], {
    allowFailure: true,
    env: fetchEnv()
  });
  const reason = run.stderr.split("\n").find((line) => /^(fatal|error):/.test(line)) ?? "";
  return { ok: run.code === 0, reason: reason.slice(0, 200) };
}
async function connected(dir, base, head) {
  return !await isShallow(dir) || (await gitOutput(dir, ["merge-base", base, head], { allowFailure: true })).code === 0;
}
var fetchDepthAdvice = "set `fetch-depth: 0` on actions/checkout so the whole history is there";
async function ensureRange(dir, base, head, remote = "origin") {
  const done = [];
  const missing = [];
  for (const sha2 of [base, head]) if (!await hasCommit(dir, sha2)) missing.push(sha2);
  if (missing.length > 0) {
    const fetched = await runFetch(dir, ["--depth=100"], remote, missing);
    done.push(`fetched ${missing.map((sha2) => sha2.slice(0, 12)).join(" and ")} (depth 100)`);
    for (const sha2 of missing) {
      if (!await hasCommit(dir, sha2)) {
        throw new KeywardenError(`commit ${sha2.slice(0, 12)} is not in the checkout and could not be fetched${fetched.reason ? ` (${fetched.reason})` : ""}: ${fetchDepthAdvice}`);
      }
    }
  }
  for (const step of [200, 1e3, 5e3]) {
    if (await connected(dir, base, head)) return done;
    const deepened = await runFetch(dir, [`--deepen=${step}`], remote);
    done.push(`deepened the shallow checkout by ${step} commits`);
    if (!deepened.ok) throw new KeywardenError(`could not deepen the shallow checkout (${deepened.reason}): ${fetchDepthAdvice}`);
  }
  if (!await connected(dir, base, head)) {
    const whole = await runFetch(dir, ["--unshallow"], remote);
    done.push("fetched the whole history (--unshallow)");
    if (!whole.ok) throw new KeywardenError(`could not fetch the whole history (${whole.reason}): ${fetchDepthAdvice}`);
  }
  if (!await connected(dir, base, head)) throw new KeywardenError(`${base.slice(0, 12)} and ${head.slice(0, 12)} share no history`);
  return done;
}
async function remoteBranchTip(dir, branch, remote = "origin") {
  const ref = `refs/remotes/${remote}/${branch}`;
  await runFetch(dir, [], remote, [`+refs/heads/${branch}:${ref}`]);
  const local = await gitOutput(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { allowFailure: true });
  return local.code === 0 ? local.stdout.toString("utf8").trim() : void 0;
}

// src/action/base-settings.ts
import { mkdtempSync } from "node:fs";
import { isAbsolute, join as join4, relative, resolve as resolve2, sep } from "node:path";

// src/sources/base-files.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join as join3 } from "node:path";
async function lsTree(repo, rev, pathspec) {
  const { stdout } = await gitOutput(repo, ["--literal-pathspecs", "ls-tree", "-z", "--full-tree", "--end-of-options", rev, "--", pathspec]);
  return stdout.toString("utf8").split("\0").filter((record) => record !== "").map((record) => {
    const tab = record.indexOf("	");
    const [mode = "", type = ""] = record.slice(0, tab).split(" ");
    return { mode, type, path: record.slice(tab + 1) };
  });
}
function kindOf(entry) {
  if (!entry) return "missing";
  if (entry.type === "tree") return "dir";
  if (entry.type === "blob") return entry.mode === "120000" ? "link" : "file";
  return "missing";
}
async function entryAt(repo, rev, path) {
  if (path === "") return "dir";
  const entries = await lsTree(repo, rev, path);
  return kindOf(entries.find((entry) => entry.path === path));
}
async function copyFileAt(repo, rev, path, target) {
  const content = await blobAt(repo, rev, path);
  if (content === void 0) throw new KeywardenError(`cannot read ${path} at ${rev.slice(0, 7)}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
async function copyDirAt(repo, rev, path, target) {
  const files = (await lsTree(repo, rev, path === "" ? "." : `${path}/`)).filter((entry) => kindOf(entry) === "file");
  mkdirSync(target, { recursive: true });
  const names = [];
  for (const file of files) {
    const name = path === "" ? file.path : file.path.slice(path.length + 1);
    await copyFileAt(repo, rev, file.path, join3(target, name));
    names.push(name);
  }
  return names;
}
async function changedBetween(repo, from, to, path) {
  const { code } = await gitOutput(repo, ["--literal-pathspecs", "diff", "--quiet", "--no-ext-diff", "--no-renames", from, to, "--", path === "" ? "." : path], { allowFailure: true });
  if (code !== 0 && code !== 1) throw new KeywardenError(`git diff ${from.slice(0, 7)} ${to.slice(0, 7)} -- ${path} failed (exit ${code})`);
  return code === 1;
}

// src/action/base-settings.ts
function inRepository(at, path) {
  const rel = relative(at.top, resolve2(at.workspace, path));
  if (rel.startsWith("..") || isAbsolute(rel)) return void 0;
  return rel.split(sep).join("/");
}
function refuseKind(input, path, kind, base) {
  const what = kind === "link" ? "a symbolic link (not followed)" : kind === "dir" ? "a directory" : "a file";
  throw new KeywardenError(`${input}: ${path || "."} is ${what} at the base commit ${base.slice(0, 7)}, which is where a pull request's settings are read from`);
}
async function fromBase(at, input, given, want, changed) {
  const path = inRepository(at, given);
  if (path === void 0) return given;
  const top = at.top;
  if (await changedBetween(top, at.base, at.head, path)) changed.push(path || ".");
  const kind = await entryAt(top, at.base, path);
  if (kind === "missing") return await entryAt(top, at.head, path) === "missing" ? given : void 0;
  if (kind !== want) refuseKind(input, path, kind, at.base);
  const copy = join4(at.into, path);
  if (want === "file") await copyFileAt(top, at.base, path, copy);
  else await copyDirAt(top, at.base, path, copy);
  return copy;
}
async function settingsAtBase(at, inputs) {
  const changed = [];
  const config = inputs.config === void 0 ? void 0 : await fromBase(at, "input config", inputs.config, "file", changed);
  if (config !== void 0 && config.startsWith(at.into + sep)) {
    const { loadConfig } = await import("./config-file-GEE4Z7TY.js");
    for (const dir of loadConfig(config).rules) {
      const rel = relative(at.into, dir);
      if (!rel.startsWith("..") && !isAbsolute(rel)) await fromBase({ ...at, workspace: at.top }, `${inputs.config ?? "config"}: rules`, rel, "dir", changed);
    }
  }
  const rules = [];
  for (const dir of inputs.rules) {
    const used = await fromBase(at, "input rules", dir, "dir", changed);
    if (used !== void 0) rules.push(used);
  }
  return { ...config !== void 0 ? { config } : {}, rules, changed: [...new Set(changed)] };
}
function settingsDir(env, tmpdir2) {
  return mkdtempSync(join4(env.RUNNER_TEMP || tmpdir2, "keywarden-base-"));
}
function settingsNote(changed, base) {
  if (changed.length === 0) return void 0;
  const names = changed.map((path) => `\`${path.replace(/[`\r\n]/g, "?")}\``).join(", ");
  return `\u26A0\uFE0F This pull request changes keywarden's settings (${names}). This check used them as they are at the base commit ${base.slice(0, 7)}, so that a pull request cannot change the rules that check it; the changes take effect once merged.`;
}

// src/action/event.ts
var noCommit = /^0{40}$|^0{64}$/;
var sha = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
function field(value, path) {
  let current = value;
  for (const step of path.split(".")) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[step];
  }
  return current;
}
function shaAt(payload, path) {
  const value = field(payload, path);
  return typeof value === "string" && sha.test(value) ? value : void 0;
}
var UnsupportedEvent = class extends Error {
};
function scanTargetOf(eventName, payload) {
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    const base = shaAt(payload, "pull_request.base.sha");
    const head = shaAt(payload, "pull_request.head.sha");
    const number = field(payload, "pull_request.number");
    if (!base || !head) throw new UnsupportedEvent(`the ${eventName} event has no pull_request.base.sha/head.sha`);
    return { kind: "range", base, head, ...typeof number === "number" ? { pullRequest: number } : {} };
  }
  if (eventName === "push") {
    const before = field(payload, "before");
    const after = field(payload, "after");
    if (typeof after !== "string" || noCommit.test(after) || field(payload, "deleted") === true) return { kind: "nothing", why: "the push deleted a branch" };
    if (!sha.test(after)) throw new UnsupportedEvent('the push event has no valid "after" sha');
    if (before === after) return { kind: "nothing", why: "the push added no commits" };
    if (typeof before !== "string" || noCommit.test(before) || field(payload, "created") === true) {
      const defaultBranch2 = field(payload, "repository.default_branch");
      if (typeof defaultBranch2 !== "string" || defaultBranch2 === "") throw new UnsupportedEvent("the push created a branch but the event names no default branch");
      return { kind: "new-branch", head: after, defaultBranch: defaultBranch2 };
    }
    if (!sha.test(before)) throw new UnsupportedEvent('the push event has no valid "before" sha');
    const defaultBranch = field(payload, "repository.default_branch");
    return { kind: "range", base: before, head: after, ...typeof defaultBranch === "string" && defaultBranch !== "" ? { defaultBranch } : {} };
  }
  throw new UnsupportedEvent(`keywarden's action runs on pull_request, pull_request_target and push events, not ${eventName}; use \`scan: history\` for other events`);
}

// src/run/notify-channels.ts
var isChannel = (name) => channelNames.includes(name);
function channelList(given) {
  const names = given.flatMap((value) => value.split(",")).map((name) => name.trim()).filter((name) => name !== "");
  return { channels: [...new Set(names.filter(isChannel))], unknown: names.filter((name) => !isChannel(name)) };
}

// src/action/inputs.ts
var secretInputs = ["openrouter-management-key", "webhook-url"];
function secretInputValues(env) {
  return secretInputs.map((name) => raw(env, name)).filter((value) => value !== "");
}
var InputError = class extends Error {
};
var actionSpell = (option2, value) => {
  if (option2 === "verify") return "verify: true";
  const name = option2 === "failOn" ? "fail-on" : option2 === "results" ? "results" : option2;
  return value === void 0 ? `input ${name}` : `input ${name}: '${value}'`;
};
function raw(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function boolean(env, name, fallback) {
  const value = raw(env, name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name}: '${value}' is not a boolean (true or false)`);
}
function choice(env, name, choices, fallback) {
  const value = raw(env, name);
  if (value === "") return fallback;
  if (!choices.includes(value)) throw new InputError(`input ${name}: '${value}' is not one of ${choices.join(", ")}`);
  return value;
}
function list(env, name) {
  return raw(env, name).split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "");
}
function notifyChannels(env, webhookUrl) {
  const { channels, unknown } = channelList(list(env, "notify"));
  const [wrong] = unknown;
  if (wrong !== void 0) throw new InputError(`input notify: ${/^[a-z-]{1,30}$/.test(wrong) ? `'${wrong}' is` : "an entry is"} not a channel (${channelNames.join(", ")})`);
  if (webhookUrl !== "" && !channels.includes("webhook")) throw new InputError("input webhook-url needs notify: webhook: without it nothing is sent to the webhook");
  return channels;
}
function readInputs(env) {
  const results = raw(env, "results");
  const sarif = raw(env, "sarif");
  const config = raw(env, "config");
  const verify = boolean(env, "verify", false);
  const failOn = choice(env, "fail-on", ["any", "live"], "any");
  const revoke = boolean(env, "revoke", false);
  const given = /* @__PURE__ */ new Set([...verify ? ["verify"] : [], ...results !== "" ? ["results"] : [], ...revoke ? ["revoke"] : []]);
  const problem = runConfigProblem(given, failOn, actionSpell);
  if (problem) throw new InputError(problem);
  const webhookUrl = raw(env, "webhook-url");
  return {
    scan: choice(env, "scan", ["diff", "history"], "diff"),
    verify,
    failOn,
    ...results !== "" ? { results } : {},
    comment: boolean(env, "comment", true),
    // `sarif: true` is a convenience for the usual file name.
    ...sarif !== "" && sarif !== "false" ? { sarif: sarif === "true" ? "keywarden.sarif" : sarif } : {},
    rules: list(env, "rules"),
    ...config !== "" ? { config } : {},
    githubToken: raw(env, "github-token"),
    revoke,
    openrouterManagementKey: raw(env, "openrouter-management-key"),
    notify: notifyChannels(env, webhookUrl),
    webhookUrl
  };
}

// src/action/runner.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell2) => {
        if (typeof cell2 === "string") {
          return this.wrap("td", cell2);
        }
        const { header: header2, data, colspan, rowspan } = cell2;
        const tag = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level2) {
    const tag = `h${level2}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode2;
(function(ExitCode3) {
  ExitCode3[ExitCode3["Success"] = 0] = "Success";
  ExitCode3[ExitCode3["Failure"] = 1] = "Failure";
})(ExitCode2 || (ExitCode2 = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

// src/action/runner.ts
function mask(secret) {
  setSecret(secret);
}
function setOutputs(outputs) {
  if (!process.env.GITHUB_OUTPUT) return;
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
async function appendSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdown, !markdown.endsWith("\n")).write();
}
function annotate({ level: level2, title, message, place }) {
  const properties = { title, ...place ? { file: place.file, startLine: place.startLine, startColumn: place.startColumn, endColumn: place.endColumn } : {} };
  if (level2 === "error") error(message, properties);
  else warning(message, properties);
}
function warn(message) {
  warning(message);
}
function fail(message) {
  error(message);
}
function writeInert(text) {
  const resume = randomUUID2();
  process.stdout.write(`::stop-commands::${resume}
${text}${text.endsWith("\n") || text === "" ? "" : "\n"}::${resume}::
`);
}

// src/action/main.ts
var shown = (text) => redactKeyLikeTokens(text, builtinKeyPrefixes());
function maskingRedactor(rules) {
  const engine = createEngine([...rules]);
  const masked = /* @__PURE__ */ new Set();
  const hide = (key) => {
    if (masked.has(key)) return;
    masked.add(key);
    mask(key);
  };
  return (text) => redactKeys(text, engine, hide);
}
var log = (line) => process.stdout.write(`${shown(line)}
`);
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new KeywardenError("GITHUB_EVENT_PATH is not set: this runs as a GitHub Action step");
  try {
    return { name, payload: JSON.parse(readFileSync3(path, "utf8")) };
  } catch (error2) {
    throw new KeywardenError(`cannot read the event at ${path}: ${error2.code ?? "not valid JSON"}`);
  }
}
var short = (sha2) => sha2.slice(0, 7);
async function targetSource(target, repo) {
  if (target.kind === "range") {
    try {
      for (const step of await ensureRange(repo.dir, target.base, target.head)) log(`keywarden: ${step}`);
    } catch (error2) {
      if (target.pullRequest !== void 0 || target.defaultBranch === void 0 || !(error2 instanceof KeywardenError)) throw error2;
      log(`keywarden: ${short(target.base)} cannot be fetched (a force-push?); scanning the commits not on ${target.defaultBranch} instead`);
      return targetSource({ kind: "new-branch", head: target.head, defaultBranch: target.defaultBranch }, repo);
    }
    const what = target.pullRequest === void 0 ? "pushed" : `pull request #${target.pullRequest}`;
    return {
      scope: `lines added by the ${what} commits (${short(target.base)}..${short(target.head)})`,
      source: settledAgainst(rangeSource({ repo, range: `${target.base}..${target.head}` }), repo, target.base, target.head),
      ...target.pullRequest !== void 0 ? { pullRequest: target.pullRequest } : {}
    };
  }
  const tip = await remoteBranchTip(repo.dir, target.defaultBranch);
  if (tip === void 0) log(`keywarden: the default branch ${target.defaultBranch} is not reachable; scanning every commit of the new branch`);
  if (tip !== void 0) for (const step of await ensureRange(repo.dir, tip, target.head)) log(`keywarden: ${step}`);
  const range = rangeSource({ repo, range: tip === void 0 ? target.head : `${tip}..${target.head}` });
  return { scope: `lines added by the new branch's commits (not on ${target.defaultBranch})`, source: tip === void 0 ? range : settledAgainst(range, repo, tip, target.head) };
}
function settledAgainst(source, repo, base, head) {
  return {
    ...source,
    async settle(findings) {
      const { kept, inBase } = await withoutKeysInBase(findings, repo.dir, base, head);
      if (inBase > 0) log(`keywarden: ${inBase} finding${inBase === 1 ? "" : "s"} left out: the key was already at ${short(base)} (in that file, or moved from another)`);
      return kept;
    }
  };
}
var withNote = (text, note) => note ? `${text.replace(/\n*$/, "\n")}
${note}
` : text;
async function updateComment(inputs, env, scanned, rules) {
  if (!inputs.comment || scanned.pullRequest === void 0) return;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!inputs.githubToken || !owner || !repo) {
    warn("keywarden: no github-token or GITHUB_REPOSITORY, so the pull request comment was not updated");
    return;
  }
  const target = { apiUrl: gitHubApiUrl(env), token: inputs.githubToken, owner, repo };
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
  try {
    const { settleMarkedComment, upsertMarkedComment } = await import("./pr-comment-MJHGI4KK.js");
    const outcome = scanned.result.findings.length > 0 || scanned.note ? await upsertMarkedComment(target, scanned.pullRequest, prCommentMarker, withNote(`${renderPrComment(scanned.result, rules, scanned.scope, runUrl)}${scanned.revoked === "" ? "" : `
${scanned.revoked}`}`, scanned.note)) : await settleMarkedComment(target, scanned.pullRequest, prCommentMarker, renderAllClearComment(scanned.scope, runUrl));
    log(`keywarden: pull request comment ${outcome}`);
  } catch (error2) {
    warn(`keywarden: could not update the pull request comment: ${shown(error2.message)}`);
  }
}
function runConfigOf(inputs, repo, env) {
  return {
    env,
    ruleDirs: inputs.rules,
    failOn: inputs.failOn,
    ...inputs.config !== void 0 ? { configFile: inputs.config } : {},
    ...repo.workTree !== void 0 ? { ignoreRoot: repo.workTree } : {},
    ...inputs.verify ? { verify: {} } : {},
    ...inputs.results !== void 0 ? { results: parseResults(inputs.results) } : {},
    // Never by default: only `revoke: true`, and then it acts (a workflow has no one to confirm a plan).
    ...inputs.revoke ? { revoke: { execute: true, action: "disable", command: "action" } } : {}
  };
}
async function prepareFor(inputs, repo, env, pullRequest) {
  if (pullRequest === void 0 || repo.workTree === void 0) return { prepared: await prepare(runConfigOf(inputs, repo, env)) };
  const into = settingsDir(env, tmpdir());
  try {
    const at = { top: repo.workTree, workspace: env.GITHUB_WORKSPACE ?? process.cwd(), base: pullRequest.base, head: pullRequest.head, into };
    const settings = await settingsAtBase(at, inputs);
    const fromBase2 = { ...inputs, rules: settings.rules };
    if (settings.config === void 0) delete fromBase2.config;
    else fromBase2.config = settings.config;
    const prepared = await prepare(runConfigOf(fromBase2, repo, env));
    const note = settingsNote(settings.changed, pullRequest.base);
    if (note) log(`keywarden: ${note}`);
    return { prepared, ...note ? { note } : {} };
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}
function withManagementKey(inputs, env) {
  if (inputs.openrouterManagementKey === "") return env;
  return { ...env, OPENROUTER_MANAGEMENT_KEY: inputs.openrouterManagementKey };
}
async function notifyOwners(inputs, env, root, result, rules) {
  if (inputs.notify.length === 0) return void 0;
  const withToken = inputs.githubToken === "" ? env : { ...env, GITHUB_TOKEN: inputs.githubToken };
  const settings = notifySettingsOf({ channels: inputs.notify, root, webhookUrl: inputs.webhookUrl === "" ? void 0 : inputs.webhookUrl, mentionOwners: false }, withToken);
  const { notifyRun } = await import("./notify-step-JNJVX2MR.js");
  const told = await notifyRun(result, rules, settings);
  for (const message of told.warnings) warn(`keywarden: notify: ${shown(message)}`);
  for (const delivery of told.deliveries) {
    if (delivery.outcome === "failed") warn(`keywarden: notify: ${delivery.channel}: ${shown(delivery.detail)}`);
    else log(`keywarden: notify: ${delivery.channel}: ${delivery.outcome}: ${delivery.detail}`);
  }
  return told.exitCode === ExitCode.error ? told.why : void 0;
}
async function runAction(env) {
  for (const secret of secretInputValues(env)) mask(secret);
  const inputs = readInputs(env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const repo = await openRepository(workspace);
  const runEnv = withManagementKey(inputs, env);
  const event = inputs.scan === "history" ? void 0 : readEvent(env);
  const scanTarget = event ? scanTargetOf(event.name, event.payload) : void 0;
  const pullRequest = scanTarget?.kind === "range" && scanTarget.pullRequest !== void 0 ? scanTarget : void 0;
  let settings = pullRequest ? void 0 : await prepareFor(inputs, repo, runEnv);
  let target;
  if (scanTarget === void 0) {
    target = { scope: "every blob in the repository history", source: historySource({ repo, selection: { revisions: [] }, maxBlobSize: 100 * 1024 * 1024 }) };
  } else {
    if (scanTarget.kind === "nothing") {
      log(`keywarden: nothing to scan: ${scanTarget.why}`);
      setOutputs({ findings: "0", live: "0" });
      return ExitCode.clean;
    }
    target = await targetSource(scanTarget, repo);
  }
  settings ??= await prepareFor(inputs, repo, runEnv, pullRequest);
  const { prepared, note } = settings;
  const { rules } = prepared;
  shown = maskingRedactor(rules);
  const found = await runTail(target.source, prepared, { keep: true });
  for (const key of new Set(found.findings.map((finding) => finding.secret.reveal()))) mask(key);
  const result = maskResult(found, shown);
  const revoked = renderRevocationsMarkdown(result.revocations ?? []);
  const scanned = { scope: shown(target.scope), result, revoked, ...target.pullRequest !== void 0 ? { pullRequest: target.pullRequest } : {} };
  writeInert(renderHuman(result, maskContext({ toolVersion, showSecrets: false, verdict: result.verdict }, shown), rules, !env.NO_COLOR));
  for (const annotation of annotationsOf(result, rules)) annotate(annotation);
  for (const warning2 of result.warnings) warn(`keywarden: ${shown(`${warning2.path ? `${warning2.path}: ` : ""}${warning2.message}`)}`);
  await appendSummary(withNote(`${renderJobSummary(result, rules, scanned.scope)}${revoked === "" ? "" : `
${revoked}`}`, note));
  const revocationLines = (result.revocations ?? []).map((revocation) => `keywarden: ${revocation.redacted}: ${revocation.outcome}${revocation.reason !== void 0 ? ` (${shown(revocation.reason)})` : ""}
`);
  if (revocationLines.length > 0) writeInert(revocationLines.join(""));
  const outputs = {
    findings: String(result.findings.length),
    live: String(result.counts.byStatus.live ?? 0)
  };
  if (inputs.sarif !== void 0) {
    const sarifPath = isAbsolute2(inputs.sarif) ? inputs.sarif : join5(workspace, inputs.sarif);
    writeFileSync2(sarifPath, render("sarif", result, { toolVersion, showSecrets: false }, rules, false));
    outputs["sarif-file"] = sarifPath;
  }
  setOutputs(outputs);
  await updateComment(inputs, env, { ...scanned, ...note ? { note } : {} }, rules);
  const notifyFailure = await notifyOwners(inputs, env, repo.workTree ?? repo.dir, result, rules);
  const revokeProblem = result.revocations?.find((revocation) => revocation.configuration);
  if (revokeProblem) {
    fail(`keywarden: revoke: ${shown(revokeProblem.reason ?? "a configuration error")}`);
    return ExitCode.error;
  }
  const { exitCode: code, why } = result.verdict;
  if (code === ExitCode.findings && result.findings.length > 0) fail(`keywarden: ${result.findings.length} leaked key${result.findings.length === 1 ? "" : "s"} in ${scanned.scope}`);
  if (code !== ExitCode.clean && why) fail(`keywarden: ${shown(why)}`);
  if (notifyFailure !== void 0) {
    fail(`keywarden: ${shown(notifyFailure)}`);
    return ExitCode.error;
  }
  return code;
}
function reportFailure(error2) {
  const known = error2 instanceof KeywardenError || error2 instanceof InputError || error2 instanceof UnsupportedEvent;
  const message = known ? error2.message : `unexpected failure: ${error2 instanceof Error ? error2.stack ?? error2.message : String(error2)}`;
  fail(`keywarden: ${shown(message)}`);
  process.exitCode = ExitCode.error;
}
runAction(process.env).then((code) => {
  process.exitCode = code;
}, reportFailure);

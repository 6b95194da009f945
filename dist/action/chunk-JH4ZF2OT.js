import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  KeywardenError
} from "./chunk-H6EUIU7K.js";

// src/sources/git.ts
import { execFile, spawn } from "node:child_process";
function gitEnv(extra = {}) {
  return {
    ...process.env,
    GIT_NO_LAZY_FETCH: "1",
    GIT_ALLOW_PROTOCOL: "none",
    GIT_TERMINAL_PROMPT: "0",
    GIT_OPTIONAL_LOCKS: "0",
    LC_ALL: "C",
    ...extra
  };
}
var stableConfig = [
  ...["-c", "core.quotepath=false", "-c", "color.ui=false", "-c", "diff.noprefix=false", "-c", "core.pager=cat"],
  ...["-c", "diff.suppressBlankEmpty=false", "-c", "diff.interHunkContext=0", "-c", "log.showRoot=true", "-c", "core.fsmonitor=false"]
];
function commandOf(args, words) {
  return args.filter((a) => !a.startsWith("-")).slice(0, words).join(" ");
}
function gitError(args, stderr, code) {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "");
  const reason = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? `exit code ${code ?? "unknown"}`;
  return new KeywardenError(`git ${commandOf(args, 2)} failed: ${reason.slice(0, 300)}`);
}
function gitOutput(cwd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const limits = options.timeoutMs !== void 0 ? { timeout: options.timeoutMs, killSignal: "SIGKILL" } : {};
    const child = execFile("git", [...stableConfig, ...args], { cwd, env: options.env ?? gitEnv(), encoding: "buffer", maxBuffer: 1 << 30, ...limits }, (error, stdout, stderr) => {
      const code = error ? typeof error.code === "number" ? error.code : -1 : 0;
      if (error?.code === "ENOENT") {
        reject(new KeywardenError("git is not installed or not on PATH"));
      } else if (error && options.timeoutMs !== void 0 && error.killed) {
        reject(new KeywardenError(`git ${commandOf(args, 1)} took longer than ${Math.round(options.timeoutMs / 1e3)} s, and was stopped`));
      } else if (error && !options.allowFailure) {
        reject(gitError(args, stderr.toString("utf8"), code));
      } else {
        resolve({ stdout, code, stderr: stderr.toString("utf8") });
      }
    });
    if (options.onStderr) child.stderr?.on("data", (part) => options.onStderr?.(part.toString("utf8")));
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(options.input ?? "");
  });
}
async function* splitLines(input) {
  let pending = [];
  for await (const chunk of input) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      yield (pending.length > 0 ? Buffer.concat([...pending, piece]) : piece).toString("utf8");
      pending = [];
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending).toString("utf8");
}
async function* gitChunks(cwd, args) {
  const child = spawn("git", [...stableConfig, ...args], { cwd, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise((resolve, reject) => {
    child.on("error", (error) => reject(error.code === "ENOENT" ? new KeywardenError("git is not installed or not on PATH") : error));
    child.on("close", resolve);
  });
  exited.catch(() => void 0);
  try {
    yield* child.stdout;
    const code = await exited;
    if (code !== 0) throw gitError(args, stderr, code);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}
function gitLines(cwd, args) {
  return splitLines(gitChunks(cwd, args));
}
async function blobAt(repo, rev, path) {
  const run = await gitOutput(repo, ["cat-file", "blob", "--end-of-options", `${rev}:${path}`], { allowFailure: true });
  return run.code === 0 ? run.stdout : void 0;
}

export {
  gitEnv,
  stableConfig,
  gitError,
  gitOutput,
  gitChunks,
  gitLines,
  blobAt
};

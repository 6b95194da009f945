import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  KeywardenError
} from "./chunk-H6EUIU7K.js";

// src/sources/git.ts
import { execFile, spawn } from "node:child_process";

// src/sources/lent-output.ts
import { mkdtemp, rm } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
function poisoner() {
  return process.env["KEYWARDEN_TEST_POISON_LENT"] === "1" ? (lent) => void lent.fill(90) : void 0;
}
function poisonAfterUse(onChunk) {
  const poison = poisoner();
  if (!poison) return onChunk;
  return (chunk) => {
    const pending = onChunk(chunk);
    if (!pending) return poison(chunk);
    return pending.then(() => poison(chunk));
  };
}
var readSize = 1 << 20;
var longestSocketPath = 100;
async function childOutput(lend = process.platform !== "win32") {
  if (lend) {
    const lent = await lentSocket().catch(() => void 0);
    if (lent) return lent;
  }
  return { stdio: "pipe", read: (child, onChunk) => readStream(child.stdout, poisonAfterUse(onChunk)), discard: () => void 0 };
}
function listen(server, path) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
function connectPair(server, path, onread) {
  return new Promise((resolve, reject) => {
    const ours = connect({ path, onread });
    ours.pause();
    const fail = (error) => {
      ours.destroy();
      reject(error);
    };
    ours.once("error", fail);
    ours.once("close", () => fail(new Error("the socket closed before it was accepted")));
    server.once("error", fail);
    server.once("connection", (theirs) => resolve([ours, theirs]));
  });
}
async function lentSocket() {
  const dir = await mkdtemp(join(tmpdir(), "keywarden-"));
  const server = createServer();
  const buffer = Buffer.allocUnsafe(readSize);
  let reading;
  const callback = (bytes) => {
    if (!reading) return false;
    const { socket, onChunk, failed } = reading;
    try {
      const pending = onChunk(buffer.subarray(0, bytes));
      if (!pending) return true;
      pending.then(() => socket.resume(), failed);
      return false;
    } catch (error) {
      failed(error);
      return false;
    }
  };
  let pair;
  try {
    const path = join(dir, "out");
    if (Buffer.byteLength(path) > longestSocketPath) throw new Error(`socket path too long: ${path}`);
    await listen(server, path);
    pair = await connectPair(server, path, { buffer, callback });
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const [ours, theirs] = pair;
  return {
    stdio: theirs,
    discard: () => {
      theirs.destroy();
      ours.destroy();
    },
    read: (_child, onChunk) => {
      theirs.destroy();
      return new Promise((resolve, reject) => {
        const failed = (error) => {
          ours.destroy();
          reject(error);
        };
        reading = { socket: ours, onChunk: poisonAfterUse(onChunk), failed };
        ours.once("end", resolve);
        ours.once("close", () => resolve());
        ours.once("error", reject);
        ours.resume();
      });
    }
  };
}
function readStream(stream, onChunk) {
  if (!stream) return Promise.reject(new Error("the child has no stdout to read"));
  return new Promise((resolve, reject) => {
    const queued = [];
    let waiting = false;
    let ended = false;
    const fail = (error) => {
      stream.destroy();
      reject(error);
    };
    const drain = () => {
      waiting = false;
      try {
        for (let chunk = queued.shift(); chunk; chunk = waiting ? void 0 : queued.shift()) {
          const pending = onChunk(chunk);
          if (!pending) continue;
          waiting = true;
          stream.pause();
          pending.then(drain, fail);
        }
      } catch (error) {
        fail(error);
        return;
      }
      if (waiting) return;
      if (ended) resolve();
      else stream.resume();
    };
    stream.on("data", (chunk) => {
      queued.push(chunk);
      if (!waiting) drain();
    });
    stream.once("end", () => {
      ended = true;
      if (!waiting) drain();
    });
    stream.once("error", reject);
  });
}

// src/sources/git.ts
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
function watchGit(child) {
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise((resolve, reject) => {
    child.on("error", (error) => reject(error.code === "ENOENT" ? new KeywardenError("git is not installed or not on PATH") : error));
    child.on("close", resolve);
  });
  exited.catch(() => void 0);
  return { exited, stderr: () => stderr };
}
async function* gitChunks(cwd, args) {
  const child = spawn("git", [...stableConfig, ...args], { cwd, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
  const { exited, stderr } = watchGit(child);
  try {
    yield* child.stdout;
    const code = await exited;
    if (code !== 0) throw gitError(args, stderr(), code);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}
function spawnWith(output, start) {
  try {
    return start();
  } catch (error) {
    output.discard();
    throw error;
  }
}
async function gitRead(cwd, args, onChunk) {
  const output = await childOutput();
  const child = spawnWith(output, () => spawn("git", [...stableConfig, ...args], { cwd, env: gitEnv(), stdio: ["ignore", output.stdio, "pipe"] }));
  const { exited, stderr } = watchGit(child);
  try {
    await output.read(child, onChunk);
    const code = await exited;
    if (code !== 0) throw gitError(args, stderr(), code);
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
  poisoner,
  childOutput,
  gitEnv,
  stableConfig,
  gitError,
  gitOutput,
  watchGit,
  spawnWith,
  gitRead,
  gitLines,
  blobAt
};

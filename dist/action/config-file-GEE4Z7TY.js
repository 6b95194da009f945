import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  require_dist
} from "./chunk-ELUPEH5V.js";
import {
  external_exports
} from "./chunk-UTSW6RBZ.js";
import {
  UsageError
} from "./chunk-H6EUIU7K.js";
import {
  __toESM
} from "./chunk-RTMO72RN.js";

// src/run/config-file.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
var configSchema = external_exports.object({
  /** gitignore-style patterns of paths not to scan. */
  exclude: external_exports.array(external_exports.string()).default([]),
  /** Extra rule directories, relative to the config file. */
  rules: external_exports.array(external_exports.string()).default([]),
  maxFileSize: external_exports.union([external_exports.string(), external_exports.number().int().positive()]).optional(),
  gitignore: external_exports.boolean().optional()
}).strict();
function loadConfig(file) {
  let raw;
  try {
    raw = (0, import_yaml.parse)(readFileSync(file, "utf8")) ?? {};
  } catch (error) {
    const reason = error.code ?? error.message.split("\n")[0];
    throw new UsageError(`--config ${file}: ${reason}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--config ${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  const base = dirname(resolve(file));
  return { ...parsed.data, rules: parsed.data.rules.map((dir) => resolve(base, dir)) };
}
export {
  loadConfig
};

import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  createEngine,
  maskFinding,
  redactKeys,
  tell,
  toolVersion
} from "./chunk-2TBKGSTC.js";
import "./chunk-5OBIPVHM.js";
import "./chunk-Q5EW37LM.js";
import {
  toReportFinding
} from "./chunk-WOL23QJ3.js";
import "./chunk-X7WTK2AN.js";
import "./chunk-LQ33O2RG.js";
import "./chunk-NCL6JRMM.js";
import "./chunk-JSL4TLW4.js";
import "./chunk-IMPMZRBW.js";
import "./chunk-H6EUIU7K.js";
import "./chunk-RTMO72RN.js";

// src/run/notify-step.ts
function findingsToTell(result, rules) {
  const engine = createEngine([...rules]);
  const redact = (text) => redactKeys(text, engine);
  const outcomes = new Map((result.revocations ?? []).map((revocation) => [revocation.secretHash, revocation.outcome]));
  const context = { toolVersion, showSecrets: false };
  return result.findings.map((finding) => {
    const told = toReportFinding(maskFinding(finding, redact), context);
    const revocation = outcomes.get(finding.secretHash);
    return revocation === void 0 ? told : { ...told, revocation };
  });
}
function notifyRun(result, rules, settings, io) {
  return tell(findingsToTell(result, rules), rules, settings, false, io);
}
export {
  findingsToTell,
  notifyRun
};

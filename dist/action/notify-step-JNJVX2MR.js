import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  createEngine,
  maskFinding,
  notifyVerdict,
  redactKeys,
  tell,
  toolVersion
} from "./chunk-2IDQLLJL.js";
import "./chunk-5OBIPVHM.js";
import "./chunk-4UID5OHX.js";
import {
  toReportFinding
} from "./chunk-HQYL6ITT.js";
import "./chunk-CFVY2CGA.js";
import "./chunk-LQ33O2RG.js";
import "./chunk-NCL6JRMM.js";
import "./chunk-V4Q45ZKT.js";
import "./chunk-Q4G3BBC5.js";
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
async function notifyRunByRepository(result, rules, settings, rootOf = () => void 0, io) {
  const told = findingsToTell(result, rules);
  const gitHubChannels = settings.channels.filter((name) => name !== "webhook");
  const parts = [];
  if (settings.channels.includes("webhook")) parts.push(await tell(told, rules, { ...settings, channels: ["webhook"] }, false, io));
  const byRepository = /* @__PURE__ */ new Map();
  for (const finding of told) byRepository.set(finding.repository ?? "", [...byRepository.get(finding.repository ?? "") ?? [], finding]);
  if (gitHubChannels.length > 0) {
    for (const [repository, findings] of byRepository) {
      const root = rootOf(repository) ?? settings.root;
      parts.push(await tell(findings, rules, { ...settings, root, channels: gitHubChannels, ...repository !== "" ? { repo: repository } : {} }, false, io));
    }
  }
  const nothing = byRepository.size === 0 ? gitHubChannels.map((channel) => ({ channel, outcome: "skipped", detail: "nothing to tell: no repository has findings" })) : [];
  const all = [...parts.flatMap((part) => part.deliveries), ...nothing];
  const deliveries = settings.channels.flatMap((name) => all.filter((delivery) => delivery.channel === name));
  const verdict = notifyVerdict(settings.channels.map((name) => ({ name })), deliveries, false, told.length);
  return { dryRun: false, findings: told.length, messages: [], deliveries, ...verdict, warnings: parts.flatMap((part) => part.warnings) };
}
export {
  findingsToTell,
  notifyRun,
  notifyRunByRepository
};

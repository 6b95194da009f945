import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  authorOf,
  defaultTimeoutMs,
  gitHubClient,
  httpStatus,
  listAll,
  sameBody
} from "./chunk-5OBIPVHM.js";
import "./chunk-LQ33O2RG.js";
import "./chunk-RTMO72RN.js";

// src/respond/notify/pr-comment.ts
async function upsertMarkedComment(target, number, marker, body, options = {}) {
  checkArguments(number, marker, body);
  return gitHubClient({ ...options, apiUrl: target.apiUrl, token: target.token }).call(async (api) => {
    const marked = await markedComments(api, target, number, marker);
    const kept = keeper(marked);
    if (!kept) {
      await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: number, body });
      return "created";
    }
    return settleOn(api, target, marked, kept, body);
  });
}
async function settleMarkedComment(target, number, marker, allClearBody, options = {}) {
  checkArguments(number, marker, allClearBody);
  return gitHubClient({ ...options, apiUrl: target.apiUrl, token: target.token }).call(async (api) => {
    const marked = await markedComments(api, target, number, marker);
    const kept = keeper(marked);
    if (!kept) return "none";
    return settleOn(api, target, marked, kept, allClearBody);
  });
}
function checkArguments(number, marker, body) {
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`GitHub comment: ${String(number)} is not an issue or pull request number`);
  if (marker.trim() === "") throw new Error("GitHub comment: the marker is empty");
  if (!body.startsWith(marker)) throw new Error("GitHub comment: the body does not contain the marker at its start");
}
async function markedComments(api, target, number, marker) {
  const marked = [];
  for await (const item of listAll(api, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: target.owner, repo: target.repo, issue_number: number }, "comments")) {
    const comment = listedComment(item);
    if (comment && comment.body.trimStart().startsWith(marker)) marked.push(comment);
  }
  return marked;
}
function listedComment(item) {
  if (item === null || typeof item !== "object") return void 0;
  const fields = item;
  const { id, body } = fields;
  if (typeof id !== "number" || typeof body !== "string") return void 0;
  const { login, isBot } = authorOf(fields);
  return { id, body, login, isBot };
}
function keeper(marked) {
  return marked.find((comment) => comment.isBot) ?? marked[0];
}
async function settleOn(api, target, marked, kept, body) {
  let outcome = "unchanged";
  if (!sameBody(kept.body, body)) {
    await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: kept.id, body });
    outcome = "updated";
  }
  const duplicates = marked.filter((comment) => comment !== kept && comment.login !== void 0 && comment.login === kept.login);
  for (const duplicate of duplicates) {
    try {
      await api.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: duplicate.id });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return outcome;
}
export {
  defaultTimeoutMs,
  settleMarkedComment,
  upsertMarkedComment
};

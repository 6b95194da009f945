/**
 * The transport moved to `net/http.ts` (one pinned client for verify, revoke, notify and
 * serve). Kept only so `cli/verify-settings.ts`, under rewrite on another branch, compiles
 * unchanged; delete once it imports `../net/http.js`.
 */
export { fetchClient, type HttpClient, type HttpOutcome, type HttpRequest } from '../net/http.js';

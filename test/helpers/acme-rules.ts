/**
 * A user rule file's head for revoke-flow tests: a made-up provider (`acmerk_` + 40
 * alphanumerics) whose live check is `GET /me` answering `{ id, owner }`. Tests add a
 * `revoke:` flow under it.
 */
export function acmeRuleHead(detailFields: readonly string[]): string {
  return `provider: acme
name: ACME router
hosts: []
baseUrl: { env: ACME_BASE_URL }
rules:
  - id: acme.router-key
    name: ACME router key
    severity: high
    keywords: [acmerk_]
    pattern: '(?<![A-Za-z0-9_])acmerk_[A-Za-z0-9]{40}(?![A-Za-z0-9])'
    examples: ['token acmerk_{{alnum:40}}']
    negativeExamples: ['acmerk_placeholder']
    verify:
      request: { method: GET, path: /me, headers: { Authorization: "Bearer {key}" } }
      live: { status: [200], jsonHas: [id] }
      invalid: { status: [401], jsonHas: [error] }
      detail: { fields: [${detailFields.join(', ')}] }
`;
}

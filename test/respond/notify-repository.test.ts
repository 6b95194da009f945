/**
 * Which repository notify's GitHub channels write to, and which API they use
 * (src/respond/notify/repository.ts): `--repo`, the report, `GITHUB_REPOSITORY`, the origin
 * remote in its https and ssh forms, GitHub Enterprise hosts, `GITHUB_API_URL`. Pure: a table.
 */
import { describe, expect, it } from 'vitest';
import { parseRemoteUrl, resolveRepository, type RepositoryInputs } from '../../src/respond/notify/repository.js';

const github = { webUrl: 'https://github.com', apiUrl: 'https://api.github.com' };

/** What resolution gives, flattened for the table: `owner/name webUrl apiUrl (from)`, or the problem. */
function resolved(inputs: Partial<RepositoryInputs>): string {
  const resolution = resolveRepository({ reportRepositories: [], env: {}, ...inputs });
  if ('problem' in resolution) return `problem: ${resolution.problem}`;
  const { repository, apiUrl, from } = resolution.target;
  return `${repository.owner}/${repository.name} ${repository.webUrl} ${apiUrl} (${from})`;
}

describe('the repository notify writes to', () => {
  it.each<[string, Partial<RepositoryInputs>, string]>([
    ['--repo first', { flag: 'acme/widgets', reportRepositories: ['other/one'], env: { GITHUB_REPOSITORY: 'env/repo' }, originUrl: 'git@github.com:o/r.git' }, `acme/widgets ${github.webUrl} ${github.apiUrl} (--repo)`],
    ['then the report, when it names one', { reportRepositories: ['acme/gadgets', 'acme/gadgets'], env: { GITHUB_REPOSITORY: 'env/repo' } }, `acme/gadgets ${github.webUrl} ${github.apiUrl} (the report)`],
    ['not a report naming several', { reportRepositories: ['acme/a', 'acme/b'], env: { GITHUB_REPOSITORY: 'env/repo' } }, "problem: the report's findings are in 2 repositories; give --repo OWNER/NAME to choose one"],
    ['then GITHUB_REPOSITORY', { env: { GITHUB_REPOSITORY: 'env/repo' }, originUrl: 'git@github.com:o/r.git' }, `env/repo ${github.webUrl} ${github.apiUrl} (GITHUB_REPOSITORY)`],
    ['a malformed GITHUB_REPOSITORY', { env: { GITHUB_REPOSITORY: 'just-a-name' } }, 'problem: GITHUB_REPOSITORY is not OWNER/NAME'],
    ['then the origin remote, https', { originUrl: 'https://github.com/acme/widgets.git' }, `acme/widgets ${github.webUrl} ${github.apiUrl} (the origin remote)`],
    ['https without .git', { originUrl: 'https://github.com/acme/widgets' }, `acme/widgets ${github.webUrl} ${github.apiUrl} (the origin remote)`],
    ['https with a token in it (dropped)', { originUrl: 'https://x-access-token:ghs_abc@github.com/acme/widgets.git' }, `acme/widgets ${github.webUrl} ${github.apiUrl} (the origin remote)`],
    ['ssh, scp-like', { originUrl: 'git@github.com:acme/widgets.git' }, `acme/widgets ${github.webUrl} ${github.apiUrl} (the origin remote)`],
    ['ssh URL', { originUrl: 'ssh://git@github.com/acme/widgets.git' }, `acme/widgets ${github.webUrl} ${github.apiUrl} (the origin remote)`],
    ['Enterprise over https', { originUrl: 'https://git.corp.example/acme/widgets.git' }, 'acme/widgets https://git.corp.example https://git.corp.example/api/v3 (the origin remote)'],
    ['Enterprise over scp-like ssh', { originUrl: 'git@git.corp.example:acme/widgets.git' }, 'acme/widgets https://git.corp.example https://git.corp.example/api/v3 (the origin remote)'],
    ['Enterprise over an ssh URL with a port', { originUrl: 'ssh://git@git.corp.example:2222/acme/widgets.git' }, 'acme/widgets https://git.corp.example https://git.corp.example/api/v3 (the origin remote)'],
    ['Enterprise with GITHUB_API_URL set', { originUrl: 'git@git.corp.example:acme/widgets.git', env: { GITHUB_API_URL: 'https://api.corp.example/v3/' } }, 'acme/widgets https://git.corp.example https://api.corp.example/v3 (the origin remote)'],
    ['--repo on Enterprise (Actions sets both URLs)', { flag: 'acme/widgets', env: { GITHUB_SERVER_URL: 'https://git.corp.example', GITHUB_API_URL: 'https://git.corp.example/api/v3' } }, 'acme/widgets https://git.corp.example https://git.corp.example/api/v3 (--repo)'],
    ['--repo with only GITHUB_API_URL: pages on its host', { flag: 'acme/widgets', env: { GITHUB_API_URL: 'https://git.corp.example/api/v3' } }, 'acme/widgets https://git.corp.example https://git.corp.example/api/v3 (--repo)'],
    ['a loopback stand-in of the API', { env: { GITHUB_REPOSITORY: 'acme/widgets', GITHUB_API_URL: 'http://127.0.0.1:4000' } }, 'acme/widgets http://127.0.0.1:4000 http://127.0.0.1:4000 (GITHUB_REPOSITORY)'],
    ['nothing at all', {}, 'problem: no repository: give --repo OWNER/NAME or set GITHUB_REPOSITORY (the report names none, and its root has no origin remote)'],
    ['an origin that names no repository', { originUrl: '/srv/git/widgets.git' }, 'problem: no repository: give --repo OWNER/NAME or set GITHUB_REPOSITORY (the report names none, and its root has an origin remote that names no OWNER/NAME on a host)'],
  ])('%s', (_case, inputs, expected) => {
    expect(resolved(inputs)).toBe(expected);
  });
});

describe('origin remote URLs', () => {
  it.each([
    ['https://github.com/acme/widgets.git', 'github.com acme/widgets https://github.com'],
    ['https://GitHub.com/acme/widgets/', 'github.com acme/widgets https://github.com'],
    ['http://127.0.0.1:8080/acme/widgets.git', '127.0.0.1 acme/widgets http://127.0.0.1:8080'],
    ['https://git.corp.example:8443/acme/widgets', 'git.corp.example acme/widgets https://git.corp.example:8443'],
    ['git@github.com:acme/widgets.git', 'github.com acme/widgets https://github.com'],
    ['github.com:acme/widgets', 'github.com acme/widgets https://github.com'],
    ['ssh://git@github.com/acme/widgets.git', 'github.com acme/widgets https://github.com'],
    ['ssh://git@git.corp.example:2222/acme/my.repo.git', 'git.corp.example acme/my.repo https://git.corp.example'],
    ['git://github.com/acme/widgets.git', 'github.com acme/widgets https://github.com'],
    ['https://gitlab.com/group/subgroup/repo.git', 'none'],
    ['/srv/git/widgets.git', 'none'],
    ['./widgets', 'none'],
    ['file:///srv/git/acme/widgets.git', 'none'],
    ['C:/repos/acme/widgets', 'none'],
    ['https://github.com/-bad/widgets', 'none'],
    ['', 'none'],
  ])('%s', (url, expected) => {
    const remote = parseRemoteUrl(url);
    expect(remote ? `${remote.host} ${remote.owner}/${remote.name} ${remote.webUrl}` : 'none').toBe(expected);
  });
});

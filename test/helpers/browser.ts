/**
 * A real Chromium for the HTML report's tests, driven by playwright-core (which downloads no
 * browser of its own): the system's, as scripts/ensure-chromium.sh installs it (Debian's
 * `chromium`), or the one KEYWARDEN_CHROMIUM names.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to drive, or undefined when this machine has none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env['KEYWARDEN_CHROMIUM'];
  if (named) return named;
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of names) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Why a test cannot run here: said once, in the skip message, with how to fix it. */
export const noChromium =
  'no Chromium on this machine: run scripts/ensure-chromium.sh (as root it installs Debian\'s chromium; npm test runs it), or set KEYWARDEN_CHROMIUM to a Chromium or Chrome binary';

/** Headless, and without the sandbox when running as root (CI's container), which Chromium otherwise refuses. */
export function launchChromium(executablePath: string): Promise<Browser> {
  const asRoot = process.getuid?.() === 0;
  return chromium.launch({ executablePath, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
}

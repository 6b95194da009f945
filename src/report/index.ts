import type { CompiledRule, ScanResult } from '../core/types.js';
import { renderHtml, type HtmlResult } from './html.js';
import { renderHuman } from './human.js';
import { renderJson, renderJsonl } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { ReportContext } from './model.js';
import { renderSarif } from './sarif.js';

export const formats = ['human', 'json', 'jsonl', 'sarif', 'markdown', 'html'] as const;
export type Format = (typeof formats)[number];

/** Render a result in any format. Pure: the CLI decides where the text goes. A run's revocations are shown by html only. */
export function render(format: Format, result: ScanResult & Pick<HtmlResult, 'revocations'>, context: ReportContext, rules: readonly CompiledRule[], color = false): string {
  switch (format) {
    case 'human':
      return renderHuman(result, context, rules, color);
    case 'json':
      return renderJson(result, context);
    case 'jsonl':
      return renderJsonl(result, context);
    case 'sarif':
      return renderSarif(result, context, rules);
    case 'markdown':
      return renderMarkdown(result, context);
    case 'html':
      return renderHtml(result, context);
  }
}

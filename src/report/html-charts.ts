/**
 * The HTML report's charts, as inline SVG written here: a bar chart is a few rectangles and
 * labels, which no charting library would make smaller than this file, and the page must load
 * nothing (its Content-Security-Policy allows no script but its own). Colours come from the
 * page's stylesheet through class names, so print and dark mode restyle them too.
 *
 * Each bar is a `<g class="bar" data-label data-value>`: what a reader's tools (and the tests)
 * can read back without measuring rectangles.
 */
import { escapeHtml } from './html-text.js';

export interface Bar {
  label: string;
  value: number;
  /** A class for its colour (`status-live`). */
  tone?: string;
}

/** Longest label drawn; the whole label is the bar's tooltip. */
const maxLabel = 18;
const rowHeight = 22;
const labelWidth = 130;
const barSpace = 220;
const chartWidth = labelWidth + barSpace + 50;

const shortened = (label: string) => (label.length > maxLabel ? `${label.slice(0, maxLabel - 1)}…` : label);

/** A horizontal bar chart with a caption: one row a bar, its count after it. */
export function barChart(caption: string, bars: readonly Bar[]): string {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight;
    const width = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / largest) * barSpace));
    const label = escapeHtml(bar.label);
    return (
      `<g class="bar${bar.tone ? ` ${bar.tone}` : ''}" data-label="${label}" data-value="${bar.value}"><title>${label}: ${bar.value}</title>` +
      `<text class="label" x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shortened(bar.label))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="16" rx="2"/>` +
      `<text class="count" x="${labelWidth + width + 6}" y="${y + 15}">${bar.value}</text></g>`
    );
  });
  const height = bars.length * rowHeight;
  return figure(caption, `<svg viewBox="0 0 ${chartWidth} ${height}" width="${chartWidth}" height="${height}" role="img" aria-label="${escapeHtml(caption)}">${rows.join('')}</svg>`);
}

function figure(caption: string, svg: string): string {
  return `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
}

type Unit = 'day' | 'month' | 'year';

const dayMs = 86_400_000;

/** The calendar day an ISO 8601 date names (as written, in its own time zone), as days since 1970; undefined when it is no date. */
function dayOf(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month - 1, day) / dayMs;
}

/** `2024-03-05`, `2024-03` or `2024`: the bucket a day falls in. */
function bucketOf(day: number, unit: Unit): string {
  const iso = new Date(day * dayMs).toISOString();
  return unit === 'day' ? iso.slice(0, 10) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** Days for a few months' span, months for up to ten years, else years: at most ~120 bars. */
function unitFor(first: number, last: number): Unit {
  if (last - first <= 92) return 'day';
  return last - first <= 3660 ? 'month' : 'year';
}

/** Every bucket from the first day's to the last day's, empty ones too: time runs evenly along the axis. */
function bucketsBetween(first: number, last: number, unit: Unit): string[] {
  const buckets: string[] = [];
  const start = new Date(first * dayMs);
  for (let step = 0; ; step++) {
    const at =
      unit === 'day'
        ? first + step
        : Date.UTC(start.getUTCFullYear() + (unit === 'year' ? step : 0), unit === 'month' ? start.getUTCMonth() + step : 0, 1) / dayMs;
    if (at > last) return buckets;
    buckets.push(bucketOf(at, unit));
  }
}

const timelineWidth = 640;
const timelineHeight = 120;
const axisHeight = 18;
/** Room right of the axis for the last bucket's label. */
const labelRoom = 70;

/**
 * When keys were committed: findings per day, month or year (whichever keeps the bars
 * readable), every bucket between the first and the last drawn. Undefined when no date is
 * known (no history finding): no chart at all rather than an empty one.
 */
export function timelineChart(caption: string, dates: readonly string[]): string | undefined {
  const days = dates.map(dayOf).filter((day): day is number => day !== undefined);
  if (days.length === 0) return undefined;
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit = unitFor(first, last);
  const counts = new Map<string, number>();
  for (const day of days) counts.set(bucketOf(day, unit), (counts.get(bucketOf(day, unit)) ?? 0) + 1);
  const buckets = bucketsBetween(first, last, unit);
  const largest = Math.max(...counts.values());
  const slot = timelineWidth / buckets.length;
  const labelEvery = Math.ceil(buckets.length / 8);
  const bars = buckets.map((bucket, index) => {
    const value = counts.get(bucket) ?? 0;
    const height = value === 0 ? 0 : Math.max(2, Math.round((value / largest) * (timelineHeight - 16)));
    const x = (index * slot).toFixed(1);
    const label = index % labelEvery === 0 ? `<text class="label" x="${x}" y="${timelineHeight + 13}">${bucket}</text>` : '';
    return (
      `<g class="bar" data-label="${bucket}" data-value="${value}"><title>${bucket}: ${value}</title>` +
      `<rect x="${x}" y="${timelineHeight - height}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${height}" rx="1"/>${label}</g>`
    );
  });
  const height = timelineHeight + axisHeight;
  const width = timelineWidth + labelRoom;
  const axis = `<line class="axis" x1="0" y1="${timelineHeight + 0.5}" x2="${timelineWidth}" y2="${timelineHeight + 0.5}"/>`;
  return figure(
    `${caption} (per ${unit})`,
    `<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(caption)}">${axis}${bars.join('')}</svg>`,
  );
}

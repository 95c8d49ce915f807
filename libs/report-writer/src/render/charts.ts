// Charts of a summary: events by type (bar), by day (line) and, for a roll-up, by unit (top N bar).
// echarts renders SVG on the server; resvg turns it into PNG for Word with the Noto Sans SC file
// loaded and set as the default family (resvg silently drops text whose font it cannot match).
import { EVENT_TYPE_LABELS } from '@campaign-month/contracts';
import { renderAsync } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartKey } from '../document.js';
import type { SummaryFacts } from '../facts.js';
import { formatChineseDate } from '../format/chinese.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import { activeTypes } from '../write/publicity-section.js';
import { CJK_FONT_FAMILY, cjkFontFiles } from './fonts.js';

echarts.use([BarChart, LineChart, GridComponent, SVGRenderer]);

export interface ChartSvg {
  key: ChartKey;
  /** Caption, e.g. 各类宣传活动开展次数. */
  title: string;
  svg: string;
  /** Size the chart was laid out at, in CSS pixels. */
  width: number;
  height: number;
}

export interface ChartImage extends Omit<ChartSvg, 'svg'> {
  /** PNG at twice the layout size. */
  png: Buffer;
}

export interface ChartOptions {
  /** Units shown in the roll-up's by-unit chart. Default 15. */
  topUnits?: number;
  /** Directory with the Noto Sans SC OTF files (default: the npm package). */
  fontDir?: string;
}

const WIDTH = 800;
const COLOR = '#2F5597';
const FONT_SIZE = 20;
const label = { show: true, fontSize: FONT_SIZE - 2, color: '#333', textBorderWidth: 0 };

function render(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    color: [COLOR],
    textStyle: { fontFamily: CJK_FONT_FAMILY, fontSize: FONT_SIZE, color: '#333' },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // zrender numbers its ids (clip paths, classes) per process; renumber them per chart so that the
  // same facts always give the same SVG.
  const ids = new Map<string, string>();
  return svg.replace(/zr\d+-([a-z]+-?)\d+/g, (id, kind: string) => {
    if (!ids.has(id)) ids.set(id, `zr0-${kind}${ids.size}`);
    return ids.get(id) as string;
  });
}

function horizontalBars(names: string[], values: number[]): { option: echarts.EChartsCoreOption; height: number } {
  const height = Math.max(240, 60 + names.length * 44);
  return {
    height,
    option: {
      grid: { left: 20, right: 60, top: 20, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: FONT_SIZE - 2 } },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize: FONT_SIZE } },
      series: [{ type: 'bar', data: values, barMaxWidth: 26, label: { ...label, position: 'right' } }],
    },
  };
}

function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length < 400; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The charts that fit the facts, as SVG (for the PDF). Deterministic. */
export function chartSvgs(facts: SummaryFacts, options: ChartOptions = {}): ChartSvg[] {
  const C = ZH_CN.charts;
  const out: ChartSvg[] = [];
  const types = activeTypes(facts.byType);
  if (types.length > 1) {
    const { option, height } = horizontalBars(
      types.map((t) => EVENT_TYPE_LABELS[t.type]),
      types.map((t) => t.count),
    );
    out.push({ key: 'byType', title: C.byType, svg: render(option, height), width: WIDTH, height });
  }
  const counts = new Map(facts.byDay.map((d) => [d.day, d.count]));
  if (facts.byDay.filter((d) => d.count > 0).length > 1) {
    const days = eachDay(facts.campaign.startsOn, facts.campaign.endsOn);
    for (const d of counts.keys()) if (!days.includes(d)) days.push(d);
    days.sort();
    const height = 320;
    const option = {
      grid: { left: 20, right: 30, top: 30, bottom: 20 },
      xAxis: {
        type: 'category',
        data: days.map(formatChineseDate),
        axisLabel: { fontSize: FONT_SIZE - 3 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: FONT_SIZE - 2 } },
      series: [
        {
          type: 'line',
          data: days.map((d) => counts.get(d) ?? 0),
          symbolSize: 6,
          lineStyle: { width: 2 },
          areaStyle: { opacity: 0.12 },
          label: { ...label, position: 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        },
      ],
    };
    out.push({ key: 'byDay', title: C.byDay, svg: render(option, height), width: WIDTH, height });
  }
  if (facts.kind === 'ROLLUP') {
    const top = facts.units
      .filter((u) => u.eventCount > 0)
      .map((u, i) => ({ u, i }))
      .sort((a, b) => b.u.eventCount - a.u.eventCount || a.i - b.i)
      .slice(0, options.topUnits ?? 15)
      .map((x) => x.u);
    if (top.length > 0) {
      const { option, height } = horizontalBars(
        top.map((u) => u.name),
        top.map((u) => u.eventCount),
      );
      const title = fillText(C.byUnit, { n: top.length });
      out.push({ key: 'byUnit', title, svg: render(option, height), width: WIDTH, height });
    }
  }
  return out;
}

/** The charts as PNG (for Word): SVG → resvg at twice the size, off the event loop. */
export async function renderCharts(facts: SummaryFacts, options: ChartOptions = {}): Promise<ChartImage[]> {
  const font = cjkFontFiles(options.fontDir);
  return Promise.all(
    chartSvgs(facts, options).map(async ({ svg, ...chart }) => {
      const image = await renderAsync(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        background: '#ffffff',
        font: { fontFiles: [font.regular], loadSystemFonts: false, defaultFontFamily: CJK_FONT_FAMILY },
      });
      return { ...chart, png: image.asPng() };
    }),
  );
}

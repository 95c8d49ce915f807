// The paragraphs of a 活动总结 that its writers type themselves (every figure is generated): one
// supplement after the opening and after each section, and the 存在不足 section. Shared by the report
// writer (which places them) and the web app (which offers a box for each).
export const NARRATIVE_KEYS = [
  'opening.extra',
  'leadership.extra',
  'deployment.extra',
  'publicity.extra',
  'results.extra',
  'units.extra',
  'shortcomings',
] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

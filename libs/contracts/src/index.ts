export * from './api.js';
export * from './enums.js';
export * from './labels.zh-CN.js';
export * from './permissions.js';
export * from './planning.js';
export * from './events.js';
export * from './summaries.js';
export * from './admin.js';

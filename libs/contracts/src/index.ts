export * from './enums.js';
export * from './labels.zh-CN.js';

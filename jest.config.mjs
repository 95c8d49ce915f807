// Jest 30 runs the TypeScript sources as ESM through @swc/jest (ts-jest does not work with TypeScript 7).
const swc = [
  '@swc/jest',
  {
    module: { type: 'es6' },
    sourceMaps: 'inline',
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  },
];
// @fastify/static (which serves /api/docs) is CommonJS and require()s ESM-only packages: Node 20 loads
// those natively, Jest's module runtime does not (before Node 24.9), so they are compiled to CommonJS here.
const REQUIRED_ESM = '@fastify/static/node_modules/';
const swcCommonJs = ['@swc/jest', { module: { type: 'commonjs' }, jsc: { target: 'es2023' } }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc, [`${REQUIRED_ESM}.+\\.js$`]: swcCommonJs },
  transformIgnorePatterns: [`^(?!.*${REQUIRED_ESM}).*/node_modules/`],
  moduleNameMapper: {
    '^@campaign-month/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@campaign-month/report-writer$': '<rootDir>/libs/report-writer/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  rootDir: '.',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/apps/api/test/setup/env.ts'],
      testTimeout: 60000,
    },
  ],
};

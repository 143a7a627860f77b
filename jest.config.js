/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }] },
  maxWorkers: 2,
  // tests that start the built CLI, LibreOffice or Chromium wait on other processes; on a loaded 2-core
  // machine they can take far longer than jest's 5 s default (timing is measured by npm run bench, not here)
  testTimeout: 60_000,
};

/**
 * Jest for mutation testing (`npm run mutate`): the core's tests only, without the layout test (it reads files,
 * not behaviour) and without coverage of the hosts.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/core"],
  testPathIgnorePatterns: ["/node_modules/", "layout\\.test\\.ts$"],
};

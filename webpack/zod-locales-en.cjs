/* global exports */
// stands in for zod/v4/locales/index.cjs in the bundles (see zod-english.js); webpack resolves this file's
// requests from zod's locales folder, where index.cjs sits
exports.en = require("./en.cjs").default;

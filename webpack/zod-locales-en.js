// stands in for zod/v4/locales/index.js in the bundles (see zod-english.js); webpack resolves this file's
// requests from zod's locales folder, where index.js sits
export { default as en } from "./en.js";

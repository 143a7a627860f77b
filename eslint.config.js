// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/artifacts/**", "bench/.compare-*/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // the core never imports a host
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["exceljs", "exceljs/*"], message: "shared/ là lõi thuần: không dùng ExcelJS." },
            {
              group: ["node:*", "fs", "path", "os", "child_process"],
              message: "shared/ là lõi thuần: không dùng Node.",
            },
            { group: ["**/src/**", "../src/*"], message: "shared/ không phụ thuộc vào host." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "SpreadsheetApp",
        "HtmlService",
        "process",
        "require",
      ],
    },
  },
);

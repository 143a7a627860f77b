// the Node command line: cds-grade.js starts a child process (cds-grade-run.js) that does the work, so
// that running out of memory ends in words (src/cli/main.ts); cds-grade-api.js exports the same runCli for
// callers in one node process (bench/rollup.ts grades files one by one with it). ExcelJS's workbook is
// carried in the bundles (src/cli/exceljs.ts): one file to load instead of some 300 modules to resolve.
const path = require("path");
const webpack = require("webpack");

module.exports = (_env, argv) => ({
  name: "cli",
  target: "node20",
  mode: argv.mode || "production",
  entry: {
    "cds-grade": "./src/cli/main.ts",
    "cds-grade-run": "./src/cli/child.ts",
    "cds-grade-api": { import: "./src/cli/run.ts", library: { type: "commonjs2" } },
  },
  output: { path: path.resolve(__dirname, "..", "dist", "cli"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      // ES modules, so that webpack sees zod's exports and leaves out what the core does not use
      {
        test: /\.ts$/,
        loader: "ts-loader",
        options: { transpileOnly: true, compilerOptions: { module: "es2020" } },
        exclude: /node_modules/,
      },
    ],
  },
  optimization: { minimize: false },
  devtool: false,
  plugins: [
    new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, include: /^cds-grade\.js$/ }),
  ],
});

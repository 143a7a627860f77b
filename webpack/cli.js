// the Node command line: one file, ExcelJS left to node_modules; cds-grade-api.js exports the same runCli
// for callers in one node process (bench/rollup.ts grades files one by one with it)
const path = require("path");
const webpack = require("webpack");

module.exports = (_env, argv) => ({
  name: "cli",
  target: "node20",
  mode: argv.mode || "production",
  entry: {
    "cds-grade": "./src/cli/main.ts",
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
  externals: { exceljs: "commonjs exceljs" },
  optimization: { minimize: false },
  devtool: false,
  plugins: [
    new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, include: /^cds-grade\.js$/ }),
  ],
});

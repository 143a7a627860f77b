// the Node command line: one file, ExcelJS left to node_modules
const path = require("path");
const webpack = require("webpack");

module.exports = (_env, argv) => ({
  name: "cli",
  target: "node20",
  mode: argv.mode || "production",
  entry: { "cds-grade": "./src/cli/main.ts" },
  output: { path: path.resolve(__dirname, "..", "dist", "cli"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      { test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true }, exclude: /node_modules/ },
    ],
  },
  externals: { exceljs: "commonjs exceljs" },
  optimization: { minimize: false },
  devtool: false,
  plugins: [new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true })],
});

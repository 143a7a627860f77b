// the Google Sheets add-on: one V8 script (Code.js), the sidebar as one self-contained Sidebar.html,
// and appsscript.json, all in dist/sheets for `clasp push`
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyPlugin = require("copy-webpack-plugin");

const root = path.resolve(__dirname, "..");
const src = path.join(root, "src", "sheets");

/**
 * Apps Script has no modules: the bundle is `var CdsSheets = …` and the hand-written src/sheets/globals.js
 * (top-level functions with their JSDoc, CDS_DAT's @customfunction included) is appended after it.
 * The sidebar script is inlined into Sidebar.html, since HtmlService serves one file.
 */
class AppsScriptFilesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AppsScriptFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AppsScriptFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const { RawSource } = compiler.webpack.sources;
          const globalsFile = path.join(src, "globals.js");
          const templateFile = path.join(src, "sidebar", "sidebar.html");
          compilation.fileDependencies.add(globalsFile);
          compilation.fileDependencies.add(templateFile);

          const code = assets["Code.js"].source().toString();
          const globals = fs.readFileSync(globalsFile, "utf8");
          compilation.updateAsset("Code.js", new RawSource(`${code}\n${globals}`));

          // `</script` inside the bundle would end the inline script early
          const script = assets["sidebar.js"]
            .source()
            .toString()
            .replace(/<\/(script)/gi, "<\\/$1");
          const template = fs.readFileSync(templateFile, "utf8");
          if (!template.includes("<!-- SCRIPT -->"))
            throw new Error("sidebar.html: thiếu chỗ <!-- SCRIPT -->");
          const html = template.replace("<!-- SCRIPT -->", () => `<script>\n${script}\n</script>`);
          compilation.emitAsset("Sidebar.html", new RawSource(html));
          compilation.deleteAsset("sidebar.js");
        },
      );
    });
  }
}

module.exports = (_env, argv) => ({
  name: "sheets",
  target: ["web", "es2019"],
  mode: argv.mode || "production",
  context: root,
  entry: {
    Code: { import: "./src/sheets/main.ts", library: { name: "CdsSheets", type: "var" } },
    sidebar: "./src/sheets/sidebar/sidebar.ts",
  },
  output: { path: path.join(root, "dist", "sheets"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        // Apps Script's V8 and the sidebar's browsers: ES2019 syntax is safe everywhere
        options: {
          transpileOnly: true,
          compilerOptions: { target: "ES2019", module: "es2020", sourceMap: false },
        },
        exclude: /node_modules/,
      },
    ],
  },
  // Apps Script shows the code in its editor: keep it readable, keep the JSDoc of the globals
  optimization: {
    minimize: true,
    minimizeOptions: {
      javascript: {
        compress: { passes: 2 },
        mangle: false,
        format: { beautify: true, indent_level: 2, comments: false },
      },
    },
    splitChunks: false,
    runtimeChunk: false,
  },
  devtool: false,
  performance: { hints: false },
  plugins: [
    new CopyPlugin({ patterns: [{ from: "appsscript.json", to: "appsscript.json" }] }),
    new AppsScriptFilesPlugin(),
  ],
});
